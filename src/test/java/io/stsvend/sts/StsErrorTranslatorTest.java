package io.stsvend.sts;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StsErrorTranslatorTest {

    @ParameterizedTest
    @CsvSource({
            "Throttling.User, STS_THROTTLED",
            "Throttling, STS_THROTTLED",
            "SDK.ServerUnreachable, STS_UNAVAILABLE",
            "SDK.ReadTimeout, STS_UNAVAILABLE",
            "ServiceUnavailable, STS_UNAVAILABLE",
            "NoPermission, STS_MISCONFIGURED",
            "EntityNotExist.Role, STS_MISCONFIGURED",
            "InvalidAccessKeyId.NotFound, STS_MISCONFIGURED",
            "SDK.InvalidAccessKeySecret, STS_MISCONFIGURED",
            "InvalidParameter.PolicyGrammar, STS_MISCONFIGURED",
            "SomethingNew, STS_ERROR"})
    void clientErrorsMapToTheCatalogue(String stsCode, ErrorCode expected) {
        assertEquals(expected, StsErrorTranslator.classify(new ClientException(stsCode, "m", "req-1"), stsCode));
    }

    @Test
    void serverErrorsAreUnavailable() {
        ServerException e = new ServerException("InternalError", "STS Server Internal Error happened.", "req-2");
        assertEquals(ErrorCode.STS_UNAVAILABLE, StsErrorTranslator.classify(e, "InternalError"));
    }

    @Test
    void transientFailuresCarryRetryAfterAndNoSdkText() {
        CodedException e = new StsErrorTranslator().translate(
                new ClientException("Throttling.User", "Request was denied due to user flow control. url=https://x?Signature=abc", "r"));
        assertEquals(ErrorCode.STS_THROTTLED, e.errorCode());
        assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
        assertFalse(e.getMessage().contains("Signature"));
        assertTrue(e.detail().isEmpty());
    }
}
