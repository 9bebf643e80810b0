package io.stsvend.grant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Grant grant(String bucket, String prefix, Access... access) {
        return new Grant(bucket, prefix, EnumSet.copyOf(List.of(access)), Optional.empty());
    }

    @Test
    void rendersTheLeastPrivilegeStatementsOfSpec36() throws Exception {
        SessionPolicy policy = SessionPolicy.of(List.of(
                grant("app-bucket", "users/u123/", Access.READ, Access.WRITE, Access.DELETE, Access.LIST)));
        assertEquals("{\"Version\":\"1\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"oss:AbortMultipartUpload\",\"oss:DeleteObject\",\"oss:GetObject\","
                + "\"oss:ListParts\",\"oss:PutObject\"],\"Resource\":[\"acs:oss:*:*:app-bucket/users/u123/*\"]},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"oss:ListObjects\"],\"Resource\":[\"acs:oss:*:*:app-bucket\"],"
                + "\"Condition\":{\"StringLike\":{\"oss:Prefix\":[\"users/u123/*\"]}}}]}", policy.json());
        JsonNode parsed = JSON.readTree(policy.json());
        assertEquals("1", parsed.get("Version").asText());
    }

    @Test
    void readOnlyGrantHasOnlyGetObject() {
        SessionPolicy policy = SessionPolicy.of(List.of(grant("app-bucket", "shared/", Access.READ)));
        assertEquals("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],"
                + "\"Resource\":[\"acs:oss:*:*:app-bucket/shared/*\"]}]}", policy.json());
    }

    @Test
    void objectPatternNarrowsTheResource() {
        Grant jpgOnly = new Grant("sample-bucket", "2015/01/01/", Set.of(Access.READ), Optional.of("*.jpg"));
        assertEquals("acs:oss:*:*:sample-bucket/2015/01/01/*.jpg", jpgOnly.objectResource());
        SessionPolicy policy = SessionPolicy.of(List.of(jpgOnly));
        assertEquals(true, policy.json().contains("\"acs:oss:*:*:sample-bucket/2015/01/01/*.jpg\""));
    }

    @Test
    void canonicalWhateverTheOrderOfGrants() {
        Grant a = grant("app-bucket", "users/alice/", Access.READ, Access.LIST);
        Grant b = grant("app-bucket", "shared/", Access.READ, Access.LIST);
        SessionPolicy ab = SessionPolicy.of(List.of(a, b));
        SessionPolicy ba = SessionPolicy.of(List.of(b, a));
        assertEquals(ab.json(), ba.json());
        assertEquals(ab.fingerprint(), ba.fingerprint());
    }

    @Test
    void differentGrantsDifferentFingerprints() {
        SessionPolicy read = SessionPolicy.of(List.of(grant("app-bucket", "users/alice/", Access.READ)));
        SessionPolicy write = SessionPolicy.of(List.of(grant("app-bucket", "users/alice/", Access.READ, Access.WRITE)));
        assertNotEquals(read.fingerprint(), write.fingerprint());
    }

    @Test
    void noGrantsFailsClosed() {
        CodedException e = assertThrows(CodedException.class, () -> SessionPolicy.of(List.of()));
        assertEquals(ErrorCode.NO_GRANTS, e.errorCode());
    }

    @Test
    void exactly2048CharactersIsAcceptedAnd2049IsNot() {
        List<Grant> at2048 = grantsRenderingTo(SessionPolicy.MAX_LENGTH);
        assertEquals(2048, SessionPolicy.of(at2048).json().length());
        List<Grant> at2049 = grantsRenderingTo(SessionPolicy.MAX_LENGTH + 1);
        CodedException e = assertThrows(CodedException.class, () -> SessionPolicy.of(at2049));
        assertEquals(ErrorCode.POLICY_TOO_LARGE, e.errorCode());
    }

    /** Read grants whose last prefix is padded so that the policy renders to exactly {@code length} characters. */
    private static List<Grant> grantsRenderingTo(int length) {
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; SessionPolicy.renderedLength(grants) < length - 200; i++) {
            grants.add(grant("app-bucket", "p" + String.format("%03d", i) + "/" + "x".repeat(40) + "/", Access.READ));
        }
        grants.add(grant("app-bucket", "last/", Access.READ));
        int missing = length - SessionPolicy.renderedLength(grants);
        grants.set(grants.size() - 1, grant("app-bucket", "last" + "y".repeat(missing) + "/", Access.READ));
        assertEquals(length, SessionPolicy.renderedLength(grants));
        return grants;
    }
}
