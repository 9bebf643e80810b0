package io.stsvend.cloudbox.sts;

import io.stsvend.cloudbox.SessionTokenCodec;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * Runs the operation named by {@code Action} for an already verified caller, applying injected faults first, and
 * counts the calls. Unknown actions answer {@code InvalidAction.NotFound}. Thread-safe.
 */
final class StsOperations {

    private static final Logger LOG = Logger.getLogger(StsOperations.class);

    private final AssumeRoleAction assumeRole;
    private final CallerIdentityAction callerIdentity;
    private final AssumeRoleWithOidcAction assumeRoleWithOidc;
    private final StsFaults faults;
    private final AtomicLong assumeRoleCalls = new AtomicLong();
    private final AtomicLong issuedCredentials = new AtomicLong();
    private final AtomicLong assumeRoleWithOidcCalls = new AtomicLong();

    StsOperations(StsEmulatorSettings settings, List<OidcProvider> oidcProviders, SessionTokenCodec codec,
                  Clock clock, StsFaults faults, AssumeRolePermission permission) {
        this.assumeRole = new AssumeRoleAction(settings, codec, clock, permission);
        this.callerIdentity = new CallerIdentityAction(settings);
        this.assumeRoleWithOidc = new AssumeRoleWithOidcAction(settings.accountId(), oidcProviders,
                new OidcTokenVerifier(clock), assumeRole);
        this.faults = faults;
    }

    /** The success body of the operation, or a {@link StsRejection}. */
    JsonObject run(String action, RamPrincipal caller, Map<String, String> params, String requestId) {
        switch (action) {
            case "AssumeRole":
                assumeRoleCalls.incrementAndGet();
                injectFailure(true);
                JsonObject issued = assumeRole.assumeRole(caller, params, requestId);
                issuedCredentials.incrementAndGet();
                LOG.debugf("STS AssumeRole issued %s (RequestId %s)",
                        issued.getJsonObject("Credentials").getString("AccessKeyId"), requestId);
                return issued;
            case AssumeRoleWithOidcAction.NAME:
                assumeRoleWithOidcCalls.incrementAndGet();
                injectFailure(false);
                return assumeRoleWithOidc.assumeRole(params, requestId);
            case "GetCallerIdentity":
                injectFailure(false);
                return callerIdentity.describe(caller, requestId);
            default:
                throw StsError.ACTION_NOT_FOUND.reject();
        }
    }

    long assumeRoleCalls() {
        return assumeRoleCalls.get();
    }

    long assumeRoleWithOidcCalls() {
        return assumeRoleWithOidcCalls.get();
    }

    long issuedCredentials() {
        return issuedCredentials.get();
    }

    private void injectFailure(boolean assumeRoleCall) {
        faults.takeFailure(assumeRoleCall).ifPresent(error -> {
            throw error.toRejection();
        });
    }
}
