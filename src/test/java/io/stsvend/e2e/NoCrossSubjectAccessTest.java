package io.stsvend.e2e;

import io.stsvend.grant.Claims;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.grant.policy.AccessRequest;
import io.stsvend.grant.policy.Decision;
import io.stsvend.grant.policy.PolicyDocument;
import io.stsvend.grant.policy.PolicyEvaluator;
import io.stsvend.testing.TestClaims;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Randomized proof of isolation between users under the shipped grant rules: for thousands of pairs of distinct
 * valid subjects, the session policy the service would send for one subject — built by the real GrantMapper and
 * SessionPolicy, parsed by PolicyDocument and evaluated by PolicyEvaluator against a role that may do anything in
 * the bucket — grants none of the OSS actions on the other subject's prefix, while granting all of them on its own
 * (so the test cannot pass by denying everything). Subjects are drawn to collide: short, from a small alphabet, with
 * deliberate extensions ({@code alice} / {@code alice-evil}), case variants and dot-only names.
 */
class NoCrossSubjectAccessTest {

    static final long SEED = 0x5EED_57A5L;
    static final int PAIRS = 2_000;
    static final String BUCKET_ARN = "acs:oss:*:1234567890123456:app-bucket";
    static final PolicyDocument ROLE_POLICY = PolicyDocument.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":"
            + "\"Allow\",\"Action\":\"oss:*\",\"Resource\":[\"acs:oss:*:*:app-bucket\",\"acs:oss:*:*:app-bucket/*\"]}]}");
    static final List<String> OBJECT_ACTIONS = List.of("oss:GetObject", "oss:PutObject", "oss:DeleteObject",
            "oss:ListParts", "oss:AbortMultipartUpload");
    static final String ALPHABET = "aAb.-_@1";

    final GrantMapper mapper = DefaultGrantRules.mapper();

    @Test
    void noSubjectsTokenGrantsAnythingOnAnotherSubjectsPrefix() {
        Random random = new Random(SEED);
        for (int i = 0; i < PAIRS; i++) {
            String owner = subject(random);
            String other = neighbourOf(owner, random);
            boolean viewer = random.nextBoolean();
            PolicyDocument policy = PolicyDocument.parse(SessionPolicy.of(mapper.grantsFor(claims(owner, viewer))).json());
            String why = "seed " + SEED + ", pair " + i + ": token of '" + owner + "' (viewer=" + viewer + ")";

            for (String key : keysUnder("users/" + owner + "/", random)) {
                for (String action : OBJECT_ACTIONS) {
                    assertTrue(allowed(policy, AccessRequest.of(action, BUCKET_ARN + "/" + key)), why + " own " + key);
                }
            }
            assertTrue(allowed(policy, list("users/" + owner + "/")), why + " lists own prefix");
            for (String key : keysUnder("users/" + other + "/", random)) {
                for (String action : OBJECT_ACTIONS) {
                    assertFalse(allowed(policy, AccessRequest.of(action, BUCKET_ARN + "/" + key)),
                            why + " " + action + " on '" + key + "'");
                }
                assertFalse(allowed(policy, list(key)), why + " lists prefix '" + key + "'");
            }
        }
    }

    @Test
    void theGeneratorReallyProducesTheAwkwardPairs() {
        Random random = new Random(SEED);
        int extensions = 0;
        int caseVariants = 0;
        for (int i = 0; i < PAIRS; i++) {
            String owner = subject(random);
            String other = neighbourOf(owner, random);
            assertFalse(owner.equals(other));
            extensions += other.startsWith(owner) || owner.startsWith(other) ? 1 : 0;
            caseVariants += other.equalsIgnoreCase(owner) ? 1 : 0;
            keysUnder("users/" + owner + "/", random);
            keysUnder("users/" + other + "/", random);
            random.nextBoolean();
        }
        assertTrue(extensions > PAIRS / 4, "prefix-related pairs: " + extensions);
        assertTrue(caseVariants > PAIRS / 20, "case-variant pairs: " + caseVariants);
    }

    private static boolean allowed(PolicyDocument session, AccessRequest request) {
        Decision decision = PolicyEvaluator.evaluate(request, Optional.of(session), List.of(ROLE_POLICY), List.of());
        return decision.allowed();
    }

    private static AccessRequest list(String prefix) {
        return new AccessRequest("oss:ListObjects", BUCKET_ARN, Map.of("oss:Prefix", List.of(prefix)));
    }

    /** A valid subject (1-128 of letters, digits, {@code . _ - @}; not "." or ".."), usually short. */
    static String subject(Random random) {
        int length = random.nextInt(10) == 0 ? 1 + random.nextInt(128) : 1 + random.nextInt(6);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String text = s.toString();
        return text.equals(".") || text.equals("..") ? text + "a" : text;
    }

    /** A different valid subject, often an extension, truncation or case variant of the first. */
    static String neighbourOf(String subject, Random random) {
        String candidate = switch (random.nextInt(5)) {
            case 0 -> subject + subject(random);
            case 1 -> subject.length() > 1 ? subject.substring(0, 1 + random.nextInt(subject.length() - 1)) : "x";
            case 2 -> flipCase(subject);
            default -> subject(random);
        };
        if (candidate.length() > 128) {
            candidate = candidate.substring(0, 128);
        }
        if (candidate.equals(subject) || candidate.equals(".") || candidate.equals("..")) {
            candidate = subject.length() < 128 ? subject + "-" : "z";
        }
        return candidate;
    }

    private static String flipCase(String text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (Character.isLetter(c)) {
                out.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                return out.toString();
            }
        }
        return text + "A";
    }

    /** The prefix itself, a plain object, a nested one, and one whose rest spells a dot-segment climb. */
    private static List<String> keysUnder(String prefix, Random random) {
        List<String> keys = new ArrayList<>(List.of(prefix, prefix + "x", prefix + "a/b.jpg", prefix + "../"));
        keys.add(prefix + subject(random));
        return keys;
    }

    @Test
    void theRulesUnderTestAreTheShippedOnes() {
        assertEquals(List.of("own-files", "shared-viewer"),
                mapper.rules().stream().map(r -> r.name()).toList());
        assertEquals("users/${sub}/", mapper.rules().get(0).prefix().source());
    }

    private static Claims claims(String subject, boolean viewer) {
        return TestClaims.claims(subject, viewer ? Map.of("groups", List.of("viewer")) : Map.of());
    }
}
