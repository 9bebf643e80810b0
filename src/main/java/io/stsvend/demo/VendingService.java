package io.stsvend.demo;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The two HTTP calls an app makes to stsvend: (in local mode only) {@code GET /local/token} for a demo JWT, and
 * {@code GET /credentials} with that JWT as a bearer token.
 */
final class VendingService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    VendingService(URI base) {
        this.base = base;
    }

    /** A demo JWT signed by the service's local-mode key; fails outside local mode, where the path does not exist. */
    String demoToken(String subject, Optional<String> groups) throws IOException, InterruptedException {
        String query = "sub=" + encode(subject) + groups.map(g -> "&groups=" + encode(g)).orElse("");
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/local/token?" + query)).GET());
        return response.body().trim();
    }

    /** Temporary OSS credentials for the caller of {@code jwt}. */
    VendedCredentials credentials(String jwt) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/credentials"))
                .header("Authorization", "Bearer " + jwt).header("Accept", "application/json").GET());
        return JSON.readValue(response.body(), VendedCredentials.class);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(response.request().method() + " " + response.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body().trim());
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
