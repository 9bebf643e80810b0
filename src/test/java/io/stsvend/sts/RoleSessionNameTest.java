package io.stsvend.sts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleSessionNameTest {

    @Test
    void validSubjectIsUsedAsIs() {
        assertEquals("alice@example.com", RoleSessionName.fromSubject("alice@example.com").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice/../bob", "ålice", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "user name with spaces and more text",
            "auth0|5f7c8ec7c33c6c004bbafe82", "*"})
    void otherSubjectsAreCleanedShortenedAndHashed(String subject) {
        String name = RoleSessionName.fromSubject(subject).value();
        assertTrue(name.matches("[A-Za-z0-9.@_-]{2,32}"), name);
        assertEquals(name, RoleSessionName.fromSubject(subject).value(), "deterministic");
    }

    @Test
    void subjectsThatCleanAlikeStillDiffer() {
        assertNotEquals(RoleSessionName.fromSubject("a/b").value(), RoleSessionName.fromSubject("a*b").value());
        assertNotEquals(RoleSessionName.fromSubject("x".repeat(40)).value(),
                RoleSessionName.fromSubject("x".repeat(41)).value());
    }

    @Test
    void readableStartIsKept() {
        assertTrue(RoleSessionName.fromSubject("auth0|5f7c8ec7c33c6c004bbafe82").value().startsWith("auth0_5f7c8ec7c"));
    }
}
