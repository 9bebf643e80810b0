package io.stsvend.grant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An object-key prefix with variables, written by the operator, such as {@code users/${sub}/}. Variables are
 * {@code ${sub}} and {@code ${claim.PATH}}, where PATH is a {@link ClaimPath} ({@code ${claim.preferred_username}},
 * {@code ${claim.tenant.id}}, {@code ${claim."https://example.com/org"}}); every value substituted must be a single
 * string and passes {@link ClaimValues#requireSafe}.
 *
 * <p>Shape rules, checked when parsed: the prefix is empty or ends with {@code /}; literal text uses only
 * letters, digits and {@code . _ - @ /}; no segment is {@code .} or {@code ..}; no leading {@code /}; at most one
 * variable per path segment. Together with the value allow-list (no {@code /}) this guarantees that two different
 * values never produce prefixes of which one contains the other.
 */
public final class PrefixTemplate {

    /** Stands for a variable when checking segments: never valid in literal text. */
    private static final char VARIABLE = '\0';
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._@/-]*");

    private final String source;
    private final List<Part> parts;

    private PrefixTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /** Parses a template, or throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static PrefixTemplate parse(String source) {
        if (!source.isEmpty() && !source.endsWith("/")) {
            throw new IllegalArgumentException("prefix must be empty or end with '/'");
        }
        if (source.startsWith("/")) {
            throw new IllegalArgumentException("prefix must not start with '/'");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder shape = new StringBuilder();
        int last = 0;
        for (int start = source.indexOf("${"); start >= 0; start = source.indexOf("${", last)) {
            int end = closingBrace(source, start + 2);
            String literal = source.substring(last, start);
            addLiteral(parts, literal);
            parts.add(variable(source.substring(start + 2, end)));
            shape.append(literal).append(VARIABLE);
            last = end + 1;
        }
        addLiteral(parts, source.substring(last));
        checkSegments(shape.append(source.substring(last)).toString());
        return new PrefixTemplate(source, parts);
    }

    /** Substitutes the caller's values. */
    public String expand(Claims claims) {
        StringBuilder out = new StringBuilder(source.length() + 32);
        for (Part part : parts) {
            out.append(part.render(claims));
        }
        return out.toString();
    }

    /** The expansion with every variable at its longest legal value: used to bound the session policy size. */
    public String expandWorstCase() {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part instanceof Literal l ? l.text() : "x".repeat(ClaimValues.MAX_LENGTH));
        }
        return out.toString();
    }

    /** Whether the template varies with the caller. */
    public boolean hasVariables() {
        return parts.stream().anyMatch(p -> !(p instanceof Literal));
    }

    public String source() {
        return source;
    }

    private static void addLiteral(List<Part> parts, String text) {
        if (text.contains("$") || text.contains("{") || text.contains("}") || !LITERAL.matcher(text).matches()) {
            throw new IllegalArgumentException("prefix literal text may only use letters, digits, '.', '_', '-', '@', '/'"
                    + " and ${sub} / ${claim.PATH} variables");
        }
        if (!text.isEmpty()) {
            parts.add(new Literal(text));
        }
    }

    /** The '}' closing a variable, skipping quoted claim names (which may contain '}'). */
    private static int closingBrace(String source, int from) {
        boolean quoted = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated template variable: '${' without '}'");
    }

    private static Part variable(String name) {
        if (name.equals("sub")) {
            return new Variable("sub", Claims::subject, Optional.empty());
        }
        if (name.startsWith("claim.")) {
            ClaimPath path = ClaimPath.parse(name.substring("claim.".length()));
            return new Variable(path.toString(), c -> path.resolve(c).orElse(null), Optional.of(path));
        }
        throw new IllegalArgumentException("unknown template variable ${" + name + "}: use ${sub} or ${claim.PATH}");
    }

    /** The claim paths this template reads, for the startup check. */
    public List<ClaimPath> claimPaths() {
        return parts.stream().flatMap(p -> p instanceof Variable v ? v.path().stream() : java.util.stream.Stream.empty())
                .toList();
    }

    private static void checkSegments(String source) {
        if (source.contains("//")) {
            throw new IllegalArgumentException("prefix must not contain empty segments ('//')");
        }
        for (String segment : source.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("prefix must not contain '.' or '..' segments");
            }
            if (segment.chars().filter(c -> c == VARIABLE).count() > 1) {
                throw new IllegalArgumentException("at most one variable per path segment");
            }
        }
    }

    @Override
    public String toString() {
        return source;
    }

    private sealed interface Part permits Literal, Variable {
        String render(Claims claims);
    }

    private record Literal(String text) implements Part {
        @Override
        public String render(Claims claims) {
            return text;
        }
    }

    private record Variable(String claimName, Function<Claims, Object> lookup, Optional<ClaimPath> path)
            implements Part {
        @Override
        public String render(Claims claims) {
            return ClaimValues.requireSafe(claimName, lookup.apply(claims));
        }
    }
}
