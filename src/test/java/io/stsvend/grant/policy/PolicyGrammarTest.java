package io.stsvend.grant.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each invalid document is {@link #VALID} with exactly one thing changed; the valid table shows each accepted
 * variation on its own.
 */
class PolicyGrammarTest {

    private static final String STATEMENT_BODY =
            "\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:b/u/*\"]";
    static final String VALID = doc("{" + STATEMENT_BODY + "}");

    private static String doc(String statement) {
        return "{\"Version\":\"1\",\"Statement\":[" + statement + "]}";
    }

    private static String withCondition(String condition) {
        return doc("{" + STATEMENT_BODY + ",\"Condition\":" + condition + "}");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("not JSON", "{\"Version\":\"1\",", "not valid JSON"),
                Arguments.of("trailing content", VALID + " {}", "not valid JSON"),
                Arguments.of("empty text", "   ", "empty"),
                Arguments.of("not an object", "[" + VALID + "]", "must be a JSON object"),
                Arguments.of("JSON null", "null", "must be a JSON object"),
                Arguments.of("duplicate member", VALID.replace("\"Effect\":\"Allow\"",
                        "\"Effect\":\"Deny\",\"Effect\":\"Allow\""), "duplicate member"),
                Arguments.of("Version missing", VALID.replace("\"Version\":\"1\",", ""), "Version"),
                Arguments.of("Version 2", VALID.replace("\"Version\":\"1\"", "\"Version\":\"2\""), "Version"),
                Arguments.of("Version as number", VALID.replace("\"Version\":\"1\"", "\"Version\":1"), "Version"),
                Arguments.of("unknown top-level key", VALID.replace("\"Version\"", "\"Id\":\"x\",\"Version\""),
                        "unsupported element \"Id\""),
                Arguments.of("lower-case key", VALID.replace("\"Version\"", "\"version\""), "unsupported element"),
                Arguments.of("Statement missing", "{\"Version\":\"1\"}", "Statement"),
                Arguments.of("Statement an object", "{\"Version\":\"1\",\"Statement\":{" + STATEMENT_BODY + "}}",
                        "Statement must be a non-empty array"),
                Arguments.of("Statement empty", "{\"Version\":\"1\",\"Statement\":[]}", "Statement must be a non-empty array"),
                Arguments.of("statement not object", doc("\"x\""), "Statement[0] must be an object"),
                Arguments.of("Effect lower case", VALID.replace("\"Allow\"", "\"allow\""), "Effect"),
                Arguments.of("Effect missing", VALID.replace("\"Effect\":\"Allow\",", ""), "missing Effect"),
                Arguments.of("Effect array", VALID.replace("\"Allow\"", "[\"Allow\"]"), "Effect"),
                Arguments.of("Action and NotAction", VALID.replace("\"Action\"", "\"NotAction\":\"oss:Put*\",\"Action\""),
                        "exactly one of Action and NotAction"),
                Arguments.of("neither Action nor NotAction", VALID.replace("\"Action\":[\"oss:GetObject\"],", ""),
                        "exactly one of Action and NotAction"),
                Arguments.of("Action empty array", VALID.replace("[\"oss:GetObject\"]", "[]"), "empty array"),
                Arguments.of("Action number", VALID.replace("[\"oss:GetObject\"]", "[1]"), "Action"),
                Arguments.of("Action empty string", VALID.replace("oss:GetObject", ""), "empty string"),
                Arguments.of("Action without ram code", VALID.replace("oss:GetObject", "GetObject"), "<ram-code>:<action>"),
                Arguments.of("Action with space", VALID.replace("oss:GetObject", "oss:Get Object"), "<ram-code>:<action>"),
                Arguments.of("Action nested array", VALID.replace("[\"oss:GetObject\"]", "[[\"oss:GetObject\"]]"), "Action"),
                Arguments.of("Resource missing", VALID.replace(",\"Resource\":[\"acs:oss:*:*:b/u/*\"]", ""),
                        "missing Resource"),
                Arguments.of("Resource not an ARN", VALID.replace("acs:oss:*:*:b/u/*", "b/u/*"), "acs:<service>"),
                Arguments.of("Resource too few fields", VALID.replace("acs:oss:*:*:b/u/*", "acs:oss:*:b"), "acs:<service>"),
                Arguments.of("Resource object", VALID.replace("[\"acs:oss:*:*:b/u/*\"]", "{}"), "Resource"),
                Arguments.of("Principal in session policy", VALID.replace("\"Effect\"", "\"Principal\":[\"*\"],\"Effect\""),
                        "only resource policies"),
                Arguments.of("NotResource", VALID.replace("\"Resource\"", "\"NotResource\":\"*\",\"Resource\""),
                        "unsupported element \"NotResource\""),
                Arguments.of("Sid number", VALID.replace("\"Effect\"", "\"Sid\":1,\"Effect\""), "Sid"),
                Arguments.of("Condition empty", withCondition("{}"), "non-empty object"),
                Arguments.of("Condition array", withCondition("[]"), "non-empty object"),
                Arguments.of("operator empty", withCondition("{\"StringLike\":{}}"), "non-empty object"),
                Arguments.of("unknown operator", withCondition("{\"StringMatches\":{\"oss:Prefix\":\"a\"}}"),
                        "unknown condition operator \"StringMatches\""),
                Arguments.of("operator wrong case", withCondition("{\"stringlike\":{\"oss:Prefix\":\"a\"}}"),
                        "unknown condition operator"),
                Arguments.of("IfExists operator", withCondition("{\"StringLikeIfExists\":{\"oss:Prefix\":\"a\"}}"),
                        "unknown condition operator"),
                Arguments.of("key without prefix", withCondition("{\"StringLike\":{\"Prefix\":\"a\"}}"), "<prefix>:<name>"),
                Arguments.of("key twice ignoring case",
                        withCondition("{\"StringLike\":{\"oss:Prefix\":\"a\",\"OSS:prefix\":\"b\"}}"), "appears twice"),
                Arguments.of("value object", withCondition("{\"StringLike\":{\"oss:Prefix\":{}}}"), "oss:Prefix"),
                Arguments.of("value empty array", withCondition("{\"StringLike\":{\"oss:Prefix\":[]}}"), "empty array"),
                Arguments.of("value null", withCondition("{\"StringLike\":{\"oss:Prefix\":null}}"), "null"),
                Arguments.of("bare number", withCondition("{\"NumericLessThan\":{\"oss:MaxKeys\":10}}"),
                        "must be written as JSON strings"),
                Arguments.of("bare boolean", withCondition("{\"Bool\":{\"acs:SecureTransport\":true}}"),
                        "must be written as JSON strings"),
                Arguments.of("bad number", withCondition("{\"NumericLessThan\":{\"oss:MaxKeys\":\"1e3\"}}"), "not valid"),
                Arguments.of("bad date", withCondition("{\"DateLessThan\":{\"acs:CurrentTime\":\"2012-11-11\"}}"), "not valid"),
                Arguments.of("date without offset",
                        withCondition("{\"DateLessThan\":{\"acs:CurrentTime\":\"2012-11-11T23:59:59\"}}"), "not valid"),
                Arguments.of("bad bool", withCondition("{\"Bool\":{\"acs:SecureTransport\":\"yes\"}}"), "not valid"),
                Arguments.of("bad IP", withCondition("{\"IpAddress\":{\"acs:SourceIp\":\"10.0.0.256\"}}"), "not valid"),
                Arguments.of("bad CIDR prefix", withCondition("{\"IpAddress\":{\"acs:SourceIp\":\"10.0.0.0/33\"}}"), "not valid"),
                Arguments.of("host name as IP", withCondition("{\"IpAddress\":{\"acs:SourceIp\":\"localhost\"}}"), "not valid"),
                Arguments.of("IPv6 zone", withCondition("{\"NotIpAddress\":{\"acs:SourceIp\":\"fe80::1%eth0\"}}"), "not valid"),
                Arguments.of("too long", VALID.replace("oss:GetObject", "oss:" + "x".repeat(PolicyDocument.MAX_CHARS)),
                        "longer than"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalid")
    void rejectsInvalidGrammar(String name, String json, String messageFragment) {
        PolicyGrammarException e = assertThrows(PolicyGrammarException.class, () -> PolicyDocument.parse(json));
        assertTrue(e.getMessage().contains(messageFragment), () -> "message was: " + e.getMessage());
        assertTrue(e.getMessage().length() < 300, "message must not echo large input");
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("baseline", VALID),
                Arguments.of("single strings", doc("{\"Effect\":\"Deny\",\"Action\":\"oss:*\",\"Resource\":\"*\"}")),
                Arguments.of("NotAction", VALID.replace("\"Action\"", "\"NotAction\"")),
                Arguments.of("Sid", VALID.replace("\"Effect\"", "\"Sid\":\"s1\",\"Effect\"")),
                Arguments.of("Action *", VALID.replace("oss:GetObject", "*")),
                Arguments.of("empty-string condition value (bucket-root listing)",
                        withCondition("{\"StringEquals\":{\"oss:Prefix\":[\"\"],\"oss:Delimiter\":\"/\"}}")),
                Arguments.of("every operator family", withCondition("{"
                        + "\"StringNotEqualsIgnoreCase\":{\"acs:UserAgent\":\"x\"},"
                        + "\"NumericGreaterThanEquals\":{\"oss:MaxKeys\":[\"-1.5\",\"10\"]},"
                        + "\"DateGreaterThan\":{\"acs:CurrentTime\":\"2019-08-12T17:00:00+08:00\"},"
                        + "\"Bool\":{\"acs:SecureTransport\":\"TRUE\"},"
                        + "\"IpAddress\":{\"acs:SourceIp\":[\"10.0.0.0/8\",\"2001:db8::/32\",\"::1\"]}}")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("valid")
    void acceptsValidGrammar(String name, String json) {
        assertFalse(PolicyDocument.parse(json).statements().isEmpty());
    }

    @Test
    void exposesImmutableStatements() {
        PolicyDocument policy = PolicyDocument.parse(
                withCondition("{\"StringLike\":{\"oss:Prefix\":[\"u/*\",\"v/*\"]}}").replace("\"Effect\"", "\"Sid\":\"s\",\"Effect\""));
        Statement s = policy.statements().get(0);
        assertEquals(Effect.ALLOW, s.effect());
        assertEquals(List.of("oss:GetObject"), s.actions());
        assertEquals(List.of("acs:oss:*:*:b/u/*"), s.resources());
        assertEquals("s", s.sid().orElseThrow());
        assertEquals(new ConditionClause(ConditionOperator.STRING_LIKE, "oss:Prefix", List.of("u/*", "v/*")),
                s.conditions().get(0));
        assertThrows(UnsupportedOperationException.class, () -> policy.statements().clear());
        assertThrows(UnsupportedOperationException.class, () -> s.actions().clear());
        assertThrows(UnsupportedOperationException.class, () -> s.conditions().get(0).values().clear());
    }

    @Test
    void handBuiltClausesAreValidatedToo() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConditionClause(ConditionOperator.IP_ADDRESS, "acs:SourceIp", List.of("localhost")));
        assertThrows(IllegalArgumentException.class,
                () -> new ConditionClause(ConditionOperator.STRING_LIKE, "oss:Prefix", List.of()));
    }

    @Test
    void resourcePolicyRequiresPrincipal() {
        assertThrows(PolicyGrammarException.class, () -> PolicyDocument.parseResourcePolicy(VALID));
        String bucketPolicy = VALID.replace("\"Effect\"", "\"Principal\":[\"*\"],\"Effect\"");
        PolicyDocument policy = PolicyDocument.parseResourcePolicy(bucketPolicy);
        assertTrue(policy.isResourcePolicy());
        assertEquals(List.of("*"), policy.statements().get(0).principals().orElseThrow());
        String typed = VALID.replace("\"Effect\"", "\"Principal\":{\"RAM\":[\"acs:ram::1:role/r\"]},\"Effect\"");
        assertEquals(List.of("acs:ram::1:role/r"),
                PolicyDocument.parseResourcePolicy(typed).statements().get(0).principals().orElseThrow());
    }

    @Test
    void grammarMessageTruncatesHugeInput() {
        String huge = "X".repeat(10_000);
        PolicyGrammarException e = assertThrows(PolicyGrammarException.class,
                () -> PolicyDocument.parse(withCondition("{\"" + huge + "\":{\"oss:Prefix\":\"a\"}}")));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }
}
