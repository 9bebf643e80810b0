package io.stsvend.cloudbox.oss;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import org.jboss.logging.Logger;

/**
 * How a request's body is taken in: only after the {@link RequestPipeline} has admitted the request on its headers
 * (a PostObject form: on the fields before its file, reading at most {@link MultipartForm#MAX_PREFIX_BYTES} first),
 * bounded by the object size. A refused request's body is never buffered: a small remainder is read and discarded so
 * the client sees the answer on a usable connection; beyond {@link #DRAIN_LIMIT} the answer goes out at once and the
 * connection is closed rather than drained.
 */
final class BodyIntake {

    private static final Logger LOG = Logger.getLogger(BodyIntake.class);
    /** The most of a refused request's body that is read (and discarded) rather than cut off. */
    static final long DRAIN_LIMIT = 1024 * 1024;

    /** Writes an answer (the emulator's common response headers and counting). */
    interface Writer {
        Future<Void> write(HttpServerRequest request, String requestId, OssResponse response);
    }

    private final RequestPipeline pipeline;
    private final long maxObjectSize;
    private final Writer writer;

    BodyIntake(RequestPipeline pipeline, long maxObjectSize, Writer writer) {
        this.pipeline = pipeline;
        this.maxObjectSize = maxObjectSize;
        this.writer = writer;
    }

    /** Admits the request on its headers, then reads its body and runs it, or answers the refusal. */
    void accept(HttpServerRequest request, String requestId) {
        if (declaredLength(request) > maxObjectSize) {
            refuse(request, requestId, new OssException(OssErrorCode.ENTITY_TOO_LARGE));
            return;
        }
        RequestPipeline.Admission admission;
        try {
            admission = pipeline.admit(request);
        } catch (RuntimeException e) {
            refuse(request, requestId, e);
            return;
        }
        new BodyReader(request, requestId, admission).start();
    }

    /**
     * Reads an admitted request's body, bounded by the object size; a form only up to
     * {@link MultipartForm#MAX_PREFIX_BYTES} until the fields before its file have been admitted.
     */
    private final class BodyReader {

        private final HttpServerRequest request;
        private final String requestId;
        private final RequestPipeline.Admission admission;
        private final Buffer body = Buffer.buffer();
        private boolean formAdmitted;
        private boolean refused;

        BodyReader(HttpServerRequest request, String requestId, RequestPipeline.Admission admission) {
            this.request = request;
            this.requestId = requestId;
            this.admission = admission;
            this.formAdmitted = !admission.isForm();
        }

        void start() {
            request.handler(this::chunk);
            request.exceptionHandler(e -> LOG.debugf("request %s failed while reading: %s", requestId, e.toString()));
            request.endHandler(v -> {
                if (!refused) {
                    pipeline.execute(admission, body).onComplete(result -> writer.write(request, requestId,
                            result.succeeded() ? result.result()
                                    : pipeline.failure(request, requestId, result.cause())));
                }
            });
            if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
                request.response().writeContinue();
            }
        }

        private void chunk(Buffer chunk) {
            if (refused) {
                return;
            }
            long limit = formAdmitted ? maxObjectSize : MultipartForm.MAX_PREFIX_BYTES;
            if (body.length() + (long) chunk.length() > limit) {
                refuse(formAdmitted ? new OssException(OssErrorCode.ENTITY_TOO_LARGE)
                        : new OssException(OssErrorCode.FIELD_ITEM_TOO_LONG));
                return;
            }
            body.appendBuffer(chunk);
            if (!formAdmitted) {
                try {
                    MultipartForm.fieldsBeforeFile(request.getHeader("Content-Type"), body.getBytes())
                            .ifPresent(fields -> {
                                pipeline.admitForm(admission, fields);
                                formAdmitted = true;
                            });
                } catch (RuntimeException e) {
                    refuse(e);
                }
            }
        }

        private void refuse(Throwable cause) {
            refused = true;
            BodyIntake.this.refuse(request, requestId, cause);
        }
    }

    /** Answers a request refused before (all of) its body was read; see the class comment. */
    private void refuse(HttpServerRequest request, String requestId, Throwable cause) {
        OssResponse response = pipeline.failure(request, requestId, cause);
        boolean[] answered = {false};
        Runnable answerAndClose = () -> {
            if (!answered[0]) {
                answered[0] = true;
                writer.write(request, requestId, response.header("Connection", "close"))
                        .onComplete(v -> request.connection().close());
            }
        };
        if (request.isEnded()) {
            writer.write(request, requestId, response);
            return;
        }
        if (declaredLength(request) > DRAIN_LIMIT || "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            answerAndClose.run();
            return;
        }
        long[] drained = {0};
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > DRAIN_LIMIT) {
                answerAndClose.run();
            }
        });
        request.endHandler(v -> {
            if (!answered[0]) {
                answered[0] = true;
                writer.write(request, requestId, response);
            }
        });
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
