package io.stsvend.api;

import io.stsvend.error.ErrorCode;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Bounds the one body anyone may send without a token, {@code POST /oss/callback}, on its headers, before a byte of
 * it is read: OSS posts a callback body of a few hundred bytes with its {@code Content-Length}, so a body without a
 * length (chunked) is a 400 {@code bad-request} and one longer than {@value #MAX_BYTES} bytes a 413
 * {@code payload-too-large}. Without this, an oversized chunked body ran into the HTTP layer's body limit halfway
 * through reading, which answered 413 itself and left two ERROR lines with stack traces per request.
 */
public class CallbackBodyLimit {

    static final int MAX_BYTES = 64 * 1024;
    private static final String PATH = "/oss/callback";

    @ServerRequestFilter(preMatching = true)
    public Response limitCallbackBody(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod()) || !PATH.equals(request.getUriInfo().getPath())) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return refuse(ErrorCode.BAD_REQUEST, "An OSS callback must declare its Content-Length.");
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return refuse(ErrorCode.BAD_REQUEST, "Content-Length is not a number.");
        }
        if (bytes > MAX_BYTES) {
            return refuse(ErrorCode.PAYLOAD_TOO_LARGE, "An OSS callback body is at most " + MAX_BYTES + " bytes.");
        }
        return null;
    }

    /** The body stays unread, so the connection cannot carry another request: it is closed after the answer. */
    private static Response refuse(ErrorCode code, String detail) {
        return ProblemMapper.problem(code, detail).header("Connection", "close").build();
    }
}
