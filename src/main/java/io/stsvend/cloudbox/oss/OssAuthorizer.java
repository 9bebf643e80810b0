package io.stsvend.cloudbox.oss;

import io.stsvend.cloudbox.SessionClaims;

import java.util.List;
import java.util.Map;

/**
 * Decides whether an authenticated STS session may perform one OSS action. The emulator calls it once per request,
 * after the signature and the SecurityToken have been verified, on the event loop: implementations must be fast and
 * non-blocking, and must fail closed (return {@code false}) when in doubt.
 *
 * <p>{@code action} is the RAM action (e.g. {@code oss:PutObject}); {@code resourceArn} is
 * {@code acs:oss:*:<owner>:<bucket>} for bucket-level operations or {@code acs:oss:*:<owner>:<bucket>/<raw key>} for
 * objects; {@code context} holds the condition keys ({@code acs:SourceIp}, {@code acs:SecureTransport},
 * {@code acs:CurrentTime}, {@code acs:AccessId}, {@code acs:UserAgent}, and for listings {@code oss:Prefix} and,
 * when sent, {@code oss:Delimiter}), each with one value.
 */
@FunctionalInterface
public interface OssAuthorizer {

    boolean allowed(SessionClaims session, String action, String resourceArn, Map<String, List<String>> context);
}
