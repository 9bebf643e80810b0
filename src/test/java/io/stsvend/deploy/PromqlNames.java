package io.stsvend.deploy;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects, found by a small tokenizer rather than a parser: string literals,
 * label matchers ({@code {...}}), ranges and subqueries ({@code [...]}) and Grafana variables ({@code $job},
 * {@code ${x}}) are dropped; what is left is identifiers, numbers and punctuation. An identifier is a metric name
 * unless it is followed by {@code (} or by {@code by (...)} (a function or aggregation), is a keyword or binary operator, is a label in the
 * list after {@code by}/{@code without}/{@code on}/{@code ignoring}/{@code group_left}/{@code group_right}, or is the
 * duration after {@code offset}. Names keep their suffixes ({@code _bucket}, {@code _total}): the caller decides how
 * they map onto metric families.
 */
final class PromqlNames {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>0x[0-9a-fA-F]+|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?[a-zA-Z]*)"
                    + "|(?<name>[A-Za-z_:][A-Za-z0-9_:]*)|(?<other>\\S)");
    private static final Pattern GROUPING = Pattern.compile("\\s*(?i:by|without)\\s*\\(");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*[A-Za-z_]\\w*\\s*\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\((.*)\\)\\s*$", Pattern.DOTALL);

    private PromqlNames() {
    }

    /** The metric names {@code expr} selects, in order of appearance. */
    static Set<String> of(String expr) {
        String code = strip(expr);
        Set<String> names = new LinkedHashSet<>();
        Matcher tokens = TOKEN.matcher(code);
        boolean afterOffset = false;
        while (tokens.find()) {
            String name = tokens.group("name");
            if (afterOffset) {
                // offset 5m, offset -5m: the duration is not a name.
                afterOffset = tokens.group("number") == null;
                continue;
            }
            if (name == null) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            // An aggregation is followed by its arguments, or by its grouping: sum by (le) (...).
            boolean call = nextIs(code, tokens.end(), '(') || nextWordIsGrouping(code, tokens.end());
            if (LABEL_LISTS.contains(lower) && call) {
                int close = code.indexOf(')', tokens.end());
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed label list in " + expr);
                }
                tokens.region(close + 1, code.length());
            } else if ("offset".equals(lower)) {
                afterOffset = true;
            } else if (!KEYWORDS.contains(lower) && !call) {
                names.add(name);
            }
        }
        return names;
    }

    /** The metric names of a Grafana template variable's query: {@code label_values(expr, label)} and the like. */
    static Set<String> ofVariableQuery(String query) {
        Matcher values = LABEL_VALUES.matcher(query);
        if (values.matches()) {
            return of(values.group(1));
        }
        Matcher result = QUERY_RESULT.matcher(query);
        if (result.matches()) {
            return of(result.group(1));
        }
        return query.trim().startsWith("label_values(") || query.trim().startsWith("label_names(")
                ? Set.of() : of(query);
    }

    private static boolean nextWordIsGrouping(String code, int from) {
        Matcher next = GROUPING.matcher(code).region(from, code.length());
        return next.lookingAt();
    }

    private static boolean nextIs(String code, int from, char wanted) {
        for (int i = from; i < code.length(); i++) {
            if (!Character.isWhitespace(code.charAt(i))) {
                return code.charAt(i) == wanted;
            }
        }
        return false;
    }

    /** Drops string literals, Grafana variables, comments, label matchers and range selectors. */
    private static String strip(String expr) {
        StringBuilder out = new StringBuilder(expr.length());
        int braces = 0;
        int brackets = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(expr, i);
                out.append(' ');
            } else if (c == '#') {
                while (i < expr.length() && expr.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '$') {
                i = endOfVariable(expr, i);
                out.append(' ');
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
                out.append(' ');
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
                out.append(' ');
            } else if (braces == 0 && brackets == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int endOfString(String expr, int start) {
        char quote = expr.charAt(start);
        for (int i = start + 1; i < expr.length(); i++) {
            if (expr.charAt(i) == '\\' && quote != '`') {
                i++;
            } else if (expr.charAt(i) == quote) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated string in " + expr);
    }

    private static int endOfVariable(String expr, int start) {
        int i = start + 1;
        if (i < expr.length() && expr.charAt(i) == '{') {
            int close = expr.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("unterminated variable in " + expr);
            }
            return close;
        }
        while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_')) {
            i++;
        }
        return i - 1;
    }
}
