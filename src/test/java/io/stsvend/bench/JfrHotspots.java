package io.stsvend.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where CPU samples of a JFR recording go: counts {@code jdk.ExecutionSample} events by the innermost stack frame
 * (nearest the leaf) that belongs to a named component (RSA, JWT, Jackson, micrometer, logging, Netty, ...), so JDK
 * code such as {@code String.split} counts for the component that called it; plus the top self frames. Prints
 * Markdown tables.
 *
 * <p>Usage: {@code JfrHotspots RECORDING.jfr [THREAD_NAME_PREFIX]}.
 */
public final class JfrHotspots {

    /** Components by package prefix; RSA is listed first so BigInteger under a signature check counts as RSA. */
    private static final Map<String, List<String>> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("RSA signature (JCA)", List.of("sun.security.rsa.", "java.math.BigInteger"));
        COMPONENTS.put("SHA-256 (JWT signature hash, policy fingerprint)", List.of("sun.security.provider.SHA"));
        COMPONENTS.put("JWT parse/claims (jose4j, smallrye-jwt)", List.of("org.jose4j.", "io.smallrye.jwt."));
        COMPONENTS.put("Quarkus security / auth", List.of("io.quarkus.security.", "io.quarkus.vertx.http.runtime.security.", "io.quarkus.smallrye.jwt."));
        COMPONENTS.put("stsvend grants + policy fingerprint", List.of("io.stsvend.grant.", "io.stsvend.identity."));
        COMPONENTS.put("stsvend issuance + cache", List.of("io.stsvend.issuance.", "com.github.benmanes.caffeine.", "io.quarkus.cache."));
        COMPONENTS.put("metrics (micrometer)", List.of("io.micrometer.", "io.quarkus.micrometer."));
        COMPONENTS.put("Jackson serialization", List.of("com.fasterxml.jackson."));
        COMPONENTS.put("logging", List.of("org.jboss.logmanager.", "org.jboss.logging."));
        COMPONENTS.put("RESTEasy Reactive", List.of("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive."));
        COMPONENTS.put("CDI request context (ArC)", List.of("io.quarkus.arc."));
        COMPONENTS.put("Mutiny / context propagation", List.of("io.smallrye.mutiny.", "io.smallrye.context."));
        COMPONENTS.put("Vert.x / Netty (HTTP, I/O)", List.of("io.vertx.", "io.netty.", "sun.nio.", "io.quarkus.vertx."));
    }

    private JfrHotspots() {
    }

    public static void main(String[] args) throws IOException {
        String threadPrefix = args.length > 1 ? args[1] : "";
        Map<String, Integer> byComponent = new LinkedHashMap<>();
        Map<String, Integer> bySelf = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
            if (thread == null || !thread.startsWith(threadPrefix)) {
                continue;
            }
            total++;
            byComponent.merge(component(event.getStackTrace()), 1, Integer::sum);
            RecordedFrame top = event.getStackTrace().getFrames().get(0);
            bySelf.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
        }
        // A Markdown report for bench/run.sh to paste; stdout on purpose (a command-line tool).
        System.out.printf("| component (innermost frame) | samples | share |%n|---|---:|---:|%n");
        int all = Math.max(total, 1);
        byComponent.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e ->
                System.out.printf("| %s | %d | %.1f%% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / all));
        System.out.printf("%n| top self frames | samples | share |%n|---|---:|---:|%n");
        bySelf.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12).forEach(e ->
                System.out.printf("| `%s` | %d | %.1f%% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / all));
        System.out.printf("%nTotal samples: %d%n", total);
    }

    private static String component(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> component : COMPONENTS.entrySet()) {
                if (component.getValue().stream().anyMatch(type::startsWith)) {
                    return component.getKey();
                }
            }
        }
        return "other (JDK only, e.g. GC-free runtime threads)";
    }
}
