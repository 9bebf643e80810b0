package io.stsvend.api;

import io.stsvend.admin.AdminGate;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps user and admin tokens apart. smallrye-jwt accepts both audiences (its audience check is global); this filter
 * then lets an admin token ({@link AdminGate#isAdminToken}) reach only {@value #ADMIN_PATH}* and a user token
 * everything but it: 403 {@code forbidden} otherwise. Requests without a token pass untouched (the resources'
 * {@code @Authenticated} answers 401).
 */
public class AudienceSeparation {

    static final String ADMIN_PATH = "/admin/";

    @Inject
    AdminGate gate;

    @ServerRequestFilter
    public void separate(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
        boolean adminPath = path.startsWith(ADMIN_PATH) || path.equals("/admin");
        boolean adminToken = gate.isAdminToken(token);
        if (adminPath && !adminToken) {
            throw gate.refused(token.getSubject(), path, ErrorCode.FORBIDDEN,
                    "The admin API accepts admin tokens only.");
        }
        if (!adminPath && adminToken) {
            throw new CodedException(ErrorCode.FORBIDDEN, "An admin token is accepted by the admin API only.");
        }
    }
}
