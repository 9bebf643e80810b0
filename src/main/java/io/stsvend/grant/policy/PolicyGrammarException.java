package io.stsvend.grant.policy;

/**
 * A policy document is not valid RAM policy grammar. The STS emulator maps it to
 * {@code InvalidParameter.PolicyGrammar} (400).
 *
 * <p>The message names the offending element (e.g. {@code Statement[1].Condition.StringLike}) and what is wrong,
 * but never echoes more than a short, truncated excerpt of the input, so it is safe to log and to return.
 */
public final class PolicyGrammarException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_EXCERPT = 40;

    public PolicyGrammarException(String message) {
        super(message);
    }

    PolicyGrammarException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A quoted excerpt of untrusted input for messages: at most 40 characters, control characters replaced. */
    static String excerpt(String input) {
        String cut = input.length() > MAX_EXCERPT ? input.substring(0, MAX_EXCERPT) + "..." : input;
        StringBuilder out = new StringBuilder(cut.length() + 2).append('"');
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.append('"').toString();
    }
}
