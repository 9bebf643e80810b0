package io.stsvend.cloudbox.sts;

/** Session policies of an exact length for the 2048-character boundary. */
final class TestPolicies {

    private static final String HEAD = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "[\"oss:PutObject\"],\"Resource\":[\"acs:oss:*:*:app-bucket/users/u123/";
    private static final String TAIL = "*\"]}]}";

    private TestPolicies() {
    }

    /** A grammatical policy of exactly {@code length} characters (the resource prefix is padded). */
    static String ofLength(int length) {
        return HEAD + "p".repeat(length - HEAD.length() - TAIL.length()) + TAIL;
    }
}
