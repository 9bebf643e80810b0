package io.stsvend.e2e;

import io.restassured.path.json.JsonPath;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The multipart/form-data body a browser sends for a {@code FormData} built as upload.html builds it: the fields
 * returned by {@code POST /uploads/form} in their order (with changes a test asks for), then {@code file} last.
 */
final class BrowserForm {

    static final String FILE_NAME = "photo.txt";
    private static final String BOUNDARY = "----WebKitFormBoundarystsvend7MA4YWxk";

    final String url;
    final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] file = "hello from a browser".getBytes(StandardCharsets.UTF_8);

    private BrowserForm(String url, Map<String, String> fields) {
        this.url = url;
        this.fields.putAll(fields);
    }

    /** From the JSON answer of {@code POST /uploads/form}; the field order is the JSON order. */
    static BrowserForm from(JsonPath form) {
        return new BrowserForm(form.getString("url"), form.getMap("fields", String.class, String.class));
    }

    BrowserForm field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    /** A request header the browser adds, e.g. {@code Origin}. */
    BrowserForm header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    BrowserForm file(byte[] content) {
        this.file = content;
        return this;
    }

    HttpResponse<String> post(HttpClient http) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + FILE_NAME
                + "\"\r\nContent-Type: text/plain\r\n\r\n");
        out.writeBytes(file);
        write(out, "\r\n--" + BOUNDARY + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
