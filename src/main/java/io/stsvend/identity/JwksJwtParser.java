package io.stsvend.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The JWT parser Quarkus verifies bearer tokens with: smallrye-jwt's own, with every check it makes (algorithms,
 * issuer, audience, lifetime, required claims), except that with a JWKS URL the keys come from {@link JwksKeys}
 * instead of smallrye-jwt's JWKS cache, whose refresh settings are whole minutes and whose forced refresh blocks.
 * With a static key (PEM, tests, local mode) the checks and keys are smallrye-jwt's unchanged.
 *
 * <p>{@link #parse(String)}, the bearer-token path, first asks {@link VerifiedTokens} for an earlier successful
 * verification of exactly the same token string; only successes are remembered, failures are verified (and
 * refused) afresh every time. Every principal it returns is a {@link VerifiedJwt}: the request's token over a
 * verification that holds no token text, which is what the cache keeps.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class JwksJwtParser implements JWTParser {

    private final DefaultJWTParser delegate;
    private final JwksKeys keys;
    private final VerifiedTokens verified;

    @Inject
    public JwksJwtParser(JWTAuthContextInfo info, JwksKeys keys, VerifiedTokens verified) {
        this.delegate = new DefaultJWTParser(info, new Factory(keys.enabled() ? new JwksKeyResolver(keys) : null));
        this.keys = keys;
        this.verified = verified;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Optional<VerifiedJwt.Verification> earlier = verified.get(token);
        if (earlier.isPresent()) {
            // A hit resolves no key, so it must still let the key set age out and refresh (which invalidates).
            keys.refreshIfDue();
            return new VerifiedJwt(earlier.get(), token);
        }
        long generation = verified.keyGeneration();
        JsonWebToken parsed = delegate.parse(token);
        if (parsed instanceof VerifiedJwt.Verification verification) {
            verified.put(token, verification, generation);
        }
        return forRequest(parsed, token);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return forRequest(delegate.parse(token, context), token);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return forRequest(delegate.verify(token, key), token);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return forRequest(delegate.verify(token, key), token);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return forRequest(delegate.verify(token, secret), token);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return forRequest(delegate.decrypt(token, key), token);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return forRequest(delegate.decrypt(token, key), token);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return forRequest(delegate.decrypt(token, secret), token);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return forRequest(delegate.parseOnly(token), token);
    }

    /** What the factory built, as one request carries it: the shared verification with that request's token. */
    private static JsonWebToken forRequest(JsonWebToken parsed, String token) {
        return parsed instanceof VerifiedJwt.Verification verification ? new VerifiedJwt(verification, token) : parsed;
    }

    /**
     * smallrye-jwt's principal factory (same parse, same checks) building {@link VerifiedJwt}s, with the key
     * resolver swapped when {@code resolver} is not null.
     */
    private static final class Factory extends JWTCallerPrincipalFactory {

        private final DefaultJWTTokenParser parser;

        Factory(VerificationKeyResolver resolver) {
            this.parser = resolver == null ? new DefaultJWTTokenParser() : new DefaultJWTTokenParser() {
                @Override
                protected VerificationKeyResolver getVerificationKeyResolver(JWTAuthContextInfo info) {
                    return resolver;
                }
            };
        }

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
            JwtContext context = parser.parse(token, info);
            JsonWebStructure outer = context.getJoseObjects().get(0);
            return new VerifiedJwt.Verification(outer.getHeader("typ"), context.getJwtClaims(),
                    outer.getKeyIdHeaderValue());
        }
    }
}
