package io.stsvend.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's header ({@code /q/openapi}): title, version and the {@value #BEARER} security scheme, a
 * JWT from the app's identity provider sent as {@code Authorization: Bearer}. Declares no path: resources keep theirs.
 */
@OpenAPIDefinition(info = @Info(title = "stsvend", version = "1",
        description = "Vends least-privilege Alibaba Cloud STS credentials to signed-in mobile apps."))
@SecurityScheme(securitySchemeName = ApiDefinition.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT from the app's identity provider; its claims select grant rules.")
public class ApiDefinition extends Application {

    /** Name of the security scheme resources refer to. */
    public static final String BEARER = "bearer";
}
