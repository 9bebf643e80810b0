package io.stsvend.local;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /local/floor}: the benchmark's floor, the cost nobody can avoid — HTTP plus JWT verification and a tiny
 * JSON body — with nothing of grants, policy, cache or STS. It runs like {@code /credentials} (JAX-RS, the same lazy
 * {@code @Authenticated} check, on the event loop) so the two compare. Local mode only: otherwise a 404 problem.
 */
@UnlessBuildProfile("prod")
@Path("/local/floor")
@Authenticated
public class FloorResource {

    /** The tiny body: the verified subject. */
    public record Floor(String sub) {
    }

    @ConfigProperty(name = "stsvend.local.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    JsonWebToken token;

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public Floor floor() {
        if (!enabled) {
            throw new NotFoundException();
        }
        return new Floor(token.getSubject());
    }
}
