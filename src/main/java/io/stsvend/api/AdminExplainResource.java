package io.stsvend.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stsvend.admin.Admin;
import io.stsvend.admin.AdminAudit;
import io.stsvend.admin.AdminGate;
import io.stsvend.error.CodedException;
import io.stsvend.explain.ClaimSet;
import io.stsvend.explain.Explainer;
import io.stsvend.explain.Explanation;
import io.stsvend.explain.Question;
import io.stsvend.issuance.Revocations;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.Instant;
import java.util.Optional;

/** {@code POST /admin/explain}: the explanation of {@link ExplainResource} for any claim set, for admins. */
@Path("/admin/explain")
@Authenticated
public class AdminExplainResource {

    static final String ACTION = "explain";

    @Inject
    JsonWebToken token;

    @Inject
    AdminGate gate;

    @Inject
    AdminAudit audit;

    @Inject
    Explainer explainer;

    @Inject
    Revocations revocations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDefinition.BEARER)
    @Operation(summary = "Explain grants and a RAM decision for any claim set (admin)",
            description = "As GET /credentials/explain, for the claims in the body instead of the caller's token"
                    + " (blockedUntil when an admin blocks its sub)."
                    + " Needs an admin token: audience stsvend.admin.audience and stsvend.admin.role in"
                    + " stsvend.admin.role-claim. Audited and rate-limited per admin.")
    @APIResponse(responseCode = "200", description = "The explanation.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Explanation.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, claims without sub, bad question"
            + " (bad-request).")
    @APIResponse(responseCode = "401", description = "No valid bearer token (unauthenticated).",
            headers = @Header(name = "WWW-Authenticate", description = "Bearer challenge"))
    @APIResponse(responseCode = "403", description = "Not an admin token, or no admin role (forbidden).")
    @APIResponse(responseCode = "429", description = "Too many admin requests (rate-limited).",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"))
    public Uni<Response> explain(String text) {
        Admin admin = gate.admit(token, ACTION);
        String target = null;
        try {
            AdminExplainRequest body = AdminExplainRequest.parse(text);
            target = body.claims() != null && body.claims().get("sub") instanceof String s && s.length() <= 256
                    ? s : null;
            ClaimSet claims = ClaimSet.of(body.claims());
            Optional<Question> question = Question.parse(body.action(), body.resource(), body.prefix());
            String subject = target;
            // Only a well-formed subject can have been blocked; the explainer refuses claims without one.
            Uni<Optional<Instant>> blocked = subject == null ? Uni.createFrom().item(Optional.empty())
                    : revocations.standing(subject).map(Revocations.Standing::blockedUntil);
            return blocked.map(until -> {
                Explanation explanation = explainer.explain(claims, question, until);
                audit.record(admin.subject(), ACTION, subject, AdminAudit.OK);
                return Response.ok(explanation).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
            }).onFailure(CodedException.class).invoke(e ->
                    audit.record(admin.subject(), ACTION, subject, ((CodedException) e).errorCode().code()));
        } catch (CodedException e) {
            audit.record(admin.subject(), ACTION, target, e.errorCode().code());
            throw e;
        }
    }
}
