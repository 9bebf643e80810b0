package io.stsvend.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.issuance.IssuedCredentials;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import java.util.concurrent.CompletionException;

/**
 * The body shapes {@code GET /credentials} can answer with (spec §7). {@link #NATIVE} is the service's own body,
 * with errors as {@code application/problem+json}. {@link #ALIYUN} ({@code "StatusCode":"200"}, a string, for the
 * OSS mobile SDKs' {@code OSSAuthCredentialsProvider} and Java's {@code CustomSessionCredentialsProvider}) and
 * {@link #CREDENTIALS_URI} ({@code "Code":"Success"}, for {@code URLCredentialsProvider}) answer errors with the
 * catalogue's HTTP status and a §7.5 body: {@code StatusCode} (string), {@code ErrorCode}, {@code ErrorMessage}.
 */
enum CredentialsFormat {
    NATIVE, ALIYUN, CREDENTIALS_URI;

    private static final Logger LOG = Logger.getLogger(CredentialsFormat.class);

    /** The {@code format} query parameter; absent means {@link #NATIVE}. Unknown values are {@code bad-request}. */
    static CredentialsFormat parse(String value) {
        if (value == null || value.equals("native")) {
            return NATIVE;
        }
        return switch (value) {
            case "aliyun" -> ALIYUN;
            case "credentials-uri" -> CREDENTIALS_URI;
            default -> throw new CodedException(ErrorCode.BAD_REQUEST,
                    "format must be native, aliyun or credentials-uri.");
        };
    }

    Object body(IssuedCredentials issued, String region, String endpoint) {
        if (this == NATIVE) {
            return CredentialsResponse.of(issued, region, endpoint);
        }
        var c = issued.credentials();
        String expiration = CredentialsResponse.EXPIRATION.format(c.expiration());
        return new Compatible(this == ALIYUN ? "200" : null, this == CREDENTIALS_URI ? "Success" : null,
                c.accessKeyId(), c.accessKeySecret(), c.securityToken(), expiration);
    }

    /** The error response of a compatibility format; for {@link #NATIVE} the failure is rethrown to ProblemMapper. */
    Response failure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (this == NATIVE) {
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        }
        CodedException coded = cause instanceof CodedException c ? c
                : new CodedException(ErrorCode.INTERNAL, null);
        ErrorCode code = coded.errorCode();
        if (!(cause instanceof CodedException)) {
            LOG.error("Unexpected failure", cause);
        } else if (code.logAsError()) {
            LOG.warnf("Request failed (%s format): %s", this, code.code());
        }
        Response.ResponseBuilder response = Response.status(code.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new CompatibleError(String.valueOf(code.status()), code.code(),
                        coded.detail().orElse(code.title())));
        coded.retryAfter().ifPresent(after -> response.header(HttpHeaders.RETRY_AFTER,
                Math.max(1, (after.toMillis() + 999) / 1000)));
        return response.build();
    }

    /** A §7 success body; absent members are omitted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Compatible(@JsonProperty("StatusCode") String statusCode, @JsonProperty("Code") String code,
                      @JsonProperty("AccessKeyId") String accessKeyId,
                      @JsonProperty("AccessKeySecret") String accessKeySecret,
                      @JsonProperty("SecurityToken") String securityToken,
                      @JsonProperty("Expiration") String expiration) {
        @Override
        public String toString() {
            return "Compatible[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
        }
    }

    /** A §7.5 error body. */
    record CompatibleError(@JsonProperty("StatusCode") String statusCode, @JsonProperty("ErrorCode") String errorCode,
                           @JsonProperty("ErrorMessage") String errorMessage) {
    }
}
