package io.stsvend.cloudbox.oss;

import io.vertx.core.Future;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The objects of every bucket, sorted by key, in memory; optionally mirrored to a {@link DirectoryPersistence}.
 * Writes complete (the returned future succeeds) only once persisted, so a 200 means the object survives a restart.
 * Thread-safe; the in-memory view changes atomically per key.
 */
final class ObjectStore {

    private final Map<String, ConcurrentSkipListMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    private final Optional<DirectoryPersistence> persistence;

    ObjectStore(Iterable<OssBucket> bucketList, Optional<DirectoryPersistence> persistence) {
        bucketList.forEach(b -> buckets.put(b.name(), new ConcurrentSkipListMap<>()));
        this.persistence = persistence;
    }

    /** Loads persisted objects (if persistence is configured) into memory. */
    Future<Void> load() {
        if (persistence.isEmpty()) {
            return Future.succeededFuture();
        }
        return persistence.get().loadAll(buckets.keySet()).map(loaded -> {
            loaded.forEach((bucket, objects) -> objects.forEach(o -> objects(bucket).put(o.key(), o)));
            return null;
        });
    }

    Optional<StoredObject> get(String bucket, String key) {
        return Optional.ofNullable(objects(bucket).get(key));
    }

    Future<Void> put(String bucket, StoredObject object) {
        Future<Void> saved = persistence.map(p -> p.save(bucket, object)).orElse(Future.succeededFuture());
        return saved.map(v -> {
            objects(bucket).put(object.key(), object);
            return null;
        });
    }

    /** Deletes the object if present; deleting a missing key succeeds (as in OSS). */
    Future<Void> delete(String bucket, String key) {
        objects(bucket).remove(key);
        return persistence.map(p -> p.delete(bucket, key)).orElse(Future.succeededFuture());
    }

    /** Read-only view of the bucket's objects sorted by key. */
    NavigableMap<String, StoredObject> sorted(String bucket) {
        return java.util.Collections.unmodifiableNavigableMap(objects(bucket));
    }

    int count(String bucket) {
        return objects(bucket).size();
    }

    private ConcurrentSkipListMap<String, StoredObject> objects(String bucket) {
        ConcurrentSkipListMap<String, StoredObject> objects = buckets.get(bucket);
        if (objects == null) {
            throw new OssException(OssErrorCode.NO_SUCH_BUCKET);
        }
        return objects;
    }
}
