package io.stsvend.api;

import io.stsvend.error.ErrorCode;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The problem contract of {@code /q/openapi}, derived rather than copied: the {@code Problem} schema's {@code code}
 * enumeration is {@link ErrorCode#values()}, and every 4xx/5xx response a resource declares (status and description
 * only) is given its {@link Problem#MEDIA_TYPE} body here, in one place. Runs once, at build time: it is the
 * filter of the pom's {@code smallrye-open-api-maven-plugin}, which writes the document {@link OpenApiDocument} serves.
 */
public class ProblemContract implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Schema problem = openAPI.getComponents().getSchemas().get("Problem");
            if (problem != null && problem.getProperties() != null && problem.getProperties().get("code") != null) {
                problem.getProperties().get("code").setEnumeration(codes());
            }
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(ProblemContract::describeProblems);
        }
    }

    /** Every catalogue code, in catalogue order. */
    static List<Object> codes() {
        return Arrays.stream(ErrorCode.values()).map(e -> (Object) e.code()).toList();
    }

    private static void describeProblems(PathItem path) {
        for (Operation operation : path.getOperations().values()) {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                continue;
            }
            for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
                if (isProblem(response.getKey()) && response.getValue().getRef() == null
                        && response.getValue().getContent() == null) {
                    response.getValue().setContent(problemContent());
                }
            }
        }
    }

    private static boolean isProblem(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
