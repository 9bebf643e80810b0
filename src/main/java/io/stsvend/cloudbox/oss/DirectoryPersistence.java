package io.stsvend.cloudbox.oss;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Persists objects under {@code <dir>/<bucket>/<sha256(key)>.data} with a {@code .meta} JSON beside it (keys can be
 * 1023 bytes and contain any character, so they are never used as file names). Uses Vert.x's asynchronous file
 * system only: the event loop never blocks. The metadata file is written last, so a half-written object is ignored
 * on load.
 */
final class DirectoryPersistence {

    private final FileSystem fs;
    private final Path root;

    DirectoryPersistence(Vertx vertx, Path root) {
        this.fs = vertx.fileSystem();
        this.root = root;
    }

    Future<Void> save(String bucket, StoredObject object) {
        String base = base(bucket, object.key());
        JsonObject meta = new JsonObject().put("key", object.key()).put("etag", object.etag())
                .put("crc64", Long.toUnsignedString(object.crc64())).put("contentType", object.contentType())
                .put("lastModified", object.lastModified().toString()).put("multipart", object.multipart())
                .put("userMetadata", new JsonObject(new HashMap<>(object.userMetadata())));
        return fs.mkdirs(root.resolve(bucket).toString())
                .compose(v -> fs.writeFile(base + ".data", Buffer.buffer(object.content())))
                .compose(v -> fs.writeFile(base + ".meta", meta.toBuffer()));
    }

    Future<Void> delete(String bucket, String key) {
        String base = base(bucket, key);
        return fs.delete(base + ".meta").recover(e -> Future.succeededFuture())
                .compose(v -> fs.delete(base + ".data").recover(e -> Future.succeededFuture()));
    }

    Future<Map<String, List<StoredObject>>> loadAll(Set<String> bucketNames) {
        Map<String, List<StoredObject>> loaded = new HashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (String bucket : bucketNames) {
            List<StoredObject> objects = new ArrayList<>();
            loaded.put(bucket, objects);
            chain = chain.compose(v -> loadBucket(bucket, objects));
        }
        return chain.map(v -> loaded);
    }

    private Future<Void> loadBucket(String bucket, List<StoredObject> into) {
        String dir = root.resolve(bucket).toString();
        return fs.exists(dir).compose(exists -> !exists ? Future.succeededFuture()
                : fs.readDir(dir, ".*\\.meta").compose(files -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (String metaFile : files) {
                        chain = chain.compose(v -> loadOne(metaFile).map(o -> {
                            into.add(o);
                            return null;
                        }));
                    }
                    return chain;
                }));
    }

    private Future<StoredObject> loadOne(String metaFile) {
        String dataFile = metaFile.substring(0, metaFile.length() - ".meta".length()) + ".data";
        return fs.readFile(metaFile).compose(metaBuffer -> fs.readFile(dataFile).map(data -> {
            JsonObject meta = metaBuffer.toJsonObject();
            Map<String, String> userMetadata = new HashMap<>();
            meta.getJsonObject("userMetadata", new JsonObject()).forEach(e -> userMetadata.put(e.getKey(),
                    String.valueOf(e.getValue())));
            return new StoredObject(meta.getString("key"), data.getBytes(), meta.getString("etag"),
                    Long.parseUnsignedLong(meta.getString("crc64")), meta.getString("contentType"), userMetadata,
                    Instant.parse(meta.getString("lastModified")), meta.getBoolean("multipart", false));
        }));
    }

    private String base(String bucket, String key) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        return root.resolve(bucket).resolve(HexFormat.of().formatHex(digest)).toString();
    }
}
