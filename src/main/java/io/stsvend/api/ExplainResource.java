package io.stsvend.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.explain.ClaimSet;
import io.stsvend.explain.Explainer;
import io.stsvend.explain.Explanation;
import io.stsvend.explain.Question;
import io.stsvend.identity.Caller;
import io.stsvend.issuance.Revocations;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.Optional;
import java.util.Set;

/** {@code GET /credentials/explain}: why the caller's own token gets what {@code GET /credentials} gives it. */
@Path("/credentials/explain")
@Authenticated
public class ExplainResource {

    static final Set<String> PARAMETERS = Set.of("action", "resource", "prefix");

    @Inject
    JsonWebToken token;

    @Inject
    Explainer explainer;

    @Inject
    Revocations revocations;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDefinition.BEARER)
    @Operation(summary = "Explain the caller's grants and a RAM decision",
            description = "For the caller's own token: each grant rule's verdict (matched, not-matched or"
                    + " invalid-claim, and why), the grants, whether GET /credentials would issue, the exact session"
                    + " policy it sends to AssumeRole, and, with action and resource, the decision RAM reaches"
                    + " (allowed, implicitly-denied, explicitly-denied by which statement of the session or role"
                    + " policy), evaluated as the OSS emulator does. While an admin blocks the caller, blockedUntil"
                    + " says until when and credentials.outcome is subject-blocked. Issues nothing and never"
                    + " contains credentials.")
    @Parameter(name = "action", description = "A concrete RAM action, e.g. oss:GetObject; needs resource.")
    @Parameter(name = "resource", description = "An ARN, e.g. acs:oss:*:*:app-bucket/users/alice/x.txt (the"
            + " bucket ARN for oss:ListObjects); needs action.")
    @Parameter(name = "prefix", description = "For oss:ListObjects only: the listing prefix (absent = bucket root).")
    @APIResponse(responseCode = "200", description = "The explanation.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Explanation.class)))
    @APIResponse(responseCode = "400", description = "Unknown, repeated or malformed parameters (bad-request).")
    @APIResponse(responseCode = "401", description = "No valid bearer token (unauthenticated).",
            headers = @Header(name = "WWW-Authenticate", description = "Bearer challenge"))
    @APIResponse(responseCode = "403", description = "An admin token (forbidden) or no usable sub (invalid-claim).")
    public Uni<Response> explain(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (var entry : query.entrySet()) {
            if (!PARAMETERS.contains(entry.getKey()) || entry.getValue().size() != 1) {
                throw new CodedException(ErrorCode.BAD_REQUEST,
                        "GET /credentials/explain accepts only action, resource and prefix, each at most once.");
            }
        }
        Optional<Question> question = Question.parse(query.getFirst("action"), query.getFirst("resource"),
                query.getFirst("prefix"));
        ClaimSet claims = ClaimSet.of(Caller.from(token));
        // The same standing GET /credentials reads, so explain says "blocked" exactly when it would refuse.
        return revocations.standing(claims.subject()).map(standing -> {
            Explanation explanation = explainer.explain(claims, question, standing.blockedUntil());
            return Response.ok(explanation).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        });
    }
}
