package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.arc.Arc;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.testing.TestTokens;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile subjects never reach an ARN: each is refused with 403 {@code invalid-claim} and no AssumeRole is made.
 * A {@code sub} that is not a JSON string is already refused by JWT verification, as 401. AssumeRole calls are
 * counted through {@link #assumeRoleCalls()}, which io.stsvend.it.ClaimInjectionIT answers from the outside.
 */
@QuarkusTest
public class ClaimInjectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"*", "alice/*", "../bob", "a/b", "alice?", "${sub}", "ålice", "al ice", "alice\u0007",
            "..", "."})
    void hostileSubjectIsRefused(String sub) {
        assertRefused(TestTokens.forSubject(sub));
    }

    @Test
    void threeHundredCharacterSubjectIsRefused() {
        assertRefused(TestTokens.forSubject("a".repeat(300)));
    }

    @Test
    void oneHundredTwentyNineCharacterSubjectIsRefusedAndOneTwentyEightIsNot() {
        assertRefused(TestTokens.forSubject("b".repeat(129)));
        given().auth().oauth2(TestTokens.forSubject("b".repeat(128))).when().get("/credentials").then().statusCode(200);
    }

    @Test
    void emptySubjectIsRefused() {
        assertRefused(TestTokens.signRaw(Map.of("sub", "", "iss", TestTokens.ISSUER, "aud", TestTokens.AUDIENCE,
                "exp", System.currentTimeMillis() / 1000 + 600)));
    }

    @Test
    void numericSubjectIsRefused() {
        assertUnauthenticated(TestTokens.signRaw(Map.of("sub", 42, "iss", TestTokens.ISSUER, "aud", TestTokens.AUDIENCE,
                "exp", System.currentTimeMillis() / 1000 + 600)));
    }

    @Test
    void arraySubjectIsRefused() {
        assertUnauthenticated(TestTokens.signRaw(Map.of("sub", List.of("alice", "bob"), "iss", TestTokens.ISSUER,
                "aud", TestTokens.AUDIENCE, "exp", System.currentTimeMillis() / 1000 + 600)));
    }

    /** AssumeRole calls the emulated STS has received so far (looked up, not injected: subclasses run outside the app). */
    protected long assumeRoleCalls() {
        return Arc.container().instance(CloudBox.class).get().assumeRoleCalls();
    }

    private void assertUnauthenticated(String token) {
        long before = assumeRoleCalls();
        given().auth().oauth2(token).when().get("/credentials").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"));
        assertEquals(before, assumeRoleCalls(), "no AssumeRole for a refused caller");
    }

    private void assertRefused(String token) {
        long before = assumeRoleCalls();
        given().auth().oauth2(token).when().get("/credentials").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-claim"))
                .body(not(containsString("STS.")));
        assertEquals(before, assumeRoleCalls(), "no AssumeRole for a refused caller");
    }
}
