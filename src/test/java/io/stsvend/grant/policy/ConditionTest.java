package io.stsvend.grant.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each row: a single Allow statement whose Condition is {@code {operator: {key: policyValues}}}, a request carrying
 * {@code requestValues} for {@code key} (';'-separated; {@code <absent>} = key not in the request), and whether the
 * statement applies (ALLOW) or not (IMPLICIT_DENY).
 */
class ConditionTest {

    private static final String ABSENT = "<absent>";
    /** The operator table: each operator family at its edges, in a file because it is data (over 100 rows). */
    private static final String TABLE = "/io/stsvend/grant/policy/condition-operators.csv";

    @ParameterizedTest(name = "[{index}] {0} {1}={2} vs {3} -> {4}")
    @CsvFileSource(resources = TABLE, delimiter = '|', quoteCharacter = '\'', emptyValue = "")
    void operator(String operator, String key, String policyValues, String requestValues, boolean expected) {
        PolicyDocument policy = PolicyDocument.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"oss:GetObject\",\"Resource\":\"*\",\"Condition\":{\"" + operator + "\":{\"" + key + "\":"
                + policyValues + "}}}]}");
        AccessRequest request = AccessRequest.of("oss:GetObject", "acs:oss:*:1:b/k");
        if (!ABSENT.equals(requestValues)) {
            // Context keys are written in canonical case; the policy side varies the case.
            request = request.with(canonical(key), requestValues.split(";", -1));
        }
        assertEquals(expected ? Decision.ALLOW : Decision.IMPLICIT_DENY, PolicyEvaluator.evaluate(request, policy));
    }

    private static String canonical(String key) {
        return switch (key.toLowerCase()) {
            case "oss:prefix" -> "oss:Prefix";
            case "acs:sourceip" -> "acs:SourceIp";
            default -> key;
        };
    }

    @Test
    void everyOperatorIsCoveredByTheTable() throws Exception {
        String table;
        try (InputStream in = ConditionTest.class.getResourceAsStream(TABLE)) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<ConditionOperator> missing = EnumSet.allOf(ConditionOperator.class).stream()
                .filter(op -> !table.contains(op.jsonName() + " "))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConditionOperator.class)));
        assertEquals(EnumSet.noneOf(ConditionOperator.class), missing);
    }

    private static PolicyDocument conditionPolicy(String condition) {
        return PolicyDocument.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:*\","
                + "\"Resource\":\"*\",\"Condition\":" + condition + "}]}");
    }

    @ParameterizedTest(name = "[{index}] prefix={0} delimiter={1} ip={2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            users/u1/x | / | 10.0.0.1 | true
            # first key of StringLike fails
            users/u2/x | / | 10.0.0.1 | false
            # second key of StringLike fails
            users/u1/x | , | 10.0.0.1 | false
            # second operator fails
            users/u1/x | / | 11.0.0.1 | false
            """)
    void keysAndOperatorsAreAnded(String prefix, String delimiter, String ip, boolean expected) {
        PolicyDocument policy = conditionPolicy("{\"StringLike\":{\"oss:Prefix\":[\"users/u1/*\",\"shared/*\"],"
                + "\"oss:Delimiter\":\"/\"},\"IpAddress\":{\"acs:SourceIp\":\"10.0.0.0/8\"}}");
        AccessRequest request = AccessRequest.of("oss:ListObjects", "acs:oss:*:1:b")
                .with("oss:Prefix", prefix).with("oss:Delimiter", delimiter).with("acs:SourceIp", ip);
        assertEquals(expected, PolicyEvaluator.evaluate(request, policy).allowed());
    }

    @Test
    void negatedOperatorOnMissingKeyMakesADenyApply() {
        // "Deny unless from the office network": with no acs:SourceIp in the request the Deny applies (fails closed).
        PolicyDocument policy = PolicyDocument.parse("{\"Version\":\"1\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"oss:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"NotIpAddress\":{\"acs:SourceIp\":\"10.0.0.0/8\"}}}]}");
        AccessRequest request = AccessRequest.of("oss:GetObject", "acs:oss:*:1:b/k");
        assertEquals(Decision.EXPLICIT_DENY, PolicyEvaluator.evaluate(request, policy));
        assertEquals(Decision.EXPLICIT_DENY, PolicyEvaluator.evaluate(request.with("acs:SourceIp", "8.8.8.8"), policy));
        assertEquals(Decision.ALLOW, PolicyEvaluator.evaluate(request.with("acs:SourceIp", "10.9.9.9"), policy));
    }
}
