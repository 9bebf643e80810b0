package io.stsvend.cloudbox.sts;

import io.vertx.core.json.JsonObject;

/**
 * A finished STS response: HTTP status and JSON body. Error bodies have the flat shape of spec §1.5
 * ({@code RequestId, HostId, Code, Message, Recommend}), which the Java SDK reads as {@code Error.*}.
 */
record StsReply(int status, JsonObject body) {

    static final String CONTENT_TYPE = "application/json;charset=utf-8";
    private static final String HOST_ID = "sts.aliyuncs.com";

    static StsReply ok(JsonObject body) {
        return new StsReply(200, body);
    }

    static StsReply error(StsRejection rejection, String requestId) {
        JsonObject body = new JsonObject()
                .put("RequestId", requestId)
                .put("HostId", HOST_ID)
                .put("Code", rejection.code())
                .put("Message", rejection.getMessage())
                .put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + rejection.code() + "&product=Sts");
        return new StsReply(rejection.status(), body);
    }
}
