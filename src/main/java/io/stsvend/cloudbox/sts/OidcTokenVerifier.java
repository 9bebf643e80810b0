package io.stsvend.cloudbox.sts;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Verifies the OIDC token of an {@code AssumeRoleWithOIDC} call against a registered {@link OidcProvider}, in the
 * order that gives the most specific error: shape ({@code AuthenticationFail.OIDCToken.Invalid}), RS256 signature
 * ({@code .InvalidSignature}; {@code alg} other than RS256, including {@code none}, is invalid), issuer
 * ({@code .Invalid}), audience ({@code .AudienceNotMatch}), then expiry against the injected clock
 * ({@code .Expired}). Thread-safe.
 */
final class OidcTokenVerifier {

    private final Clock clock;

    OidcTokenVerifier(Clock clock) {
        this.clock = clock;
    }

    OidcToken verify(String jwt, OidcProvider provider) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw StsError.OIDC_TOKEN_INVALID.reject();
        }
        JsonObject header = json(parts[0]);
        JsonObject claims = json(parts[1]);
        if (!"RS256".equals(header.getValue("alg"))) {
            throw StsError.OIDC_TOKEN_INVALID.reject();
        }
        if (!signatureValid(parts, provider)) {
            throw StsError.OIDC_TOKEN_INVALID_SIGNATURE.reject();
        }
        if (!provider.issuer().equals(claims.getValue("iss")) || !(claims.getValue("sub") instanceof String)) {
            throw StsError.OIDC_TOKEN_INVALID.reject();
        }
        List<String> audiences = audiences(claims.getValue("aud"));
        if (audiences.stream().noneMatch(provider.clientIds()::contains)) {
            throw StsError.OIDC_TOKEN_AUDIENCE_NOT_MATCH.reject();
        }
        Instant expiresAt = instant(claims.getValue("exp"));
        if (expiresAt == null) {
            throw StsError.OIDC_TOKEN_INVALID.reject();
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw StsError.OIDC_TOKEN_EXPIRED.reject();
        }
        return new OidcToken(claims.getString("sub"), provider.issuer(), audiences, instant(claims.getValue("iat")),
                expiresAt);
    }

    private static boolean signatureValid(String[] parts, OidcProvider provider) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(provider.signingKey());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(decode(parts[2]));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static JsonObject json(String segment) {
        try {
            return new JsonObject(new String(decode(segment), StandardCharsets.UTF_8));
        } catch (DecodeException | ClassCastException e) {
            throw StsError.OIDC_TOKEN_INVALID.reject();
        }
    }

    private static byte[] decode(String segment) {
        try {
            return Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw StsError.OIDC_TOKEN_INVALID.reject();
        }
    }

    /** {@code aud} is a string or an array of strings (RFC 7519 §4.1.3). */
    private static List<String> audiences(Object aud) {
        if (aud instanceof String single) {
            return List.of(single);
        }
        if (aud instanceof JsonArray many && many.stream().allMatch(String.class::isInstance)) {
            return many.stream().map(String.class::cast).toList();
        }
        throw StsError.OIDC_TOKEN_INVALID.reject();
    }

    private static Instant instant(Object numericDate) {
        return numericDate instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
    }
}
