package io.stsvend.cloudbox.oss;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A PostObject {@code multipart/form-data} body (spec §5.1): the text fields, in order, under lower-cased names (form
 * field names are case-insensitive, values are not; a repeated name keeps its first value), and the one file, which
 * must be the last part and is the part named {@code file}. Limits: all field names together at most 8 KB, each value
 * at most 2 MB ({@code FieldItemTooLong}); no or a second file is {@code IncorrectNumberOfFilesInPOSTRequest}; any
 * other malformation is {@code InvalidArgument}. The body itself is already bounded by the emulator's object size.
 */
final class MultipartForm {

    static final int MAX_FIELD_NAMES_BYTES = 8 * 1024;
    static final int MAX_FIELD_VALUE_BYTES = 2 * 1024 * 1024;
    /**
     * The most of a form the emulator buffers before it has authenticated it: every field before the file (names and
     * values within their limits) plus part headers. Anything longer is refused as {@code FieldItemTooLong}.
     */
    static final int MAX_PREFIX_BYTES = MAX_FIELD_NAMES_BYTES + MAX_FIELD_VALUE_BYTES + 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private final Map<String, String> fields;
    private final byte[] file;
    private final String fileContentType;

    /** The fields alone, for checks that run before the file has arrived. */
    static MultipartForm fieldsOnly(Map<String, String> fields) {
        return new MultipartForm(new LinkedHashMap<>(fields), new byte[0], null);
    }

    private MultipartForm(Map<String, String> fields, byte[] file, String fileContentType) {
        this.fields = Collections.unmodifiableMap(fields);
        this.file = file;
        this.fileContentType = fileContentType;
    }

    /** @param contentType the request's {@code Content-Type}, which carries the boundary */
    static MultipartForm parse(String contentType, byte[] body) {
        byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw malformed();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        byte[] file = null;
        String fileType = null;
        int nameBytes = 0;
        while (true) {
            pos += delimiter.length;
            if (startsWith(body, pos, new byte[] {'-', '-'})) {
                break;
            }
            if (!startsWith(body, pos, CRLF)) {
                throw malformed();
            }
            int headersEnd = indexOf(body, HEADER_END, pos + 2);
            int next = headersEnd < 0 ? -1 : indexOf(body, concat(CRLF, delimiter), headersEnd + 4);
            if (next < 0) {
                throw malformed();
            }
            PartHeaders part = PartHeaders.parse(new String(body, pos + 2, headersEnd - pos - 2,
                    StandardCharsets.UTF_8));
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
            pos = next + 2;
            if (file != null) {
                // Also covers a second file: nothing may follow the file part.
                throw part.name().equals("file") ? new OssException(OssErrorCode.INCORRECT_NUMBER_OF_FILES)
                        : new OssException(OssErrorCode.INVALID_ARGUMENT, "The file must be the last form field.");
            }
            nameBytes += part.name().getBytes(StandardCharsets.UTF_8).length;
            if (nameBytes > MAX_FIELD_NAMES_BYTES) {
                throw new OssException(OssErrorCode.FIELD_ITEM_TOO_LONG);
            }
            if (part.name().equals("file")) {
                file = content;
                fileType = part.contentType();
            } else if (content.length > MAX_FIELD_VALUE_BYTES) {
                throw new OssException(OssErrorCode.FIELD_ITEM_TOO_LONG);
            } else {
                fields.putIfAbsent(part.name(), new String(content, StandardCharsets.UTF_8));
            }
        }
        if (file == null) {
            throw new OssException(OssErrorCode.INCORRECT_NUMBER_OF_FILES);
        }
        return new MultipartForm(fields, file, fileType);
    }

    /**
     * The text fields that precede the file part, once {@code prefix} (the start of a body) holds them and the file
     * part's headers; empty while more of the body is needed. Malformations are left to {@link #parse}, except a
     * form that cannot be parsed at all.
     */
    static Optional<Map<String, String>> fieldsBeforeFile(String contentType, byte[] prefix) {
        byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(prefix, delimiter, 0);
        Map<String, String> fields = new LinkedHashMap<>();
        while (pos >= 0) {
            pos += delimiter.length;
            int headersEnd = indexOf(prefix, HEADER_END, pos + 2);
            if (headersEnd < 0 || !startsWith(prefix, pos, CRLF)) {
                return Optional.empty();
            }
            PartHeaders part = PartHeaders.parse(new String(prefix, pos + 2, headersEnd - pos - 2,
                    StandardCharsets.UTF_8));
            if (part.name().equals("file")) {
                return Optional.of(Collections.unmodifiableMap(fields));
            }
            int next = indexOf(prefix, concat(CRLF, delimiter), headersEnd + 4);
            if (next < 0) {
                return Optional.empty();
            }
            fields.putIfAbsent(part.name(), new String(prefix, headersEnd + 4, next - headersEnd - 4,
                    StandardCharsets.UTF_8));
            pos = next + 2;
        }
        return Optional.empty();
    }

    /** The value of a text field, name case-insensitive; {@code null} when absent. */
    String field(String name) {
        return fields.get(name.toLowerCase(Locale.ROOT));
    }

    /** All text fields by lower-cased name, in form order. */
    Map<String, String> fields() {
        return fields;
    }

    byte[] file() {
        return file;
    }

    /** The Content-Type of the file part; {@code null} when the part has none. */
    String fileContentType() {
        return fileContentType;
    }

    private static String boundary(String contentType) {
        if (contentType != null) {
            for (String param : contentType.split(";")) {
                String trimmed = param.trim();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                    String value = trimmed.substring("boundary=".length()).trim();
                    value = value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1) : value;
                    if (!value.isEmpty() && value.length() <= 70) {
                        return value;
                    }
                }
            }
        }
        throw new OssException(OssErrorCode.INVALID_ARGUMENT, "The multipart/form-data boundary is missing.");
    }

    private static OssException malformed() {
        return new OssException(OssErrorCode.INVALID_ARGUMENT, "The multipart/form-data body is malformed.");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        return at >= 0 && at + prefix.length <= data.length
                && Arrays.equals(data, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = Math.max(from, 0); i + pattern.length <= data.length; i++) {
            if (data[i] == pattern[0] && startsWith(data, i, pattern)) {
                return i;
            }
        }
        return -1;
    }
}
