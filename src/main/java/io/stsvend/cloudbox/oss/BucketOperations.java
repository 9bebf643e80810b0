package io.stsvend.cloudbox.oss;

import io.vertx.core.Future;

import java.time.Instant;

/** ListObjects (v1), ListObjectsV2 and GetBucketInfo. */
final class BucketOperations {

    private final ObjectStore store;
    private final String region;
    private final Instant created;

    BucketOperations(ObjectStore store, String region, Instant created) {
        this.store = store;
        this.region = region;
        this.created = created;
    }

    Future<OssResponse> listV1(OssRequest request) {
        boolean url = ListingXml.urlEncoding(request);
        String prefix = request.param("prefix");
        String marker = request.param("marker");
        String delimiter = request.param("delimiter");
        int maxKeys = ObjectListing.maxKeys(request.param("max-keys"));
        ObjectListing page = ObjectListing.list(store.sorted(request.bucket().name()), orEmpty(prefix),
                orEmpty(marker), orEmpty(delimiter), maxKeys);
        return Future.succeededFuture(OssResponse.xml(200,
                ListingXml.v1(request.bucket(), page, orEmpty(prefix), orEmpty(marker), delimiter, maxKeys, url)));
    }

    Future<OssResponse> listV2(OssRequest request) {
        boolean url = ListingXml.urlEncoding(request);
        ListV2Parameters params = ListV2Parameters.of(request);
        ObjectListing page = ObjectListing.list(store.sorted(request.bucket().name()), orEmpty(params.prefix()),
                params.marker(), orEmpty(params.delimiter()), params.maxKeys());
        boolean fetchOwner = "true".equals(request.param("fetch-owner"));
        return Future.succeededFuture(OssResponse.xml(200,
                ListingXml.v2(request.bucket(), page, params, fetchOwner, url)));
    }

    Future<OssResponse> info(OssRequest request) {
        OssBucket bucket = request.bucket();
        String endpoint = "oss-" + region + ".aliyuncs.com";
        String xml = new XmlBuilder().start("BucketInfo").start("Bucket")
                .element("AccessMonitor", "Disabled").element("CreationDate", HttpDates.iso8601(created))
                .element("ExtranetEndpoint", endpoint).element("IntranetEndpoint", "oss-" + region + "-internal.aliyuncs.com")
                .element("Location", "oss-" + region).element("StorageClass", "Standard")
                .element("DataRedundancyType", "LRS").element("Name", bucket.name())
                .start("Owner").element("DisplayName", bucket.ownerAccountId()).element("ID", bucket.ownerAccountId())
                .end().start("AccessControlList").element("Grant", "private").end()
                .element("Comment", "emulated").end().end().toString();
        return Future.succeededFuture(OssResponse.xml(200, xml));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
