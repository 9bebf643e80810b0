package io.stsvend.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Serves {@code /q/openapi}: the document the build wrote ({@code smallrye-open-api-maven-plugin} in the pom, with
 * {@link ProblemContract} as its filter) into {@value #JSON} and {@value #YAML}, as bytes read once at startup.
 *
 * <p>Quarkus's OpenAPI extension built the same document at every start instead: it parsed the build's JSON, ran
 * the filters and wrote JSON and YAML again, about 0.1 s of a one-second start on the bench's machine, before the
 * service was ready (issue 16, bench/results/2026-12-02-start.md). It answers GET and HEAD as that extension did:
 * YAML unless {@code ?format=json} (or {@code yaml}, any case), a path ending in {@code .json}, {@code .yaml} or
 * {@code .yml}, or an {@code Accept} header naming {@code application/json} asks otherwise.
 */
@ApplicationScoped
public class OpenApiDocument {

    /** Where the build puts the document (the plugin's outputDirectory, under the classes). */
    static final String JSON = "META-INF/openapi/openapi.json";
    static final String YAML = "META-INF/openapi/openapi.yaml";
    static final String PATH = "/q/openapi";
    static final String JSON_TYPE = "application/json;charset=UTF-8";
    static final String YAML_TYPE = "application/yaml;charset=UTF-8";

    void register(@Observes Router router) {
        Buffer json = Buffer.buffer(read(JSON));
        Buffer yaml = Buffer.buffer(read(YAML));
        for (String path : List.of(PATH, PATH + ".json", PATH + ".yaml", PATH + ".yml")) {
            router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(context -> {
                boolean asJson = wantsJson(context);
                context.response().putHeader(HttpHeaders.CONTENT_TYPE, asJson ? JSON_TYPE : YAML_TYPE)
                        .end(asJson ? json : yaml);
            });
        }
    }

    static boolean wantsJson(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.endsWith(".json")) {
            return true;
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            return false;
        }
        List<String> format = context.queryParam("format");
        if (!format.isEmpty()) {
            return format.get(0).toLowerCase(Locale.ROOT).equals("json");
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/json");
    }

    /** The build always writes both files; a jar without them is a broken build, so the start fails and says so. */
    static byte[] read(String resource) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: the build's smallrye-open-api-maven-plugin "
                        + "writes it (run the build through process-classes)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
