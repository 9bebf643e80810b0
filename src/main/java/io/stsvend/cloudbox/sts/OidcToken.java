package io.stsvend.cloudbox.sts;

import java.time.Instant;
import java.util.List;

/**
 * The verified claims of an OIDC token, as STS reports them in {@code OIDCTokenInfo}.
 *
 * @param issuedAt the {@code iat} claim; null when the token has none
 */
record OidcToken(String subject, String issuer, List<String> audiences, Instant issuedAt, Instant expiresAt) {
}
