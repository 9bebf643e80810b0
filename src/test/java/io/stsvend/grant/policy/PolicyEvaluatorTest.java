package io.stsvend.grant.policy;

import static io.stsvend.grant.policy.Decision.ALLOW;
import static io.stsvend.grant.policy.Decision.EXPLICIT_DENY;
import static io.stsvend.grant.policy.Decision.IMPLICIT_DENY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyEvaluatorTest {

    static final String BUCKET = "acs:oss:*:1234567890123456:app-bucket";

    /** The session policy of spec §3.6, verbatim. */
    static final PolicyDocument U123 = PolicyDocument.parse("""
            {"Version":"1","Statement":[
             {"Effect":"Allow","Action":["oss:PutObject","oss:GetObject","oss:DeleteObject","oss:ListParts","oss:AbortMultipartUpload"],
              "Resource":["acs:oss:*:*:app-bucket/users/u123/*"]},
             {"Effect":"Allow","Action":["oss:ListObjects"],"Resource":["acs:oss:*:*:app-bucket"],
              "Condition":{"StringLike":{"oss:Prefix":["users/u123/*"]}}}]}""");

    /** The OSS tutorial's bucket-root listing statement ([docs-oss-2021] RAM Policy tutorial), StringLike form. */
    static final PolicyDocument ROOT_LISTING = PolicyDocument.parse("""
            {"Version":"1","Statement":[
             {"Effect":"Allow","Action":"oss:ListObjects","Resource":"acs:oss:*:*:app-bucket",
              "Condition":{"StringLike":{"oss:Prefix":[""]},"StringEquals":{"oss:Delimiter":["/"]}}}]}""");

    static AccessRequest object(String action, String key) {
        return AccessRequest.of(action, BUCKET + "/" + key);
    }

    static AccessRequest list(String... prefixAndDelimiter) {
        AccessRequest request = AccessRequest.of("oss:ListObjects", BUCKET);
        if (prefixAndDelimiter.length > 0) {
            request = request.with("oss:Prefix", prefixAndDelimiter[0]);
        }
        if (prefixAndDelimiter.length > 1) {
            request = request.with("oss:Delimiter", prefixAndDelimiter[1]);
        }
        return request;
    }

    static Stream<Arguments> u123() {
        return Stream.of(
                Arguments.of(object("oss:PutObject", "users/u123/a.txt"), ALLOW),
                Arguments.of(object("oss:GetObject", "users/u123/deep/dir/a.txt"), ALLOW),
                Arguments.of(object("oss:DeleteObject", "users/u123/a.txt"), ALLOW),
                Arguments.of(object("oss:ListParts", "users/u123/big.bin"), ALLOW),
                Arguments.of(object("oss:AbortMultipartUpload", "users/u123/big.bin"), ALLOW),
                Arguments.of(object("oss:putobject", "users/u123/a.txt"), ALLOW), // action names are case-insensitive
                Arguments.of(object("oss:PutObject", "users/u999/a.txt"), IMPLICIT_DENY),
                Arguments.of(object("oss:GetObject", "users/u1234/a.txt"), IMPLICIT_DENY),
                Arguments.of(object("oss:GetObject", "users/u123"), IMPLICIT_DENY),
                Arguments.of(object("oss:GetObject", "Users/u123/a.txt"), IMPLICIT_DENY), // keys are case-sensitive
                Arguments.of(object("oss:GetObject", "a.txt"), IMPLICIT_DENY),
                Arguments.of(object("oss:PutObjectAcl", "users/u123/a.txt"), IMPLICIT_DENY),
                Arguments.of(object("oss:GetObjectVersion", "users/u123/a.txt"), IMPLICIT_DENY),
                Arguments.of(AccessRequest.of("oss:GetObject", "acs:oss:*:1234567890123456:other-bucket/users/u123/a"),
                        IMPLICIT_DENY),
                // Raw keys: ".." is not normalised by OSS, so this key is inside the prefix as a string.
                Arguments.of(object("oss:GetObject", "users/u123/../u999/x"), ALLOW),
                Arguments.of(list("users/u123/"), ALLOW),
                Arguments.of(list("users/u123/photos/"), ALLOW),
                Arguments.of(list("users/u123/", "/"), ALLOW),
                Arguments.of(list("users/u999/"), IMPLICIT_DENY),
                Arguments.of(list("users/u123"), IMPLICIT_DENY), // no trailing slash: would also list users/u1234/
                Arguments.of(list("users/"), IMPLICIT_DENY),
                Arguments.of(list(""), IMPLICIT_DENY), // the emulator passes "" for "no prefix"
                Arguments.of(list(), IMPLICIT_DENY),
                // bucket-level action against an object ARN, object action against the bucket ARN
                Arguments.of(object("oss:ListObjects", "users/u123/").with("oss:Prefix", "users/u123/"), IMPLICIT_DENY),
                Arguments.of(AccessRequest.of("oss:GetObject", BUCKET), IMPLICIT_DENY),
                Arguments.of(AccessRequest.of("oss:ListMultipartUploads", BUCKET), IMPLICIT_DENY));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("u123")
    void sessionPolicyOfSpecSection36(AccessRequest request, Decision expected) {
        assertEquals(expected, PolicyEvaluator.evaluate(request, U123));
    }

    static Stream<Arguments> rootListing() {
        return Stream.of(
                Arguments.of(list("", "/"), ALLOW),
                Arguments.of(list(""), IMPLICIT_DENY),       // no delimiter: condition key missing
                Arguments.of(list("", ","), IMPLICIT_DENY),
                Arguments.of(list("users/", "/"), IMPLICIT_DENY),
                Arguments.of(list(), IMPLICIT_DENY));        // caller forgot to pass "" for "no prefix"
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("rootListing")
    void bucketRootListingPerTutorial(AccessRequest request, Decision expected) {
        assertEquals(expected, PolicyEvaluator.evaluate(request, ROOT_LISTING));
    }

    static final PolicyDocument ALL_OSS = policy("Allow", "\"oss:*\"", "\"acs:oss:*:*:*\"");
    static final PolicyDocument OWN_PREFIX = policy("Allow", "\"oss:*\"", "\"acs:oss:*:*:app-bucket/users/u123/*\"");
    static final PolicyDocument GET_ONLY = policy("Allow", "\"oss:GetObject\"", "\"acs:oss:*:*:app-bucket/*\"");
    static final PolicyDocument DENY_DELETE = policy("Deny", "\"oss:DeleteObject\"", "\"*\"");
    static final PolicyDocument NOTHING = policy("Allow", "\"ecs:*\"", "\"*\"");

    static PolicyDocument policy(String effect, String actions, String resources) {
        return PolicyDocument.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":"
                + actions + ",\"Resource\":" + resources + "}]}");
    }

    static PolicyDocument bucketPolicy(String effect, String principal, String actions, String resources) {
        return PolicyDocument.parseResourcePolicy("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"" + effect
                + "\",\"Principal\":" + principal + ",\"Action\":" + actions + ",\"Resource\":" + resources + "}]}");
    }

    static Stream<Arguments> combinations() {
        AccessRequest put = object("oss:PutObject", "users/u123/a.txt");
        AccessRequest get = object("oss:GetObject", "users/u123/a.txt");
        AccessRequest delete = object("oss:DeleteObject", "users/u123/a.txt");
        AccessRequest neighbour = object("oss:PutObject", "users/u999/a.txt");
        Optional<PolicyDocument> none = Optional.empty();
        return Stream.of(
                // no session policy: identity policies decide
                Arguments.of("no session, identity allows", put, none, List.of(ALL_OSS), List.of(), ALLOW),
                Arguments.of("no session, identity silent", put, none, List.of(NOTHING), List.of(), IMPLICIT_DENY),
                Arguments.of("no session, no policies at all", put, none, List.of(), List.of(), IMPLICIT_DENY),
                // intersection
                Arguments.of("both allow", put, Optional.of(OWN_PREFIX), List.of(ALL_OSS), List.of(), ALLOW),
                Arguments.of("session allows, identity does not", put, Optional.of(ALL_OSS), List.of(GET_ONLY), List.of(),
                        IMPLICIT_DENY),
                Arguments.of("identity allows, session does not", neighbour, Optional.of(OWN_PREFIX), List.of(ALL_OSS),
                        List.of(), IMPLICIT_DENY),
                Arguments.of("session allows, no identity policies", put, Optional.of(ALL_OSS), List.of(), List.of(),
                        IMPLICIT_DENY),
                Arguments.of("narrow identity wins inside broad session", get, Optional.of(ALL_OSS), List.of(GET_ONLY),
                        List.of(), ALLOW),
                // explicit deny beats every allow, wherever it is
                Arguments.of("deny in session", delete, Optional.of(allowAllDenyDelete()), List.of(ALL_OSS),
                        List.of(), EXPLICIT_DENY),
                Arguments.of("deny in identity", delete, Optional.of(ALL_OSS), List.of(ALL_OSS, DENY_DELETE), List.of(),
                        EXPLICIT_DENY),
                Arguments.of("deny in bucket policy", delete, none, List.of(ALL_OSS),
                        List.of(bucketPolicy("Deny", "[\"*\"]", "\"oss:DeleteObject\"", "\"*\"")), EXPLICIT_DENY),
                Arguments.of("deny in same policy", delete, none, List.of(allowAllDenyDelete()), List.of(),
                        EXPLICIT_DENY),
                Arguments.of("deny elsewhere does not touch put", put, Optional.of(ALL_OSS), List.of(ALL_OSS, DENY_DELETE),
                        List.of(), ALLOW),
                Arguments.of("deny even without any allow", delete, none, List.of(DENY_DELETE), List.of(), EXPLICIT_DENY),
                // resource (bucket) policy grants are unioned with identity grants, still under the session policy
                Arguments.of("bucket policy grants", put, none, List.of(NOTHING),
                        List.of(bucketPolicy("Allow", "[\"*\"]", "\"oss:PutObject\"", "\"acs:oss:*:*:app-bucket/*\"")),
                        ALLOW),
                Arguments.of("bucket policy grant capped by session", neighbour, Optional.of(OWN_PREFIX), List.of(),
                        List.of(bucketPolicy("Allow", "[\"*\"]", "\"oss:PutObject\"", "\"acs:oss:*:*:app-bucket/*\"")),
                        IMPLICIT_DENY),
                Arguments.of("bucket policy for another principal", put, none, List.of(),
                        List.of(bucketPolicy("Allow", "[\"2000000000000001\"]", "\"oss:PutObject\"", "\"*\"")),
                        IMPLICIT_DENY),
                Arguments.of("bucket policy for this principal", put.with(AccessRequest.PRINCIPAL_KEY, "2000000000000001"),
                        none, List.of(),
                        List.of(bucketPolicy("Allow", "[\"2000000000000001\"]", "\"oss:PutObject\"", "\"*\"")), ALLOW));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("combinations")
    void evaluationOrderOfSpecSection35(String name, AccessRequest request, Optional<PolicyDocument> session,
                                        List<PolicyDocument> identity, List<PolicyDocument> resource, Decision expected) {
        assertEquals(expected, PolicyEvaluator.evaluate(request, session, identity, resource));
    }

    /** Allow oss:* and Deny oss:DeleteObject in one document. */
    static PolicyDocument allowAllDenyDelete() {
        return PolicyDocument.parse("{\"Version\":\"1\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"acs:oss:*:*:*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"oss:DeleteObject\",\"Resource\":\"*\"}]}");
    }

    static Stream<Arguments> notAction() {
        PolicyDocument allowAllButDelete = PolicyDocument.parse("""
                {"Version":"1","Statement":[{"Effect":"Allow","NotAction":["oss:Delete*","ram:*"],
                 "Resource":"acs:oss:*:*:app-bucket/*"}]}""");
        PolicyDocument denyAllButGet = PolicyDocument.parse("""
                {"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"*"},
                 {"Effect":"Deny","NotAction":"oss:GetObject","Resource":"acs:oss:*:*:app-bucket/public/*"}]}""");
        return Stream.of(
                Arguments.of(allowAllButDelete, object("oss:PutObject", "x"), ALLOW),
                Arguments.of(allowAllButDelete, object("oss:DeleteObject", "x"), IMPLICIT_DENY),
                Arguments.of(allowAllButDelete, object("OSS:deleteobject", "x"), IMPLICIT_DENY),
                Arguments.of(allowAllButDelete, object("oss:DeleteObjectVersion", "x"), IMPLICIT_DENY),
                // NotAction still needs the Resource to match
                Arguments.of(allowAllButDelete, AccessRequest.of("oss:PutObject", "acs:oss:*:1:other/x"), IMPLICIT_DENY),
                Arguments.of(denyAllButGet, object("oss:GetObject", "public/x"), ALLOW),
                Arguments.of(denyAllButGet, object("oss:PutObject", "public/x"), EXPLICIT_DENY),
                Arguments.of(denyAllButGet, object("oss:PutObject", "private/x"), ALLOW));
    }

    @ParameterizedTest(name = "[{index}] {1} -> {2}")
    @MethodSource("notAction")
    void notActionMatchesEverythingElse(PolicyDocument policy, AccessRequest request, Decision expected) {
        assertEquals(expected, PolicyEvaluator.evaluate(request, policy));
    }

    static Stream<Arguments> resources() {
        return Stream.of(
                // account '*' in the policy matches a concrete account; a concrete account must be equal
                Arguments.of("acs:oss:*:*:app-bucket/users/alice/*", "acs:oss:*:1234567890123456:app-bucket/users/alice/a", true),
                Arguments.of("acs:oss:*:1234567890123456:app-bucket/users/alice/*", "acs:oss:*:1234567890123456:app-bucket/users/alice/a", true),
                Arguments.of("acs:oss:*:1234567890123456:app-bucket/users/alice/*", "acs:oss:*:9999999999999999:app-bucket/users/alice/a", false),
                Arguments.of("acs:oss:*:12345*:app-bucket/*", "acs:oss:*:1234567890123456:app-bucket/a", true),
                Arguments.of("*", "acs:oss:*:1:any/thing", true),
                Arguments.of("acs:oss:*:*:*", "acs:oss:*:1:any/thing", true),
                Arguments.of("acs:oss:*:*:*", "acs:oss:*:1:bucket", true),
                Arguments.of("acs:oss:*:*:app-bucket", "acs:oss:*:1:app-bucket", true),
                Arguments.of("acs:oss:*:*:app-bucket", "acs:oss:*:1:app-bucket/x", false),
                Arguments.of("acs:oss:*:*:app-bucket/*", "acs:oss:*:1:app-bucket", false),
                Arguments.of("acs:oss:*:*:app-bucket*", "acs:oss:*:1:app-bucket-2/x", true), // author's own wildcard
                Arguments.of("acs:oss:*:*:app-bucket/users/alice/*", "acs:oss:*:1:app-bucket/users/alice-evil/x", false),
                Arguments.of("acs:oss:*:*:app-bucket/users/alice/*", "acs:oss:*:1:app-bucket/users/alice/../bob/x", true),
                Arguments.of("acs:oss:*:*:app-bucket/users/*/public/*", "acs:oss:*:1:app-bucket/users/a/b/public/c", true),
                Arguments.of("acs:oss:*:*:app-bucket/a?c", "acs:oss:*:1:app-bucket/abc", true),
                Arguments.of("acs:oss:*:*:app-bucket/a?c", "acs:oss:*:1:app-bucket/ac", false),
                // colons inside the object key stay in the relative id ...
                Arguments.of("acs:oss:*:*:app-bucket/*", "acs:oss:*:1:app-bucket/a:b:c", true),
                // ... and a '*' in the account field cannot swallow them to escape into another bucket
                Arguments.of("acs:oss:*:*:app-bucket/*", "acs:oss:*:1:other-bucket/x:app-bucket/y", false),
                Arguments.of("acs:oss:*:*:app-bucket/*", "acs:kms:*:1:app-bucket/x", false),
                Arguments.of("acs:oss:*:*:app-bucket/users/alice/*", "acs:oss:*:1:app-bucket/users/Alice/x", false));
    }

    @ParameterizedTest(name = "[{index}] {0} vs {1} -> {2}")
    @MethodSource("resources")
    void resourceMatching(String pattern, String arn, boolean expected) {
        PolicyDocument policy = policy("Allow", "\"oss:GetObject\"", "\"" + pattern + "\"");
        assertEquals(expected, PolicyEvaluator.evaluate(AccessRequest.of("oss:GetObject", arn), policy).allowed());
    }

    @Test
    void decisionAllowedOnlyForAllow() {
        assertTrue(ALLOW.allowed());
        assertFalse(IMPLICIT_DENY.allowed());
        assertFalse(EXPLICIT_DENY.allowed());
    }

    @Test
    void anyOfSeveralResourcesOrActionsSuffices() {
        PolicyDocument policy = policy("Allow", "[\"oss:PutObject\",\"oss:Get*\"]",
                "[\"acs:oss:*:*:a/x/*\",\"acs:oss:*:*:b/y/*\"]");
        assertEquals(ALLOW, PolicyEvaluator.evaluate(AccessRequest.of("oss:GetObjectAcl", "acs:oss:*:1:b/y/z"), policy));
        assertEquals(IMPLICIT_DENY, PolicyEvaluator.evaluate(AccessRequest.of("oss:GetObject", "acs:oss:*:1:b/x/z"), policy));
    }
}
