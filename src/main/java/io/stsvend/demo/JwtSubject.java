package io.stsvend.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Base64;

/**
 * Reads the {@code sub} claim of a JWT for display and for naming the neighbour's prefix. It does not verify the
 * token: the service does that; a wrong claim here only changes what the demo prints.
 */
final class JwtSubject {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtSubject() {
    }

    /** @throws IOException when the text is not a JWS compact token with a string {@code sub} */
    static String of(String jwt) throws IOException {
        String[] parts = jwt.trim().split("\\.");
        if (parts.length != 3) {
            throw new IOException("--jwt is not a JWT (expected three dot-separated parts)");
        }
        try {
            JsonNode sub = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get("sub");
            if (sub == null || !sub.isTextual()) {
                throw new IOException("the JWT has no string 'sub' claim");
            }
            return sub.asText();
        } catch (IllegalArgumentException e) {
            throw new IOException("the JWT payload is not base64url", e);
        }
    }
}
