package io.stsvend.cloudbox.sts;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An OIDC identity provider registered in the emulated RAM account, as RRSA registers a cluster's service-account
 * issuer: STS trusts JWTs that this issuer signed with {@code signingKey} (RS256) and whose {@code aud} is one of
 * {@code clientIds}.
 *
 * @param name       provider name; its ARN is {@code acs:ram::<account>:oidc-provider/<name>}
 * @param issuer     the exact {@code iss} of accepted tokens, e.g. the cluster's issuer URL
 * @param signingKey the issuer's RSA public key
 * @param clientIds  accepted audiences; RRSA uses {@code sts.aliyuncs.com}
 */
public record OidcProvider(String name, String issuer, PublicKey signingKey, Set<String> clientIds) {

    /** The audience RRSA puts in projected service-account tokens. */
    public static final String STS_AUDIENCE = "sts.aliyuncs.com";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.\\-]{1,128}");

    public OidcProvider {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("provider name must be 1-128 letters, digits, '.' or '-'");
        }
        Objects.requireNonNull(issuer, "issuer");
        if (signingKey == null || !"RSA".equals(signingKey.getAlgorithm())) {
            throw new IllegalArgumentException("signingKey must be an RSA public key");
        }
        clientIds = Set.copyOf(clientIds);
        if (clientIds.isEmpty()) {
            throw new IllegalArgumentException("at least one client id is required");
        }
    }

    /** This provider's ARN in the given account. */
    public String arn(String accountId) {
        return "acs:ram::" + accountId + ":oidc-provider/" + name;
    }
}
