package io.stsvend.cloudbox.oss;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One condition of a PostObject policy (spec §5.2): {@code {"field":"v"}} and {@code ["eq","$field","v"]} (exact),
 * {@code ["starts-with","$field","prefix"]}, {@code ["in"|"not-in","$field",["a","b"]]} and
 * {@code ["content-length-range",min,max]} (inclusive bounds on the file size). Field names are lower-cased, as form
 * field names are case-insensitive; a field missing from the form has the value {@code ""}. {@code text} is the
 * condition as JSON, quoted in the "Policy Condition failed" message.
 */
record PostCondition(Mode mode, String field, List<String> values, long min, long max, String text) {

    enum Mode { EQ, STARTS_WITH, IN, NOT_IN, LENGTH_RANGE }

    static final String LENGTH_RANGE = "content-length-range";

    /** One JSON condition; an object form yields one condition per member. */
    static List<PostCondition> parse(Object json) {
        List<PostCondition> parsed = new ArrayList<>();
        if (json instanceof JsonObject object) {
            for (Map.Entry<String, Object> member : object) {
                if (!(member.getValue() instanceof String value)) {
                    throw PostPolicy.invalid("Condition values must be strings.");
                }
                parsed.add(new PostCondition(Mode.EQ, member.getKey().toLowerCase(Locale.ROOT), List.of(value), 0, 0,
                        new JsonObject().put(member.getKey(), value).encode()));
            }
            return parsed;
        }
        if (!(json instanceof JsonArray array) || array.size() != 3 || !(array.getValue(0) instanceof String op)) {
            throw PostPolicy.invalid("Unknown condition.");
        }
        parsed.add(op.equalsIgnoreCase(LENGTH_RANGE) ? range(array) : match(op.toLowerCase(Locale.ROOT), array));
        return parsed;
    }

    boolean accepts(String value, long fileLength) {
        return switch (mode) {
            case EQ -> value.equals(values.get(0));
            case STARTS_WITH -> value.startsWith(values.get(0));
            case IN -> values.contains(value);
            case NOT_IN -> !values.contains(value);
            case LENGTH_RANGE -> fileLength >= min && fileLength <= max;
        };
    }

    private static PostCondition range(JsonArray array) {
        if (!(array.getValue(1) instanceof Number min) || !(array.getValue(2) instanceof Number max)
                || min.longValue() < 0 || max.longValue() < min.longValue()) {
            throw PostPolicy.invalid("Invalid content-length-range.");
        }
        return new PostCondition(Mode.LENGTH_RANGE, LENGTH_RANGE, List.of(), min.longValue(), max.longValue(),
                array.encode());
    }

    private static PostCondition match(String op, JsonArray array) {
        Mode mode = switch (op) {
            case "eq" -> Mode.EQ;
            case "starts-with" -> Mode.STARTS_WITH;
            case "in" -> Mode.IN;
            case "not-in" -> Mode.NOT_IN;
            default -> throw PostPolicy.invalid("Unknown condition " + op + ".");
        };
        if (!(array.getValue(1) instanceof String name) || !name.startsWith("$") || name.length() < 2) {
            throw PostPolicy.invalid("Condition fields must be written as $name.");
        }
        List<String> values = new ArrayList<>();
        Object operand = array.getValue(2);
        if ((mode == Mode.IN || mode == Mode.NOT_IN) && operand instanceof JsonArray list) {
            list.forEach(item -> values.add(requireString(item)));
        } else if (mode != Mode.IN && mode != Mode.NOT_IN) {
            values.add(requireString(operand));
        } else {
            throw PostPolicy.invalid("in and not-in take a list of values.");
        }
        return new PostCondition(mode, name.substring(1).toLowerCase(Locale.ROOT), List.copyOf(values), 0, 0,
                array.encode());
    }

    private static String requireString(Object value) {
        if (!(value instanceof String text)) {
            throw PostPolicy.invalid("Condition values must be strings.");
        }
        return text;
    }
}
