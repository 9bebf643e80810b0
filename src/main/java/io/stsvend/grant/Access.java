package io.stsvend.grant;

import java.util.List;
import java.util.Locale;

/**
 * An access level a grant rule hands out, and the OSS RAM actions it stands for (spec §3.3).
 *
 * <ul>
 *   <li>{@code read}: GetObject, which also covers HeadObject and GetObjectMeta;</li>
 *   <li>{@code write}: PutObject (simple, append, multipart initiate/upload/complete, PostObject) plus ListParts and
 *       AbortMultipartUpload, which resumable uploads need;</li>
 *   <li>{@code delete}: DeleteObject;</li>
 *   <li>{@code list}: ListObjects on the bucket, confined by an {@code oss:Prefix} condition to the grant's prefix.</li>
 * </ul>
 */
public enum Access {
    READ(List.of("oss:GetObject")),
    WRITE(List.of("oss:PutObject", "oss:ListParts", "oss:AbortMultipartUpload")),
    DELETE(List.of("oss:DeleteObject")),
    LIST(List.of("oss:ListObjects"));

    private final List<String> actions;

    Access(List<String> actions) {
        this.actions = actions;
    }

    /** The RAM actions this level grants, in canonical order. */
    public List<String> actions() {
        return actions;
    }

    /** True for levels that act on objects (resource {@code bucket/prefix*}); {@link #LIST} acts on the bucket. */
    public boolean onObjects() {
        return this != LIST;
    }

    /** The lower-case name used in configuration and in API responses. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
