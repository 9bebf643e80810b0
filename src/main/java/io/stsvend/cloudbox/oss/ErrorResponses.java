package io.stsvend.cloudbox.oss;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Renders an {@link OssException} as OSS does: XML {@code Error} body (Code, Message, RequestId, HostId, extra
 * details, EC, RecommendDoc), {@code Content-Type: application/xml} and {@code x-oss-ec}. HEAD responses carry no
 * body, so the same XML travels Base64-encoded in {@code x-oss-err}, which the Java SDK reads.
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static OssResponse render(OssException error, String requestId, String host, boolean head) {
        OssErrorCode code = error.error;
        XmlBuilder xml = new XmlBuilder().start("Error").element("Code", code.code)
                .element("Message", error.getMessage()).element("RequestId", requestId).element("HostId", host);
        for (Map.Entry<String, String> detail : error.details.entrySet()) {
            xml.element(detail.getKey(), detail.getValue());
        }
        String body = xml.element("EC", code.ec)
                .element("RecommendDoc", "https://api.aliyun.com/troubleshoot?q=" + code.ec).end().toString();
        if (head) {
            return OssResponse.status(code.status).header("x-oss-ec", code.ec).header("x-oss-err",
                    Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        }
        return OssResponse.xml(code.status, body).header("x-oss-ec", code.ec);
    }
}
