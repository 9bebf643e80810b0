package io.stsvend.grant.policy;

import java.util.List;
import java.util.Objects;

/**
 * One {@code "<Operator>": {"<key>": [values...]}} pair of a Condition block; a statement's condition holds when
 * all of its clauses hold (several keys under one operator, and several operators, are AND).
 *
 * <p>A clause holds when some request value of {@code key} satisfies the operator's positive test against some
 * policy value (the values list is OR); for a {@linkplain ConditionOperator#negated() negated} operator it holds
 * exactly when that is not the case. Consequently, when the request has no value for {@code key}:
 * positive operators (StringEquals, StringLike, IpAddress, Bool, Numeric*, Date*) do <b>not</b> match, and negated
 * operators (StringNotEquals, StringNotLike, NotIpAddress, ...) <b>do</b> match — the AWS semantics, as no Alibaba
 * document says otherwise. With several request values, a negated operator holds only if none of them matches
 * any policy value.
 *
 * @param operator the operator
 * @param key      the condition key as written in the policy; matched case-insensitively
 * @param values   the policy values, validated for the operator's type at parse time, immutable, non-empty
 */
public record ConditionClause(ConditionOperator operator, String key, List<String> values) {

    /**
     * @throws IllegalArgumentException when {@code key} is empty, {@code values} is empty, or a value is not valid
     *                                  for the operator (parsed policies never hit this; it guards hand-built ones)
     */
    public ConditionClause {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        if (key.isEmpty() || values.isEmpty()) {
            throw new IllegalArgumentException("a condition clause needs a key and at least one value");
        }
        if (!values.stream().allMatch(operator::acceptsPolicyValue)) {
            throw new IllegalArgumentException("value not valid for " + operator.jsonName());
        }
    }

    /** Whether this clause holds for {@code request}. */
    public boolean matches(AccessRequest request) {
        boolean any = request.values(key).stream()
                .anyMatch(requestValue -> values.stream().anyMatch(v -> operator.test(v, requestValue)));
        return operator.negated() != any;
    }
}
