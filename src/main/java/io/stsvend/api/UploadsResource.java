package io.stsvend.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stsvend.identity.Caller;
import io.stsvend.upload.FormRequest;
import io.stsvend.upload.FormSigner;
import io.stsvend.upload.PresignRequest;
import io.stsvend.upload.PresignedUrl;
import io.stsvend.upload.UploadForm;
import io.stsvend.upload.UrlPresigner;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /uploads/*}: direct-to-OSS access for clients that cannot hold STS credentials, confined to the caller's
 * grants. Errors are catalogue problems (bad-request, forbidden, and the issuance errors of {@code /credentials}).
 * Both operations take and answer JSON, need the bearer token and share their problem responses, declared once here.
 */
@Path("/uploads")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiDefinition.BEARER)
@APIResponse(responseCode = "400", description = "Malformed request (bad-request).")
@APIResponse(responseCode = "403", description = "Outside the caller's grants (forbidden, no-grants), or the"
        + " caller is blocked by an admin (subject-blocked).")
public class UploadsResource {

    @Inject
    JsonWebToken token;

    @Inject
    UrlPresigner presigner;

    @Inject
    FormSigner forms;

    @POST
    @Path("/presign")
    @Operation(summary = "A presigned URL for one object",
            description = "GET needs read and PUT needs write on the object by the caller's grants (403 forbidden"
                    + " otherwise). Signed with the caller's cached STS credentials; the lifetime is capped by"
                    + " stsvend.uploads.max-lifetime and the credentials' expiry.")
    @APIResponse(responseCode = "200", description = "The URL, its method, expiry and the headers to send.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PresignedUrl.class)))
    public Uni<RestResponse<PresignedUrl>> presign(PresignRequest request) {
        return notStored(presigner.presign(Caller.from(token), request));
    }

    @POST
    @Path("/form")
    @Operation(summary = "A signed PostObject form for a browser upload",
            description = "Needs write on the key, or on every key under keyPrefix, by the caller's grants (403"
                    + " forbidden otherwise). Post the fields in order, then the file as the last field 'file', to"
                    + " the url. Signed (V4) with the caller's cached STS credentials; the size is capped by"
                    + " stsvend.uploads.max-form-bytes and the lifetime by stsvend.uploads.max-lifetime.")
    @APIResponse(responseCode = "200", description = "The upload URL, the form fields and their expiry.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadForm.class)))
    public Uni<RestResponse<UploadForm>> form(FormRequest request) {
        return notStored(forms.sign(Caller.from(token), request));
    }

    /** A signed URL or form is a bearer secret for its lifetime: no cache may keep it. */
    private static <T> Uni<RestResponse<T>> notStored(Uni<T> body) {
        return body.map(b -> RestResponse.ResponseBuilder.ok(b, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }
}
