package io.stsvend.cloudbox.sts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed {@code Authorization} header of a V3 request:
 * {@code ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<a;b;c>,Signature=<hex>}.
 *
 * @param algorithm     the signature algorithm named first in the header
 * @param accessKeyId   the caller's AccessKeyId ({@code Credential})
 * @param signedHeaders the lower-case names of the signed headers, in the order the client listed them
 * @param signature     the presented signature (hex)
 */
record AcsV3Authorization(String algorithm, String accessKeyId, List<String> signedHeaders, String signature) {

    private static final Pattern SHAPE = Pattern.compile(
            "(ACS3-[A-Z0-9-]+) +Credential=([^,\\s]+), *SignedHeaders=([^,\\s]+), *Signature=([0-9A-Fa-f]+)");

    /** True when the header value announces a V3 signature (it may still be malformed). */
    static boolean isV3(String authorization) {
        return authorization != null && authorization.startsWith("ACS3-");
    }

    /** Parses the header; a shape other than the documented one is an {@code IncompleteSignature}. */
    static AcsV3Authorization parse(String authorization) {
        Matcher m = SHAPE.matcher(authorization.trim());
        if (!m.matches()) {
            throw StsError.INCOMPLETE_SIGNATURE.reject("");
        }
        List<String> headers = Arrays.stream(m.group(3).split(";"))
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        return new AcsV3Authorization(m.group(1), m.group(2), headers, m.group(4).toLowerCase(Locale.ROOT));
    }
}
