package io.stsvend.cloudbox.oss;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bucket served by the emulator and the numeric account id of its owner, which goes into the bucket's RAM
 * resource ARN ({@code acs:oss:*:<owner>:<bucket>}) and the {@code Owner} element of listings.
 */
public record OssBucket(String name, String ownerAccountId) {

    // OSS bucket naming rules: 3-63 characters, lower-case letters, digits and hyphens, no hyphen at either end.
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{1,32}");

    public OssBucket {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerAccountId, "ownerAccountId");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid OSS bucket name: " + name);
        }
        if (!ACCOUNT.matcher(ownerAccountId).matches()) {
            throw new IllegalArgumentException("owner account id must be numeric: " + ownerAccountId);
        }
    }

    /** The ARN of the bucket itself (bucket-level actions such as ListObjects). */
    String arn() {
        return "acs:oss:*:" + ownerAccountId + ":" + name;
    }

    /** The ARN of one object, built from the raw (decoded, unnormalised) key. */
    String objectArn(String rawKey) {
        return arn() + "/" + rawKey;
    }
}
