package io.stsvend.cloudbox.oss;

/**
 * Renders ListObjects v1 ({@code ListBucketResult} with a mandatory {@code Owner} per entry: the Java SDK
 * dereferences it) and v2 (mandatory {@code KeyCount}; {@code Owner} only with {@code fetch-owner=true}). With
 * {@code encoding-type=url}, keys, prefixes, markers and delimiters are URL-encoded, as OSS does.
 */
final class ListingXml {

    private ListingXml() {
    }

    static boolean urlEncoding(OssRequest request) {
        String type = request.param("encoding-type");
        if (type == null) {
            return false;
        }
        if (!type.equals("url")) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "The encoding-type must be url.");
        }
        return true;
    }

    static String encode(String value, boolean url) {
        return value == null || !url ? value : UriEncoding.encode(value, true);
    }

    static String v1(OssBucket bucket, ObjectListing page, String prefix, String marker, String delimiter,
                     int maxKeys, boolean url) {
        XmlBuilder xml = new XmlBuilder().start("ListBucketResult").element("Name", bucket.name())
                .element("Prefix", encode(prefix, url)).element("Marker", encode(marker, url))
                .element("MaxKeys", maxKeys).element("Delimiter", encode(delimiter, url))
                .element("IsTruncated", page.truncated()).element("NextMarker", encode(page.nextMarker(), url))
                .element("EncodingType", url ? "url" : null);
        entries(xml, bucket, page, true, url);
        return xml.end().toString();
    }

    static String v2(OssBucket bucket, ObjectListing page, ListV2Parameters params, boolean fetchOwner,
                     boolean url) {
        XmlBuilder xml = new XmlBuilder().start("ListBucketResult").element("Name", bucket.name())
                .element("Prefix", encode(params.prefix(), url))
                .element("StartAfter", encode(params.startAfter(), url))
                .element("ContinuationToken", params.continuationToken())
                .element("MaxKeys", params.maxKeys()).element("Delimiter", encode(params.delimiter(), url))
                .element("IsTruncated", page.truncated())
                .element("NextContinuationToken", page.truncated() ? ListV2Parameters.token(page.nextMarker()) : null)
                .element("EncodingType", url ? "url" : null).element("KeyCount", page.keyCount());
        entries(xml, bucket, page, fetchOwner, url);
        return xml.end().toString();
    }

    private static void entries(XmlBuilder xml, OssBucket bucket, ObjectListing page, boolean owner, boolean url) {
        for (StoredObject object : page.contents()) {
            xml.start("Contents").element("Key", encode(object.key(), url))
                    .element("LastModified", HttpDates.iso8601(object.lastModified()))
                    .element("ETag", object.quotedEtag())
                    .element("Type", object.multipart() ? "Multipart" : "Normal")
                    .element("Size", object.size()).element("StorageClass", "Standard");
            if (owner) {
                xml.start("Owner").element("ID", bucket.ownerAccountId())
                        .element("DisplayName", bucket.ownerAccountId()).end();
            }
            xml.end();
        }
        for (String prefix : page.commonPrefixes()) {
            xml.start("CommonPrefixes").element("Prefix", encode(prefix, url)).end();
        }
    }
}
