package io.stsvend.identity;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

import java.security.Key;
import java.util.List;

/**
 * Picks the verification key for a token from {@link JwksKeys} by its {@code kid}, without network I/O (the JWT
 * is verified on the event loop). A token without {@code kid} is verified only by the sole key of a set whose keys
 * carry no ids. Algorithm constraints stay smallrye-jwt's ({@code mp.jwt.verify.publickey.algorithm}).
 */
final class JwksKeyResolver implements VerificationKeyResolver {

    private final JwksKeys keys;

    JwksKeyResolver(JwksKeys keys) {
        this.keys = keys;
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        String kid = jws.getKeyIdHeaderValue();
        // The message never quotes the kid: it is attacker-chosen text.
        return (kid == null ? keys.soleKey() : keys.key(kid))
                .orElseThrow(() -> new UnresolvableKeyException("no known signing key for the token's kid"));
    }
}
