package io.stsvend.grant.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The RAM condition operators of spec §3.4, by their exact, case-sensitive JSON names. Anything else
 * ({@code ...IfExists}, {@code Null}, {@code ForAnyValue:...}, {@code ArnLike}) is not documented for RAM and is a
 * grammar error.
 *
 * <p>Each operator is a positive test ({@link #test}) or the complement of one ({@link #negated()}): a negated
 * operator holds for a key exactly when its positive twin does not. Typed operators parse both sides; a request
 * value that does not parse (e.g. a non-IP {@code acs:SourceIp}) never satisfies the positive test.
 * Comparisons read "request value OP policy value": {@code NumericLessThan {"k": "10"}} holds when k &lt; 10.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", ConditionValueKind.STRING),
    STRING_NOT_EQUALS("StringNotEquals", ConditionValueKind.STRING),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", ConditionValueKind.STRING),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", ConditionValueKind.STRING),
    STRING_LIKE("StringLike", ConditionValueKind.STRING),
    STRING_NOT_LIKE("StringNotLike", ConditionValueKind.STRING),
    NUMERIC_EQUALS("NumericEquals", ConditionValueKind.NUMBER),
    NUMERIC_NOT_EQUALS("NumericNotEquals", ConditionValueKind.NUMBER),
    NUMERIC_LESS_THAN("NumericLessThan", ConditionValueKind.NUMBER),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", ConditionValueKind.NUMBER),
    NUMERIC_GREATER_THAN("NumericGreaterThan", ConditionValueKind.NUMBER),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", ConditionValueKind.NUMBER),
    DATE_EQUALS("DateEquals", ConditionValueKind.DATE),
    DATE_NOT_EQUALS("DateNotEquals", ConditionValueKind.DATE),
    DATE_LESS_THAN("DateLessThan", ConditionValueKind.DATE),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", ConditionValueKind.DATE),
    DATE_GREATER_THAN("DateGreaterThan", ConditionValueKind.DATE),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", ConditionValueKind.DATE),
    BOOL("Bool", ConditionValueKind.BOOLEAN),
    IP_ADDRESS("IpAddress", ConditionValueKind.IP),
    NOT_IP_ADDRESS("NotIpAddress", ConditionValueKind.IP);

    private final String jsonName;
    private final ConditionValueKind kind;

    ConditionOperator(String jsonName, ConditionValueKind kind) {
        this.jsonName = jsonName;
        this.kind = kind;
    }

    /** The exact JSON name, e.g. {@code StringLike}. */
    public String jsonName() {
        return jsonName;
    }

    /** True for the complement operators: StringNotEquals, StringNotEqualsIgnoreCase, StringNotLike, NumericNotEquals, DateNotEquals, NotIpAddress. */
    public boolean negated() {
        // RAM names every complement operator with "Not" and no positive one: the name says it, once.
        return jsonName.contains("Not");
    }

    /** Looks up an operator by its exact JSON name. */
    public static Optional<ConditionOperator> fromJsonName(String name) {
        return Arrays.stream(values()).filter(op -> op.jsonName.equals(name)).findFirst();
    }

    /** Whether {@code policyValue} is well-formed for this operator (number, ISO 8601 instant, boolean, IP/CIDR). */
    boolean acceptsPolicyValue(String policyValue) {
        return kind.isValidPolicyValue(policyValue);
    }

    /**
     * The positive test between one policy value and one request value, ignoring {@link #negated()}: for
     * StringNotLike this is the StringLike test.
     */
    boolean test(String policyValue, String requestValue) {
        switch (this) {
            case STRING_EQUALS:
            case STRING_NOT_EQUALS:
                return policyValue.equals(requestValue);
            case STRING_EQUALS_IGNORE_CASE:
            case STRING_NOT_EQUALS_IGNORE_CASE:
                return policyValue.equalsIgnoreCase(requestValue);
            case STRING_LIKE:
            case STRING_NOT_LIKE:
                return Wildcard.matches(policyValue, requestValue);
            case BOOL:
                return ConditionValueKind.BOOLEAN.isValidPolicyValue(requestValue)
                        && policyValue.equalsIgnoreCase(requestValue);
            case IP_ADDRESS:
            case NOT_IP_ADDRESS:
                return IpRange.parse(policyValue).contains(requestValue);
            default:
                return compare(policyValue, requestValue);
        }
    }

    private boolean compare(String policyValue, String requestValue) {
        Integer order = kind.compare(requestValue, policyValue);
        if (order == null) {
            return false;
        }
        switch (this) {
            case NUMERIC_LESS_THAN:
            case DATE_LESS_THAN:
                return order < 0;
            case NUMERIC_LESS_THAN_EQUALS:
            case DATE_LESS_THAN_EQUALS:
                return order <= 0;
            case NUMERIC_GREATER_THAN:
            case DATE_GREATER_THAN:
                return order > 0;
            case NUMERIC_GREATER_THAN_EQUALS:
            case DATE_GREATER_THAN_EQUALS:
                return order >= 0;
            default: // the Equals / NotEquals pairs
                return order == 0;
        }
    }
}
