package io.stsvend.grant.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each row: a single Allow statement whose Condition is {@code {operator: {key: policyValues}}}, a request carrying
 * {@code requestValues} for {@code key} (';'-separated; {@code <absent>} = key not in the request), and whether the
 * statement applies (ALLOW) or not (IMPLICIT_DENY).
 */
class ConditionTest {

    private static final String ABSENT = "<absent>";

    @ParameterizedTest(name = "[{index}] {0} {1}={2} vs {3} -> {4}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            // ---- String family (case-sensitive except IgnoreCase) ----
            "StringEquals              | acs:UserAgent | [\"app/1\"]              | app/1                  | true",
            "StringEquals              | acs:UserAgent | [\"app/1\"]              | APP/1                  | false",
            "StringEquals              | acs:UserAgent | [\"app/*\"]              | app/1                  | false",
            "StringEquals              | acs:UserAgent | [\"a\",\"app/1\"]        | app/1                  | true",
            "StringEquals              | acs:UserAgent | [\"app/1\"]              | <absent>               | false",
            "StringEquals              | oss:Prefix    | [\"\"]                   | ''                     | true",
            "StringNotEquals           | acs:UserAgent | [\"app/1\"]              | app/2                  | true",
            "StringNotEquals           | acs:UserAgent | [\"app/1\"]              | app/1                  | false",
            "StringNotEquals           | acs:UserAgent | [\"app/1\",\"app/2\"]    | app/2                  | false",
            "StringNotEquals           | acs:UserAgent | [\"app/1\"]              | <absent>               | true",
            "StringNotEquals           | acs:UserAgent | [\"app/1\"]              | app/2;app/1            | false",
            "StringEqualsIgnoreCase    | acs:UserAgent | [\"App/1\"]              | aPP/1                  | true",
            "StringEqualsIgnoreCase    | acs:UserAgent | [\"App/1\"]              | App/2                  | false",
            "StringEqualsIgnoreCase    | acs:UserAgent | [\"App/1\"]              | <absent>               | false",
            "StringNotEqualsIgnoreCase | acs:UserAgent | [\"App/1\"]              | aPP/1                  | false",
            "StringNotEqualsIgnoreCase | acs:UserAgent | [\"App/1\"]              | App/2                  | true",
            "StringNotEqualsIgnoreCase | acs:UserAgent | [\"App/1\"]              | <absent>               | true",
            "StringLike                | oss:Prefix    | [\"users/u1/*\"]         | users/u1/              | true",
            "StringLike                | oss:Prefix    | [\"users/u1/*\"]         | users/u1/a/b           | true",
            "StringLike                | oss:Prefix    | [\"users/u1/*\"]         | users/u1               | false",
            "StringLike                | oss:Prefix    | [\"users/u1/*\"]         | users/u1-evil/         | false",
            "StringLike                | oss:Prefix    | [\"users/u1/*\"]         | USERS/u1/              | false",
            "StringLike                | oss:Prefix    | [\"users/u?/*\"]         | users/u2/x             | true",
            "StringLike                | oss:Prefix    | [\"users/u1/*\"]         | <absent>               | false",
            "StringLike                | oss:Prefix    | [\"\"]                   | ''                     | true",
            "StringLike                | oss:Prefix    | [\"\"]                   | a                      | false",
            "StringNotLike             | oss:Prefix    | [\"tmp/*\"]              | users/x                | true",
            "StringNotLike             | oss:Prefix    | [\"tmp/*\"]              | tmp/x                  | false",
            "StringNotLike             | oss:Prefix    | [\"tmp/*\"]              | <absent>               | true",
            // ---- Numeric (request value OP policy value; exact decimal comparison) ----
            "NumericEquals             | oss:MaxKeys   | [\"10\"]                 | 10                     | true",
            "NumericEquals             | oss:MaxKeys   | [\"10\"]                 | 10.0                   | true",
            "NumericEquals             | oss:MaxKeys   | [\"10\"]                 | 11                     | false",
            "NumericEquals             | oss:MaxKeys   | [\"10\"]                 | ten                    | false",
            "NumericEquals             | oss:MaxKeys   | [\"10\"]                 | <absent>               | false",
            "NumericNotEquals          | oss:MaxKeys   | [\"10\"]                 | 11                     | true",
            "NumericNotEquals          | oss:MaxKeys   | [\"10\"]                 | 10                     | false",
            "NumericNotEquals          | oss:MaxKeys   | [\"10\"]                 | <absent>               | true",
            "NumericLessThan           | oss:MaxKeys   | [\"10\"]                 | 9.999                  | true",
            "NumericLessThan           | oss:MaxKeys   | [\"10\"]                 | 10                     | false",
            "NumericLessThan           | oss:MaxKeys   | [\"10\"]                 | -11                    | true",
            "NumericLessThanEquals     | oss:MaxKeys   | [\"10\"]                 | 10                     | true",
            "NumericLessThanEquals     | oss:MaxKeys   | [\"10\"]                 | 10.001                 | false",
            "NumericGreaterThan        | oss:MaxKeys   | [\"10\"]                 | 10.001                 | true",
            "NumericGreaterThan        | oss:MaxKeys   | [\"10\"]                 | 10                     | false",
            "NumericGreaterThanEquals  | oss:MaxKeys   | [\"-1.5\"]               | -1.5                   | true",
            "NumericGreaterThanEquals  | oss:MaxKeys   | [\"-1.5\"]               | -1.51                  | false",
            "NumericGreaterThanEquals  | oss:MaxKeys   | [\"-1.5\"]               | <absent>               | false",
            // ---- Date (instants; offsets honoured; boundaries exact to the nanosecond) ----
            "DateEquals                | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:59Z      | true",
            "DateEquals                | acs:CurrentTime | [\"2012-11-12T07:59:59+08:00\"] | 2012-11-11T23:59:59Z      | true",
            "DateEquals                | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:59.001Z  | false",
            "DateNotEquals             | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:58Z      | true",
            "DateNotEquals             | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:59Z      | false",
            "DateNotEquals             | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | <absent>                  | true",
            "DateLessThan              | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:58.999999999Z | true",
            "DateLessThan              | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:59Z      | false",
            "DateLessThan              | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | <absent>                  | false",
            "DateLessThan              | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | yesterday                 | false",
            "DateLessThanEquals        | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:59Z      | true",
            "DateLessThanEquals        | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:59.000000001Z | false",
            "DateGreaterThan           | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:59.000000001Z | true",
            "DateGreaterThan           | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:59Z      | false",
            "DateGreaterThan           | acs:CurrentTime | [\"2012-11-12T08:00:00+08:00\"] | 2012-11-12T00:00:00.001Z  | true",
            "DateGreaterThanEquals     | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:59Z      | true",
            "DateGreaterThanEquals     | acs:CurrentTime | [\"2012-11-11T23:59:59Z\"]      | 2012-11-11T23:59:58Z      | false",
            // ---- Bool (case-insensitive true/false; anything else never matches) ----
            "Bool                      | acs:SecureTransport | [\"true\"]           | true                   | true",
            "Bool                      | acs:SecureTransport | [\"true\"]           | TRUE                   | true",
            "Bool                      | acs:SecureTransport | [\"True\"]           | true                   | true",
            "Bool                      | acs:SecureTransport | [\"true\"]           | false                  | false",
            "Bool                      | acs:SecureTransport | [\"false\"]          | false                  | true",
            "Bool                      | acs:SecureTransport | [\"true\"]           | HTTPS                  | false",
            "Bool                      | acs:SecureTransport | [\"false\"]          | <absent>               | false",
            // ---- IpAddress / NotIpAddress (IPv4, IPv6, CIDR edges) ----
            "IpAddress                 | acs:SourceIp  | [\"192.168.0.0/16\"]     | 192.168.0.0            | true",
            "IpAddress                 | acs:SourceIp  | [\"192.168.0.0/16\"]     | 192.168.255.255        | true",
            "IpAddress                 | acs:SourceIp  | [\"192.168.0.0/16\"]     | 192.169.0.0            | false",
            "IpAddress                 | acs:SourceIp  | [\"192.168.0.0/16\"]     | 192.167.255.255        | false",
            "IpAddress                 | acs:SourceIp  | [\"10.0.0.8/29\"]        | 10.0.0.15              | true",
            "IpAddress                 | acs:SourceIp  | [\"10.0.0.8/29\"]        | 10.0.0.16              | false",
            "IpAddress                 | acs:SourceIp  | [\"10.0.0.8/29\"]        | 10.0.0.7               | false",
            "IpAddress                 | acs:SourceIp  | [\"10.1.2.3/8\"]         | 10.200.0.1             | true",
            "IpAddress                 | acs:SourceIp  | [\"203.0.113.7\"]        | 203.0.113.7            | true",
            "IpAddress                 | acs:SourceIp  | [\"203.0.113.7\"]        | 203.0.113.8            | false",
            "IpAddress                 | acs:SourceIp  | [\"203.0.113.7/32\"]     | 203.0.113.7            | true",
            "IpAddress                 | acs:SourceIp  | [\"0.0.0.0/0\"]          | 8.8.8.8                | true",
            "IpAddress                 | acs:SourceIp  | [\"0.0.0.0/0\"]          | ::1                    | false",
            "IpAddress                 | acs:SourceIp  | [\"10.0.0.0/8\"]         | ::ffff:10.1.2.3        | true",
            "IpAddress                 | acs:SourceIp  | [\"10.0.0.0/8\"]         | 010.1.2.3              | false",
            "IpAddress                 | acs:SourceIp  | [\"10.0.0.0/8\"]         | 10.1.2                 | false",
            "IpAddress                 | acs:SourceIp  | [\"10.0.0.0/8\"]         | 10.0.0.0/8             | false",
            "IpAddress                 | acs:SourceIp  | [\"10.0.0.0/8\"]         | not-an-ip              | false",
            "IpAddress                 | acs:SourceIp  | [\"10.0.0.0/8\"]         | <absent>               | false",
            "IpAddress                 | acs:SourceIp  | [\"10.0.0.0/8\",\"2001:db8::/32\"] | 2001:db8:ffff:ffff::1 | true",
            "IpAddress                 | acs:SourceIp  | [\"2001:db8::/32\"]      | 2001:0DB8:0:0:0:0:0:1  | true",
            "IpAddress                 | acs:SourceIp  | [\"2001:db8::/32\"]      | 2001:db9::             | false",
            "IpAddress                 | acs:SourceIp  | [\"2001:db8::/32\"]      | 2001:db7:ffff::        | false",
            "IpAddress                 | acs:SourceIp  | [\"2001:db8::/33\"]      | 2001:db8:7fff::1       | true",
            "IpAddress                 | acs:SourceIp  | [\"2001:db8::/33\"]      | 2001:db8:8000::        | false",
            "IpAddress                 | acs:SourceIp  | [\"::1\"]                | 0:0:0:0:0:0:0:1        | true",
            "IpAddress                 | acs:SourceIp  | [\"::1/128\"]            | ::2                    | false",
            "IpAddress                 | acs:SourceIp  | [\"::/0\"]               | fe80::1                | true",
            "IpAddress                 | acs:SourceIp  | [\"::/0\"]               | 127.0.0.1              | false",
            "IpAddress                 | acs:SourceIp  | [\"::ffff:0:0/96\"]      | ::ffff:1.2.3.4         | false",
            "IpAddress                 | acs:SourceIp  | [\"64:ff9b::/96\"]       | 64:ff9b::192.0.2.1     | true",
            "NotIpAddress              | acs:SourceIp  | [\"10.0.0.0/8\"]         | 11.0.0.1               | true",
            "NotIpAddress              | acs:SourceIp  | [\"10.0.0.0/8\"]         | 10.255.255.255         | false",
            "NotIpAddress              | acs:SourceIp  | [\"10.0.0.0/8\",\"fd00::/8\"] | fd12::1           | false",
            "NotIpAddress              | acs:SourceIp  | [\"10.0.0.0/8\"]         | <absent>               | true",
            // ---- condition key names are case-insensitive ----
            "StringLike                | OSS:PREFIX    | [\"users/u1/*\"]         | users/u1/x             | true",
            "IpAddress                 | ACS:sourceip  | [\"10.0.0.0/8\"]         | 10.0.0.1               | true",
    })
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
        String table = Arrays.toString(ConditionTest.class.getDeclaredMethod("operator", String.class, String.class,
                String.class, String.class, boolean.class).getAnnotation(CsvSource.class).value());
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
    @CsvSource(delimiter = '|', value = {
            "users/u1/x | /  | 10.0.0.1 | true",
            "users/u2/x | /  | 10.0.0.1 | false", // first key of StringLike fails
            "users/u1/x | ,  | 10.0.0.1 | false", // second key of StringLike fails
            "users/u1/x | /  | 11.0.0.1 | false", // second operator fails
    })
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
