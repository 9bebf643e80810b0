package io.stsvend.grant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ObjectScopeTest {

    static final List<Grant> GRANTS = List.of(
            new Grant("b", "users/al/", EnumSet.of(Access.READ, Access.WRITE), Optional.empty()),
            new Grant("b", "photos/", EnumSet.of(Access.READ), Optional.of("*.jpg")));

    @ParameterizedTest(name = "{0}/{1} {2} -> {3}")
    @CsvSource({
            "b, users/al/x.txt, READ, true",
            "b, users/al/x.txt, WRITE, true",
            "b, users/al/x.txt, DELETE, false",
            "c, users/al/x.txt, READ, false",
            "b, users/alx/x.txt, READ, false",
            "b, users/al, READ, false",
            "b, photos/a/b.jpg, READ, true",
            "b, photos/a.png, READ, false",
            "b, photos/a.jpg, WRITE, false"})
    void allowsByBucketPrefixPatternAndLevel(String bucket, String key, Access access, boolean allowed) {
        assertEquals(allowed, ObjectScope.allows(GRANTS, bucket, key, access));
    }
}
