package io.stsvend.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
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
import org.jose4j.keys.resolvers.VerificationKeyResolver;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The JWT parser Quarkus verifies bearer tokens with: smallrye-jwt's own, with every check it makes (algorithms,
 * issuer, audience, lifetime, required claims), except that with a JWKS URL the keys come from {@link JwksKeys}
 * instead of smallrye-jwt's JWKS cache, whose refresh settings are whole minutes and whose forced refresh blocks.
 * With a static key (PEM, tests, local mode) it is smallrye-jwt's parser unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class JwksJwtParser implements JWTParser {

    private final DefaultJWTParser delegate;

    @Inject
    public JwksJwtParser(JWTAuthContextInfo info, JwksKeys keys) {
        this.delegate = keys.enabled() ? new DefaultJWTParser(info, new Factory(new JwksKeyResolver(keys)))
                : new DefaultJWTParser(info);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return delegate.parse(token);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }

    /** smallrye-jwt's principal factory with the key resolver swapped. */
    private static final class Factory extends JWTCallerPrincipalFactory {

        private final DefaultJWTTokenParser parser;

        Factory(VerificationKeyResolver resolver) {
            this.parser = new DefaultJWTTokenParser() {
                @Override
                protected VerificationKeyResolver getVerificationKeyResolver(JWTAuthContextInfo info) {
                    return resolver;
                }
            };
        }

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
            JwtContext context = parser.parse(token, info);
            String type = context.getJoseObjects().get(0).getHeader("typ");
            return new DefaultJWTCallerPrincipal(type, context.getJwtClaims());
        }
    }
}
