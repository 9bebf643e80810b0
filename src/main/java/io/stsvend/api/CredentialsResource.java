package io.stsvend.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.grant.GrantNarrowing;
import io.stsvend.identity.Caller;
import io.stsvend.issuance.CredentialIssuer;
import io.stsvend.issuance.OssConfig;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.Set;

/** {@code GET /credentials}: temporary OSS credentials scoped to what the caller's grant rules allow. */
@Path("/credentials")
@Authenticated
public class CredentialsResource {

    private static final Set<String> PARAMETERS = Set.of("access", "prefix", "format");

    @Inject
    JsonWebToken token;

    @Inject
    CredentialIssuer issuer;

    @Inject
    OssConfig oss;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDefinition.BEARER)
    @Operation(summary = "Temporary OSS credentials for the caller",
            description = "Returns STS credentials whose session policy allows exactly the caller's grants. Cached per"
                    + " caller and policy; never cache the response (Cache-Control: no-store). Optional query parameters:"
                    + " access (comma list of read, write, delete, list) and prefix (a sub-prefix of a grant, ending"
                    + " with '/') ask for less than the caller's grants (never more: 403 forbidden); format=aliyun"
                    + " or format=credentials-uri answer in the shapes existing Alibaba SDK providers read, with"
                    + " errors as {StatusCode, ErrorCode, ErrorMessage} instead of problem+json.")
    @APIResponse(responseCode = "200", description = "Credentials, where to use them and what they allow.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CredentialsResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown, repeated or malformed query parameters (bad-request).")
    @APIResponse(responseCode = "401", description = "No valid bearer token (unauthenticated).",
            headers = @Header(name = "WWW-Authenticate", description = "Bearer challenge"))
    @APIResponse(responseCode = "403", description = "A claim is unusable (invalid-claim) or no rule grants anything"
            + " (no-grants), or access/prefix ask for more than the grants (forbidden), or an admin blocked the"
            + " caller (subject-blocked).")
    @APIResponse(responseCode = "429", description = "Too many new credentials for this caller (rate-limited).",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"))
    @APIResponse(responseCode = "431", description = "Headers or bearer token too large (headers-too-large).")
    @APIResponse(responseCode = "500", description = "Misconfiguration or internal error (sts-misconfigured,"
            + " policy-too-large, internal).")
    @APIResponse(responseCode = "502", description = "STS answered unexpectedly (sts-error).")
    @APIResponse(responseCode = "503", description = "STS is down, slow or throttling (sts-unavailable,"
            + " sts-throttled); callers with a cached token keep getting it.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"))
    public Uni<Response> credentials(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        checkParameters(query);
        CredentialsFormat format = CredentialsFormat.parse(query.getFirst("format"));
        GrantNarrowing narrowing;
        try {
            narrowing = GrantNarrowing.parse(query.getFirst("access"), query.getFirst("prefix"));
        } catch (CodedException e) {
            return Uni.createFrom().item(() -> format.failure(e));
        }
        // Native errors go to ProblemMapper as problem+json; the compatibility formats answer in their own shape.
        return issuer.issue(Caller.from(token), narrowing)
                // No media type here: @Produces fixes it, and passing one makes RESTEasy rebuild it per response
                // (2-3% of a cached request's CPU, bench/results).
                .map(issued -> Response.ok(format.body(issued, oss.region(), oss.endpoint()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .header("Pragma", "no-cache")
                        .build())
                .onFailure(failure -> format != CredentialsFormat.NATIVE).recoverWithItem(format::failure);
    }

    /** Exactly {@link #PARAMETERS}, each at most once: anything else is a client bug worth reporting. */
    private static void checkParameters(MultivaluedMap<String, String> query) {
        for (var entry : query.entrySet()) {
            if (!PARAMETERS.contains(entry.getKey()) || entry.getValue().size() != 1) {
                throw new CodedException(ErrorCode.BAD_REQUEST,
                        "GET /credentials accepts only access, prefix and format, each at most once.");
            }
        }
    }
}
