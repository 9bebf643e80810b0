package io.stsvend.cloudbox.oss;

import java.util.Locale;

/**
 * The headers of one {@code multipart/form-data} part: the form field name from {@code Content-Disposition:
 * form-data; name="..."} (lower-cased, since PostObject field names are case-insensitive) and the part's
 * {@code Content-Type}, if any.
 */
record PartHeaders(String name, String contentType) {

    /** @throws OssException InvalidArgument when the part is not a named form-data part */
    static PartHeaders parse(String block) {
        String name = null;
        String contentType = null;
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                name = parameter(value, "name");
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        if (name == null || name.isEmpty()) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "A form part has no field name.");
        }
        return new PartHeaders(name.toLowerCase(Locale.ROOT), contentType);
    }

    /** A {@code ; key="value"} or {@code ; key=value} parameter; {@code filename} is not mistaken for {@code name}. */
    private static String parameter(String disposition, String key) {
        for (String part : disposition.split(";")) {
            String trimmed = part.trim();
            int eq = trimmed.indexOf('=');
            if (eq > 0 && trimmed.substring(0, eq).trim().equalsIgnoreCase(key)) {
                String value = trimmed.substring(eq + 1).trim();
                return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }
}
