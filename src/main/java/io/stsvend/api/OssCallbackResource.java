package io.stsvend.api;

import io.smallrye.mutiny.Uni;
import io.stsvend.upload.CallbackVerifier;
import io.vertx.core.http.HttpServerRequest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Map;

/**
 * {@code POST /oss/callback}: the upload callback OSS sends after a PostObject, PutObject or multipart upload with a
 * {@code callbackUrl} pointing here. Called by OSS, not by a user, so it carries no JWT: the RSA signature is its
 * authentication. Answers {@code {"status":"OK"}}, which OSS relays to the uploader; anything unsigned, forged or
 * replayed is a 403 problem.
 */
@Path("/oss/callback")
public class OssCallbackResource {

    @Inject
    CallbackVerifier verifier;

    @Context
    HttpServerRequest request;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receives a signed OSS upload callback",
            description = "Verifies the MD5withRSA signature with the public key at the allow-listed"
                    + " x-oss-pub-key-url, refuses replays, and records the upload in the audit log.")
    @APIResponse(responseCode = "200", description = "Accepted; relayed by OSS to the uploader.")
    @APIResponse(responseCode = "403", description = "Unsigned, forged, unknown key URL or replayed (forbidden).")
    public Uni<Map<String, String>> receive(@HeaderParam("authorization") String authorization,
                                            @HeaderParam("x-oss-pub-key-url") String publicKeyUrl,
                                            @HeaderParam("Content-Type") String contentType, byte[] body) {
        return verifier.verify(authorization, publicKeyUrl, request.path(), request.query(), contentType,
                        body == null ? new byte[0] : body)
                .map(upload -> Map.of("status", "OK"));
    }
}
