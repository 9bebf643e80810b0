package io.stsvend.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stsvend.admin.Admin;
import io.stsvend.admin.AdminAudit;
import io.stsvend.admin.AdminGate;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.issuance.Revocations;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /admin/subjects/{subject}/revoke} (evict a subject's cached credentials, optionally block new ones)
 * and {@code DELETE /admin/subjects/{subject}/block} (lift the block). Both go through {@link AdminGate} and write
 * one audit line each; see {@link Revocations} for what they do and their scope (every replica with the shared
 * cache, this one without).
 */
@Path("/admin/subjects/{subject}")
@Authenticated
// What both actions share, declared once: the bearer, the gate's refusals and the shared store's 503.
@SecurityRequirement(name = ApiDefinition.BEARER)
@APIResponse(responseCode = "401", description = "No valid bearer token (unauthenticated).",
        headers = @Header(name = "WWW-Authenticate", description = "Bearer challenge"))
@APIResponse(responseCode = "403", description = "Not an admin token, or no admin role (forbidden).")
@APIResponse(responseCode = "429", description = "Too many admin requests (rate-limited).",
        headers = @Header(name = "Retry-After", description = "Seconds to wait"))
@APIResponse(responseCode = "503", description = "The shared cache did not answer (shared-cache-unavailable):"
        + " the action took effect on this replica only; retry it.",
        headers = @Header(name = "Retry-After", description = "Seconds to wait"))
public class AdminSubjectsResource {

    static final String REVOKE = "revoke";
    static final String UNBLOCK = "unblock";
    /** A JWT {@code sub} as stsvend can hold it: 1 to 256 printable ASCII characters without spaces. */
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7e]{1,256}");
    private static final int MAX_BODY = 1024;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // "60" is not a number of seconds: a typed body, as the OpenAPI document says.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** The optional body of a revoke. */
    @Schema(description = "Optional: block new credentials for this many seconds (1 to 2592000 = 30 days).")
    @RegisterForReflection
    public record RevokeRequest(@Schema(description = "Seconds, 1 to 2592000") Long blockForSeconds) {
    }

    /** The answer to a revoke. */
    @Schema(description = "What the revoke did (evicted counts this replica's entries).")
    @RegisterForReflection
    public record RevokeResponse(
            @Schema(description = "The subject") String subject,
            @Schema(description = "Cached credential entries evicted on this replica") int evicted,
            @Schema(description = "End of the block (UTC), or null without one") String blockedUntil) {
    }

    @Inject
    JsonWebToken token;

    @Inject
    AdminGate gate;

    @Inject
    AdminAudit audit;

    @Inject
    Revocations revocations;

    @POST
    @Path("/revoke")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evict a subject's cached credentials and optionally block new ones (admin)",
            description = "Evicts every cached credential of the subject (on every replica when the shared cache"
                    + " is on); with blockForSeconds, GET /credentials answers 403 subject-blocked for the subject"
                    + " until then (on every replica, surviving restarts, when the shared cache is on). Tokens already"
                    + " issued stay valid at Alibaba until their Expiration. Needs an admin token; audited and"
                    + " rate-limited per admin.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RevokeRequest.class)))
    @APIResponse(responseCode = "200", description = "Evicted (and blocked).", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevokeResponse.class)))
    @APIResponse(responseCode = "400", description = "Bad subject, body or block duration (bad-request).")
    public Uni<Response> revoke(@PathParam("subject") String subject, String body) {
        Admin admin = gate.admit(token, REVOKE);
        String target = checked(admin, REVOKE, subject);
        Uni<Revocations.Revoked> revoked;
        try {
            revoked = revocations.revoke(target, blockOf(body));
        } catch (CodedException e) {
            // A refused revoke (bad body, too many blocks) is audited like one that went through.
            audit.record(admin.subject(), REVOKE, target, e.errorCode().code());
            throw e;
        }
        return revoked.map(done -> {
            String until = done.blockedUntil().map(Instant::toString).orElse(null);
            audit.record(admin.subject(), REVOKE, target, AdminAudit.OK, until, done.evicted(), scope());
            return Response.ok(new RevokeResponse(target, done.evicted(), until))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }).onFailure(CodedException.class).invoke(e ->
                audit.record(admin.subject(), REVOKE, target, ((CodedException) e).errorCode().code(),
                        AdminAudit.THIS_REPLICA));
    }

    @DELETE
    @Path("/block")
    @Operation(summary = "Lift a subject's block (admin)",
            description = "The subject may get credentials again at once (new ones: the revoke evicted the cached"
                    + " ones). 204 whether or not a block was active. Needs an admin token; audited.")
    @APIResponse(responseCode = "204", description = "No block is active any more.")
    @APIResponse(responseCode = "400", description = "Bad subject (bad-request).")
    public Uni<Response> unblock(@PathParam("subject") String subject) {
        Admin admin = gate.admit(token, UNBLOCK);
        String target = checked(admin, UNBLOCK, subject);
        return revocations.lift(target).map(wasBlocked -> {
            audit.record(admin.subject(), UNBLOCK, target, wasBlocked ? AdminAudit.OK : "not-blocked", scope());
            return Response.noContent().build();
        }).onFailure(CodedException.class).invoke(e ->
                audit.record(admin.subject(), UNBLOCK, target, ((CodedException) e).errorCode().code(),
                        AdminAudit.THIS_REPLICA));
    }

    private String scope() {
        return revocations.reachesEveryReplica() ? AdminAudit.ALL_REPLICAS : AdminAudit.THIS_REPLICA;
    }

    /** The subject if well-formed; a bad one is audited without echoing it. */
    private String checked(Admin admin, String action, String subject) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            audit.record(admin.subject(), action, null, ErrorCode.BAD_REQUEST.code());
            throw new CodedException(ErrorCode.BAD_REQUEST,
                    "The subject must be 1 to 256 printable ASCII characters without spaces.");
        }
        return subject;
    }

    static Optional<Duration> blockOf(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        if (body.length() > MAX_BODY) {
            throw bad();
        }
        try {
            RevokeRequest request = JSON.readValue(body, RevokeRequest.class);
            if (request == null || request.blockForSeconds() == null) {
                return Optional.empty();
            }
            long seconds = request.blockForSeconds();
            if (seconds < 1 || seconds > Revocations.MAX_BLOCK.toSeconds()) {
                throw new CodedException(ErrorCode.BAD_REQUEST, "blockForSeconds must be 1 to "
                        + Revocations.MAX_BLOCK.toSeconds() + " (30 days).");
            }
            return Optional.of(Duration.ofSeconds(seconds));
        } catch (JacksonException e) {
            // Jackson's message quotes the input; say only what the body must look like.
            throw bad();
        }
    }

    private static CodedException bad() {
        return new CodedException(ErrorCode.BAD_REQUEST,
                "The body must be empty or a JSON object {\"blockForSeconds\": 1..2592000}.");
    }
}
