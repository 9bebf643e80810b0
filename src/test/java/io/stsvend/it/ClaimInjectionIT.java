package io.stsvend.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.stsvend.api.ClaimInjectionTest;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * {@link ClaimInjectionTest} against the packaged application. AssumeRole calls are counted from the outside, by the
 * service's own {@code stsvend.sts.assume-role} timer on /q/metrics, instead of asking the emulator in-process.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAgainstCloudBox.class)
@DisabledIfSystemProperty(named = "quarkus.native.sources-only", matches = "true",
        disabledReason = "only the native image builder's inputs exist, no runnable application")
class ClaimInjectionIT extends ClaimInjectionTest {

    private static final String TIMER_COUNT = "stsvend_sts_assume_role_seconds_count";

    /** Without this, a counter that never appears would make every "no AssumeRole" check pass vacuously. */
    @Test
    void theOutsideCountSeesAnAssumeRole() {
        long before = assumeRoleCalls();
        given().auth().oauth2(TestTokens.forSubject("it-counted-" + System.nanoTime())).when().get("/credentials")
                .then().statusCode(200);
        assertEquals(before + 1, assumeRoleCalls());
    }

    @Override
    protected long assumeRoleCalls() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith(TIMER_COUNT))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
