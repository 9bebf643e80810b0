package io.stsvend.demo;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import com.aliyun.oss.model.PutObjectResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * What the demo does on OSS with the vended credentials: upload into the caller's own prefix, list it back, then
 * try the neighbour's prefix, which must be refused. Reports each step on {@code out}; returns whether everything
 * behaved as least privilege says it should.
 */
final class StorageTour {

    private final OSS oss;
    private final PrintStream out;

    StorageTour(OSS oss, PrintStream out) {
        this.oss = oss;
        this.out = out;
    }

    /** Uploads {@code content} as {@code prefix + name} and lists {@code prefix}; true when the object is listed. */
    boolean uploadAndList(String bucket, String prefix, String name, byte[] content) {
        String key = prefix + name;
        PutObjectResult put = oss.putObject(bucket, key, new ByteArrayInputStream(content));
        out.printf("Upload:      PUT %s/%s (%d bytes) -> ETag %s%n", bucket, key, content.length, put.getETag());
        ObjectListing listing = oss.listObjects(new ListObjectsRequest(bucket, prefix, null, null, 100));
        out.printf("List:        %s/%s*%n", bucket, prefix);
        boolean found = false;
        for (OSSObjectSummary summary : listing.getObjectSummaries()) {
            out.printf("               %-40s %8d bytes  %s%n", summary.getKey(), summary.getSize(),
                    summary.getLastModified().toInstant());
            found |= summary.getKey().equals(key);
        }
        return found;
    }

    /** Tries to read and to list the neighbour's prefix; true when both are refused with AccessDenied. */
    boolean neighbourIsDenied(String bucket, String neighbourPrefix, String name) {
        GetObjectRequest get = new GetObjectRequest(bucket, neighbourPrefix + name);
        get.setLogEnabled(false);
        boolean readDenied = denied("GET  " + bucket + "/" + neighbourPrefix + name, () -> {
            try (OSSObject object = oss.getObject(get)) {
                object.getObjectContent().readAllBytes();
            }
        });
        ListObjectsRequest list = new ListObjectsRequest(bucket, neighbourPrefix, null, null, 100);
        list.setLogEnabled(false);
        boolean listDenied = denied("LIST " + bucket + "/" + neighbourPrefix + "*", () -> oss.listObjects(list));
        return readDenied && listDenied;
    }

    private boolean denied(String what, OssCall call) {
        try {
            call.run();
            out.printf("Neighbour:   %s -> ALLOWED (this should not happen)%n", what);
            return false;
        } catch (OSSException e) {
            out.printf("Neighbour:   %s -> %s: %s%n", what, e.getErrorCode(), e.getErrorMessage());
            return "AccessDenied".equals(e.getErrorCode());
        } catch (IOException e) {
            out.printf("Neighbour:   %s -> I/O error %s%n", what, e.getMessage());
            return false;
        }
    }

    private interface OssCall {
        void run() throws IOException;
    }
}
