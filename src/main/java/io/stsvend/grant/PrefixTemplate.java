package io.stsvend.grant;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An object-key prefix with variables, written by the operator, such as {@code users/${sub}/}. Variables are
 * {@code ${sub}} and {@code ${claim.NAME}}; every value substituted passes {@link ClaimValues#requireSafe}.
 *
 * <p>Shape rules, checked when parsed: the prefix is empty or ends with {@code /}; literal text uses only
 * letters, digits and {@code . _ - @ /}; no segment is {@code .} or {@code ..}; no leading {@code /}; at most one
 * variable per path segment. Together with the value allow-list (no {@code /}) this guarantees that two different
 * values never produce prefixes of which one contains the other.
 */
public final class PrefixTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern CLAIM_VARIABLE = Pattern.compile("claim\\.([A-Za-z0-9_.:-]{1,64})");
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
        Matcher m = VARIABLE.matcher(source);
        int last = 0;
        while (m.find()) {
            addLiteral(parts, source.substring(last, m.start()));
            parts.add(variable(m.group(1)));
            last = m.end();
        }
        addLiteral(parts, source.substring(last));
        checkSegments(source);
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
                    + " and ${sub} / ${claim.NAME} variables");
        }
        if (!text.isEmpty()) {
            parts.add(new Literal(text));
        }
    }

    private static Part variable(String name) {
        if (name.equals("sub")) {
            return new Variable("sub", Claims::subject);
        }
        Matcher claim = CLAIM_VARIABLE.matcher(name);
        if (claim.matches()) {
            String claimName = claim.group(1);
            return new Variable(claimName, c -> c.claim(claimName).orElse(null));
        }
        throw new IllegalArgumentException("unknown template variable ${" + name + "}: use ${sub} or ${claim.NAME}");
    }

    private static void checkSegments(String source) {
        if (source.contains("//")) {
            throw new IllegalArgumentException("prefix must not contain empty segments ('//')");
        }
        for (String segment : source.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("prefix must not contain '.' or '..' segments");
            }
            if (VARIABLE.matcher(segment).results().count() > 1) {
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

    private record Variable(String claimName, Function<Claims, Object> lookup) implements Part {
        @Override
        public String render(Claims claims) {
            return ClaimValues.requireSafe(claimName, lookup.apply(claims));
        }
    }
}
