package io.stsvend.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.cloudbox.sts.StsFaults.InjectedError;
import io.stsvend.testing.SharedRedis;
import io.stsvend.testing.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every metric the alerting rules and the dashboard query exists on a running service: the test drives a hit, a
 * miss, a throttled STS call, a rejected upload callback and a shared-cache lookup with Redis down, then scrapes
 * {@code /q/metrics}. A renamed meter, or a rule naming one that never existed, fails here instead of leaving an
 * alert that can never fire.
 */
@QuarkusTest
@WithTestResource(SharedRedis.class)
class MonitoredMetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\\w+)$",
            Pattern.MULTILINE);
    private static final Pattern SUFFIX = Pattern.compile("_(bucket|count|sum|total|created)$");

    /** One scrape after one round of traffic, shared by the tests (Redis is restarted after it). */
    private static String scrape;

    @Inject
    CloudBox box;

    @Test
    void everyMetricTheRulesAndTheDashboardQueryIsExported() {
        String scrape = exerciseThenScrape();
        Set<String> samples = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            samples.add(sample.group(1));
        }
        Map<String, String> families = new TreeMap<>();
        Matcher type = TYPE.matcher(scrape);
        while (type.find()) {
            families.put(type.group(1), type.group(2));
        }
        Map<String, Set<String>> missing = new TreeMap<>();
        MonitoringBundle.exportedNamesByPlace().forEach((place, names) -> names.stream()
                .filter(name -> !exported(name, samples, families))
                .forEach(name -> missing.computeIfAbsent(place, p -> new TreeSet<>()).add(name)));
        assertEquals(Map.of(), missing, "metrics the rules or the dashboard name that /q/metrics does not have");
        assertTrue(MonitoringBundle.exportedNamesByPlace().values().stream().mapToInt(Set::size).sum() > 20,
                "the tokenizer found the rules' and panels' metrics");
    }

    @Test
    void theLabelValuesTheAlertsSelectOccur() {
        String scrape = exerciseThenScrape();
        for (String series : new String[] {
                "stsvend_sts_assume_role_seconds_count\\{[^}]*code=\"sts-throttled\"[^}]*outcome=\"failure\"",
                "stsvend_credentials_requests_total\\{outcome=\"hit\"", "stsvend_credentials_requests_total\\{outcome=\"miss\"",
                "stsvend_upload_callbacks_total\\{outcome=\"rejected\"",
                "stsvend_shared_cache_lookups_total\\{outcome=\"unavailable\"",
                "stsvend_sts_circuit_breaker\\{state=\"open\"", "stsvend_rate_limit_rejections_total\\{scope=\"global\"",
                "http_server_requests_seconds_count\\{[^}]*uri=\"/credentials\"",
                // The dashboard's request percentiles need the timer's buckets, not only its count.
                "http_server_requests_seconds_bucket\\{[^}]*uri=\"/credentials\"",
                "cache_gets_total\\{[^}]*cache=\"sts-credentials\"[^}]*result=\"hit\""}) {
            assertTrue(Pattern.compile("(?m)^" + series).matcher(scrape).find(), "no series " + series);
        }
    }

    /**
     * The cache's meters count this application's cache, also when an earlier application in the same JVM (the
     * Quarkus tests before this class) bound meters of the same name to its own: a hit now moves the hit counter.
     */
    @Test
    void theCacheMetersCountThisApplicationsCache() {
        exerciseThenScrape();
        String token = TestTokens.forSubject("monitored-user");
        double before = cacheHits();
        given().auth().oauth2(token).get("/credentials").then().statusCode(200);
        assertTrue(cacheHits() > before, "a cache hit moves cache_gets_total{result=hit}");
    }

    private static double cacheHits() {
        Matcher hits = Pattern.compile("(?m)^cache_gets_total\\{[^}]*cache=\"sts-credentials\"[^}]*result=\"hit\"[^}]*} (\\S+)")
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        assertTrue(hits.find(), "no cache_gets_total hit series");
        return Double.parseDouble(hits.group(1));
    }

    /** Name as a sample, or as the family of a histogram/summary/counter sample (_bucket, _count, _sum, _total). */
    private static boolean exported(String name, Set<String> samples, Map<String, String> families) {
        return samples.contains(name) || families.containsKey(SUFFIX.matcher(name).replaceFirst(""));
    }

    private synchronized String exerciseThenScrape() {
        if (scrape == null) {
            scrape = exercise();
        }
        return scrape;
    }

    private String exercise() {
        String token = TestTokens.forSubject("monitored-user");
        given().auth().oauth2(token).get("/credentials").then().statusCode(200);
        given().auth().oauth2(token).get("/credentials").then().statusCode(200);
        box.faults().failAllCalls(InjectedError.throttling());
        try {
            given().auth().oauth2(TestTokens.forSubject("monitored-throttled")).get("/credentials").then()
                    .statusCode(503);
        } finally {
            box.faults().reset();
        }
        given().contentType("application/x-www-form-urlencoded").body("bucket=app-bucket").post("/oss/callback")
                .then().statusCode(403);
        SharedRedis.server().kill();
        try {
            given().auth().oauth2(TestTokens.forSubject("monitored-without-redis")).get("/credentials").then()
                    .statusCode(200);
            return given().get("/q/metrics").then().statusCode(200).extract().asString();
        } finally {
            // The application (and this Redis) is shared with the next test class that uses SharedRedis: leave
            // both as found, sharing again, so that class does not start on a replica that skips Redis.
            SharedRedis.server().start();
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() -> {
                given().auth().oauth2(TestTokens.forSubject("monitored-redis-back-" + System.nanoTime()))
                        .get("/credentials").then().statusCode(200);
                return "shared".equals(given().get("/q/health/ready").then().extract().jsonPath()
                        .getString("checks.find { it.name == 'shared-cache' }.data.state"));
            });
        }
    }
}
