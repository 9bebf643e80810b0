package io.stsvend.cloudbox.sts;

import io.vertx.core.json.JsonObject;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The AssumeRoleWithOIDC operation (spec §1.7), the call RRSA makes on ACK: anonymous (the OIDC token is the
 * credential), so the emulator front lets it through without a signature but only over TLS. Checks the
 * {@code OIDCProviderArn} names a registered {@link OidcProvider}, the token (4–20000 characters) with the
 * {@link OidcTokenVerifier}, then the role parameters ({@code RoleArn}, {@code RoleSessionName},
 * {@code DurationSeconds}, optional {@code Policy}) and minting exactly as {@link AssumeRoleAction} does, and adds
 * {@code OIDCTokenInfo}. Role trust policies are not modelled: a registered provider may assume any configured role.
 * Thread-safe.
 */
final class AssumeRoleWithOidcAction {

    static final String NAME = "AssumeRoleWithOIDC";
    private static final int MIN_TOKEN_LENGTH = 4;
    private static final int MAX_TOKEN_LENGTH = 20000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Map<String, OidcProvider> providersByArn;
    private final OidcTokenVerifier verifier;
    private final AssumeRoleAction assumeRole;

    AssumeRoleWithOidcAction(String accountId, List<OidcProvider> providers, OidcTokenVerifier verifier,
                             AssumeRoleAction assumeRole) {
        this.providersByArn = providers.stream()
                .collect(Collectors.toUnmodifiableMap(p -> p.arn(accountId), Function.identity()));
        this.verifier = verifier;
        this.assumeRole = assumeRole;
    }

    JsonObject assumeRole(Map<String, String> params, String requestId) {
        OidcProvider provider = providersByArn.get(RequestAuthenticator.required(params, "OIDCProviderArn"));
        if (provider == null) {
            throw StsError.OIDC_PROVIDER_NOT_FOUND.reject();
        }
        String jwt = RequestAuthenticator.required(params, "OIDCToken");
        if (jwt.length() < MIN_TOKEN_LENGTH || jwt.length() > MAX_TOKEN_LENGTH) {
            throw StsError.INVALID_PARAMETER.reject("OIDCToken");
        }
        OidcToken token = verifier.verify(jwt, provider);
        return assumeRole.assumeRoleTrustedByProvider(params, requestId).put("OIDCTokenInfo", tokenInfo(token));
    }

    private static JsonObject tokenInfo(OidcToken token) {
        JsonObject info = new JsonObject()
                .put("Subject", token.subject())
                .put("Issuer", token.issuer())
                .put("ClientIds", String.join(",", token.audiences()))
                .put("ExpirationTime", TIME.format(token.expiresAt()))
                .put("VerificationInfo", "Success");
        if (token.issuedAt() != null) {
            info.put("IssuanceTime", TIME.format(token.issuedAt()));
        }
        return info;
    }
}
