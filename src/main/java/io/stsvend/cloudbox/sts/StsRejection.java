package io.stsvend.cloudbox.sts;

/**
 * Ends an STS request with an Alibaba-style error: HTTP status, error code and message. The message must never
 * contain an AccessKeySecret; it is sent to the caller verbatim. Carries no stack trace (it is control flow).
 */
public final class StsRejection extends RuntimeException {

    private final int status;
    private final String code;

    public StsRejection(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
