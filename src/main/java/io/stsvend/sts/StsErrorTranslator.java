package io.stsvend.sts;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Maps the SDK's exceptions onto the error catalogue. The SDK's message is never passed on (it can contain the
 * request URL); only its error code and STS request id are logged, once, here.
 *
 * <ul>
 *   <li>throttling → {@link ErrorCode#STS_THROTTLED}, unreachable / timed out / 5xx → {@link ErrorCode#STS_UNAVAILABLE}
 *       (both 503 with Retry-After);</li>
 *   <li>our key, role, permission or request being wrong → {@link ErrorCode#STS_MISCONFIGURED} (an operator must
 *       act; logged as an error);</li>
 *   <li>anything else → {@link ErrorCode#STS_ERROR} (502).</li>
 * </ul>
 */
final class StsErrorTranslator {

    private static final Logger LOG = Logger.getLogger(StsErrorTranslator.class);
    static final Duration THROTTLED_RETRY_AFTER = Duration.ofSeconds(1);
    static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(5);

    CodedException translate(ClientException e) {
        String code = e.getErrCode() == null ? "" : e.getErrCode();
        ErrorCode mapped = classify(e, code);
        if (mapped == ErrorCode.STS_MISCONFIGURED || mapped == ErrorCode.STS_ERROR) {
            LOG.errorf("AssumeRole failed: STS code=%s requestId=%s", code, e.getRequestId());
        } else {
            LOG.warnf("AssumeRole failed transiently: STS code=%s requestId=%s", code, e.getRequestId());
        }
        return switch (mapped) {
            case STS_THROTTLED -> new CodedException(mapped, null, THROTTLED_RETRY_AFTER);
            case STS_UNAVAILABLE -> new CodedException(mapped, null, UNAVAILABLE_RETRY_AFTER);
            default -> new CodedException(mapped, null);
        };
    }

    CodedException malformedResponse(RuntimeException e) {
        LOG.errorf("AssumeRole returned a response that could not be read (%s)", e.getClass().getSimpleName());
        return new CodedException(ErrorCode.STS_ERROR, null);
    }

    static ErrorCode classify(ClientException e, String code) {
        if (code.startsWith("Throttling") || code.equals("SDK.RequestTryOrRetryFailed")) {
            return ErrorCode.STS_THROTTLED;
        }
        if (code.equals("SDK.ServerUnreachable") || code.equals("SDK.ReadTimeout")
                || code.equals("ServiceUnavailable") || e instanceof ServerException) {
            return ErrorCode.STS_UNAVAILABLE;
        }
        if (code.startsWith("InvalidAccessKeyId") || code.startsWith("SDK.InvalidAccessKeySecret")
                || code.equals("SignatureDoesNotMatch") || code.equals("NoPermission")
                || code.startsWith("EntityNotExist") || code.startsWith("InvalidParameter")
                || code.startsWith("InvalidSecurityToken") || code.equals("MissingSecurityToken")
                || code.equals("SDK.InvalidProfile") || code.startsWith("AuthenticationFail")
                || code.equals(ServerCredentials.TOKEN_FILE_UNREADABLE)) {
            return ErrorCode.STS_MISCONFIGURED;
        }
        return ErrorCode.STS_ERROR;
    }
}
