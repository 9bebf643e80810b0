package io.stsvend.bench;

import io.stsvend.grant.Access;
import io.stsvend.grant.ClaimCondition;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.GrantRule;
import io.stsvend.grant.PrefixTemplate;
import io.stsvend.sts.TemporaryCredentials;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Realistic inputs for the benchmarks: the default grant rules of application.yaml, and STS credentials with the
 * field sizes Alibaba's STS returns ({@code STS.} key id of 28 characters, 44-character secret, a SecurityToken of
 * the given length, a UUID request id).
 */
public final class BenchFixtures {

    /** The role ARN of local mode; one shared instance, as the issuer's config gives every key the same string. */
    public static final String ROLE_ARN = "acs:ram::1234567890123456:role/stsvend-app";

    /** Length of a SecurityToken in the footprint and serialization benchmarks. */
    public static final int TOKEN_LENGTH = 600;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private BenchFixtures() {
    }

    /** The two rules of application.yaml: own folder for everyone, shared/ for the viewer group. */
    public static GrantMapper defaultRules() {
        GrantRule own = new GrantRule("own-files", "app-bucket", PrefixTemplate.parse("users/${sub}/"),
                EnumSet.allOf(Access.class), Optional.empty(), Optional.empty());
        GrantRule shared = new GrantRule("shared-viewer", "app-bucket", PrefixTemplate.parse("shared/"),
                EnumSet.of(Access.READ, Access.LIST), Optional.empty(),
                Optional.of(new ClaimCondition("groups", "viewer")));
        return new GrantMapper(List.of(own, shared));
    }

    /**
     * Fresh credentials, one hour long, with a token of {@code tokenLength} characters (a multiple of 4): standard
     * Base64 of random bytes, the shape of Alibaba's tokens, which the cache keeps as the bytes they encode.
     */
    public static TemporaryCredentials credentials(int tokenLength) {
        byte[] token = new byte[tokenLength / 4 * 3];
        ThreadLocalRandom.current().nextBytes(token);
        return new TemporaryCredentials("STS." + random(24), random(44), Base64.getEncoder().encodeToString(token),
                Instant.ofEpochSecond(Instant.now().getEpochSecond() + 3600), UUID.randomUUID().toString().toUpperCase());
    }

    /**
     * Heap in use after a full collection: the least of five {@code System.gc()} rounds, as one round may leave
     * garbage that a finaliser or a reference queue frees only on the next. What the footprint measurements subtract.
     */
    public static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
