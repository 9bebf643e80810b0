package io.stsvend.admin;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.identity.Caller;
import io.stsvend.issuance.MissLimitConfig;
import io.stsvend.issuance.MissLimiter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The one way into an admin action. {@link #admit} takes a token smallrye-jwt has already verified (signature,
 * issuer, lifetime, one of the accepted audiences) and lets it through only if it is an admin token
 * ({@link #isAdminToken}), carries a subject, holds the admin role and its subject is within its rate limit; every
 * refusal is audited here, and the caller audits the outcome of an admitted action. Refusals are 403
 * {@code forbidden} or 429 {@code rate-limited} (with Retry-After), never naming what the token lacked beyond
 * "admin token" or "admin role".
 *
 * <p>The limit is {@link MissLimiter}'s cell rate algorithm on the injected clock, keyed by admin subject.
 */
@ApplicationScoped
public class AdminGate {

    private final AdminConfig config;
    private final AdminAudit audit;
    private final MissLimiter limiter;

    @Inject
    public AdminGate(AdminConfig config, AdminAudit audit, Clock clock) {
        this.config = config;
        this.audit = audit;
        this.limiter = new MissLimiter(limitOf(config.rateLimit()), clock);
    }

    /** True when the token's {@code aud} names the admin audience: such a token is for {@code /admin/*} only. */
    public boolean isAdminToken(JsonWebToken token) {
        Set<String> audience = token.getAudience();
        return audience != null && audience.contains(config.audience());
    }

    /**
     * @throws CodedException {@code FORBIDDEN} or {@code RATE_LIMITED}, after writing the audit line
     */
    public Admin admit(JsonWebToken token, String action) {
        String subject = token.getSubject();
        if (!isAdminToken(token)) {
            throw refused(subject, action, ErrorCode.FORBIDDEN, "The admin API accepts admin tokens only.");
        }
        if (subject == null || subject.isEmpty()) {
            throw refused(null, action, ErrorCode.FORBIDDEN, "An admin token needs a subject.");
        }
        // The role claim as the IdP wrote it (Caller reads the payload): smallrye-jwt's own view of "groups" is
        // pointed away from the IdP's claim, so token.getClaim("groups") would never hold the role.
        if (!hasRole(Caller.from(token).claim(config.roleClaim()).orElse(null))) {
            throw refused(subject, action, ErrorCode.FORBIDDEN, "This token does not hold the admin role.");
        }
        Optional<Duration> wait = limiter.tryAcquire(subject);
        if (wait.isPresent()) {
            audit.record(subject, action, null, ErrorCode.RATE_LIMITED.code());
            throw new CodedException(ErrorCode.RATE_LIMITED, "Too many admin requests; retry later.", wait.get());
        }
        return new Admin(subject);
    }

    /** Audits a request refused before it reached {@link #admit} (a user token on an admin path). */
    public CodedException refused(String subject, String action, ErrorCode code, String detail) {
        audit.record(subject, action, null, code.code());
        return new CodedException(code, detail);
    }

    private boolean hasRole(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> config.role().equals(text(v)));
        }
        return config.role().equals(text(claim));
    }

    private static String text(Object value) {
        return value instanceof JsonString s ? s.getString() : value instanceof String s ? s : null;
    }

    private static MissLimitConfig limitOf(AdminConfig.RateLimit limit) {
        return new MissLimitConfig() {
            @Override
            public int perSubject() {
                return limit.perAdmin();
            }

            @Override
            public Duration window() {
                return limit.window();
            }

            @Override
            public long trackedSubjects() {
                // Admins are few; a token holder rotating subjects is still bounded in memory.
                return 10_000;
            }
        };
    }
}
