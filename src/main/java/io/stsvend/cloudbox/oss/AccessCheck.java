package io.stsvend.cloudbox.oss;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an authenticated request to the {@link OssAuthorizer} inputs: RAM action, resource ARN (bucket ARN or
 * {@code bucket/<raw key>}) and condition context, then asks the authorizer. A denial becomes 403 AccessDenied
 * "Access denied by authorizer's policy.".
 */
final class AccessCheck {

    private final OssAuthorizer authorizer;

    AccessCheck(OssAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    void require(OssRequest request, OssOperation operation, Authentication auth, Instant now) {
        String arn = operation.objectLevel ? request.bucket().objectArn(request.key()) : request.bucket().arn();
        Map<String, List<String>> context = context(request, operation, auth, now);
        boolean allowed;
        try {
            allowed = authorizer.allowed(auth.session(), operation.action, arn, context);
        } catch (RuntimeException e) {
            // Fail closed: an authorizer that cannot decide denies.
            allowed = false;
        }
        if (!allowed) {
            throw new OssException(OssErrorCode.ACCESS_DENIED, OssErrorCode.ACCESS_DENIED.message,
                    Map.of("AuthAction", operation.action));
        }
    }

    static Map<String, List<String>> context(OssRequest request, OssOperation operation, Authentication auth,
                                             Instant now) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        context.put("acs:SourceIp", List.of(request.sourceIp()));
        context.put("acs:SecureTransport", List.of(String.valueOf(request.secure())));
        context.put("acs:CurrentTime", List.of(now.toString()));
        context.put("acs:AccessId", List.of(auth.accessKeyId()));
        if (request.header("User-Agent") != null) {
            context.put("acs:UserAgent", List.of(request.header("User-Agent")));
        }
        if (operation == OssOperation.LIST_OBJECTS || operation == OssOperation.LIST_OBJECTS_V2) {
            // A missing prefix is evaluated as "" (spec §3.6), so a prefix-restricted policy cannot list the root.
            String prefix = request.param("prefix");
            context.put("oss:Prefix", List.of(prefix == null ? "" : prefix));
            if (request.param("delimiter") != null) {
                context.put("oss:Delimiter", List.of(request.param("delimiter")));
            }
        }
        return Map.copyOf(context);
    }
}
