package io.stsvend.identity;

import io.stsvend.configcheck.ConfigurationRule;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Token verification must be configured before the service reports ready: a key to check signatures with
 * ({@code mp.jwt.verify.publickey.location}, the IdP's JWKS URL in production, or an inline
 * {@code mp.jwt.verify.publickey}) and the issuer whose tokens are accepted ({@code mp.jwt.verify.issuer}).
 * Without a key every token fails (the service would be ready yet refuse every user); without an issuer, a token
 * signed by the same keys for another issuer would pass. Local mode supplies both when none is set.
 */
@Singleton
public class JwtVerificationCheck implements ConfigurationRule {

    private final List<String> problems;

    @Inject
    public JwtVerificationCheck(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
                                @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
                                @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        this.problems = problems(location, key, issuer);
    }

    static List<String> problems(Optional<String> location, Optional<String> key, Optional<String> issuer) {
        List<String> problems = new ArrayList<>();
        if (blank(location) && blank(key)) {
            problems.add("mp.jwt.verify.publickey.location: no key to verify tokens with; set it to the identity"
                    + " provider's JWKS URL (or mp.jwt.verify.publickey to its public key)");
        }
        if (blank(issuer)) {
            problems.add("mp.jwt.verify.issuer: must name the identity provider whose tokens are accepted");
        }
        return problems;
    }

    private static boolean blank(Optional<String> value) {
        return value.map(String::isBlank).orElse(true);
    }

    @Override
    public List<String> problems() {
        return problems;
    }
}
