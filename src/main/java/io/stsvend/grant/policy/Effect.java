package io.stsvend.grant.policy;

/** The {@code Effect} of a statement; written exactly {@code "Allow"} or {@code "Deny"} in JSON. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** The exact JSON spelling. */
    public String json() {
        return json;
    }

    /** Parses the exact, case-sensitive spelling; anything else is a grammar error. */
    static Effect fromJson(String value, String where) {
        for (Effect e : values()) {
            if (e.json.equals(value)) {
                return e;
            }
        }
        throw new PolicyGrammarException(where + " must be exactly \"Allow\" or \"Deny\", got "
                + PolicyGrammarException.excerpt(value));
    }
}
