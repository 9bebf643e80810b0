package io.stsvend.cloudbox.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stsvend.cloudbox.sts.StsEmulatorSettings.RamUser;
import io.stsvend.cloudbox.sts.StsEmulatorSettings.Role;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StsEmulatorSettingsTest {

    private static final RamUser USER = new RamUser("svc", "2001", "LTAI5tKey", "top-secret-value");

    @ParameterizedTest
    @ValueSource(ints = {3599, 43201, 0})
    void maxSessionDurationOutsideRamBoundsIsRefused(int max) {
        assertThrows(IllegalArgumentException.class, () -> new Role("r", "3001", max));
    }

    @ParameterizedTest
    @ValueSource(ints = {3600, 43200})
    void maxSessionDurationAtRamBoundsIsAccepted(int max) {
        assertEquals(max, new Role("r", "3001", max).maxSessionDurationSeconds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "a*", "a/b"})
    void roleNamesFollowRamCharset(String name) {
        assertThrows(IllegalArgumentException.class, () -> new Role(name, "3001", 3600));
    }

    @Test
    void longTermKeyMayNotLookTemporary() {
        assertThrows(IllegalArgumentException.class, () -> new RamUser("svc", "2001", "STS.abc", "secret"));
    }

    @Test
    void accountIdMustBeDigits() {
        assertThrows(IllegalArgumentException.class, () -> new StsEmulatorSettings("12a", USER, List.of(), p -> true));
    }

    @Test
    void roleNamesMustBeUniqueIgnoringCase() {
        assertThrows(IllegalArgumentException.class, () -> new StsEmulatorSettings("123", USER,
                List.of(new Role("Uploader", "1", 3600), new Role("uploader", "2", 3600)), p -> true));
    }

    @Test
    void roleArnAndLookup() {
        StsEmulatorSettings settings = new StsEmulatorSettings("123", USER, List.of(new Role("Uploader", "1", 3600)),
                p -> true);

        assertEquals("acs:ram::123:role/Uploader", settings.roleArn(settings.role("uploader").orElseThrow()));
        assertFalse(settings.role("other").isPresent());
    }

    @Test
    void userToStringHidesTheSecret() {
        assertFalse(USER.toString().contains("top-secret-value"));
        assertFalse(new StsEmulatorSettings("123", USER, List.of(), p -> true).toString()
                .contains("top-secret-value"));
    }
}
