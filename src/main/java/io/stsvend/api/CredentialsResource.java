package io.stsvend.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
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
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code GET /credentials}: temporary OSS credentials scoped to what the caller's grant rules allow. */
@Path("/credentials")
@Authenticated
public class CredentialsResource {

    @Inject
    JsonWebToken token;

    @Inject
    CredentialIssuer issuer;

    @Inject
    OssConfig oss;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<CredentialsResponse>> credentials(@Context UriInfo uri) {
        if (!uri.getQueryParameters().isEmpty()) {
            throw new CodedException(ErrorCode.BAD_REQUEST, "GET /credentials takes no query parameters.");
        }
        return issuer.issue(Caller.from(token))
                .map(issued -> RestResponse.ResponseBuilder
                        .ok(CredentialsResponse.of(issued, oss.region(), oss.endpoint()), MediaType.APPLICATION_JSON_TYPE)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .header("Pragma", "no-cache")
                        .build());
    }
}
