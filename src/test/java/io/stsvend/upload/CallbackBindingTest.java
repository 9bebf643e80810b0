package io.stsvend.upload;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.testing.StoppedClock;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A callback is accepted only for the bucket and object of a form this service signed, until shortly after expiry. */
class CallbackBindingTest {

    final StoppedClock clock = new StoppedClock(Instant.parse("2026-12-01T10:00:00Z"));
    final byte[] key = new byte[32];
    final CallbackBinding binding = new CallbackBinding(key, Set.of("app-bucket", "photos"), clock);
    final Instant expires = clock.instant().plus(Duration.ofMinutes(15));

    @Test
    void theFormsOwnObjectIsAcceptedAndNamesItsSubject() {
        String exact = binding.issue("alice", "app-bucket", "users/alice/a.txt", false, expires);
        String prefix = binding.issue("alice", "app-bucket", "users/alice/web/", true, expires);

        assertEquals("alice", binding.verify(exact, "app-bucket", "users/alice/a.txt"));
        assertEquals("alice", binding.verify(prefix, "app-bucket", "users/alice/web/b.png"));
    }

    @Test
    void anotherObjectIsRefused() {
        String exact = binding.issue("alice", "app-bucket", "users/alice/a.txt", false, expires);
        String prefix = binding.issue("alice", "app-bucket", "users/alice/web/", true, expires);

        refused(() -> binding.verify(exact, "app-bucket", "users/bob/a.txt"));
        refused(() -> binding.verify(exact, "app-bucket", "users/alice/a.txt2"));
        refused(() -> binding.verify(prefix, "app-bucket", "users/alice/other.png"));
    }

    @Test
    void anotherBucketIsRefused() {
        String form = binding.issue("alice", "app-bucket", "users/alice/a.txt", false, expires);

        refused(() -> binding.verify(form, "photos", "users/alice/a.txt"));
    }

    @Test
    void aBucketNoRuleNamesIsRefusedEvenWhenBound() {
        String form = binding.issue("alice", "other-bucket", "users/alice/a.txt", false, expires);

        refused(() -> binding.verify(form, "other-bucket", "users/alice/a.txt"));
    }

    @Test
    void forgedOrMissingBindingsAreRefused() {
        String form = binding.issue("alice", "app-bucket", "users/alice/", true, expires);
        String payload = form.substring(0, form.indexOf('.'));
        String widened = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).replace("users/alice/", "users/")
                .getBytes(StandardCharsets.UTF_8));
        byte[] otherKey = Arrays.copyOf(key, key.length);
        otherKey[0] = 1;
        String otherService = new CallbackBinding(otherKey, Set.of("app-bucket"), clock)
                .issue("alice", "app-bucket", "users/alice/", true, expires);

        refused(() -> binding.verify(widened + form.substring(form.indexOf('.')), "app-bucket", "users/bob/a"));
        refused(() -> binding.verify(otherService, "app-bucket", "users/alice/a"));
        refused(() -> binding.verify("", "app-bucket", "users/alice/a"));
        refused(() -> binding.verify(null, "app-bucket", "users/alice/a"));
        refused(() -> binding.verify("not.base64!", "app-bucket", "users/alice/a"));
    }

    @Test
    void acceptedUntilTheGraceAfterExpiry() {
        String form = binding.issue("alice", "app-bucket", "users/alice/a.txt", false, expires);

        clock.advance(Duration.ofMinutes(15).plus(CallbackBinding.GRACE));
        assertEquals("alice", binding.verify(form, "app-bucket", "users/alice/a.txt"));
        clock.advance(Duration.ofSeconds(1));
        refused(() -> binding.verify(form, "app-bucket", "users/alice/a.txt"));
    }

    private static void refused(org.junit.jupiter.api.function.Executable call) {
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(CodedException.class, call).errorCode());
    }
}
