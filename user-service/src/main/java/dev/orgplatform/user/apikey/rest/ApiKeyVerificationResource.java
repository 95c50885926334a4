package dev.orgplatform.user.apikey.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.security.ServiceRight;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.ApiKeyApi;
import dev.orgplatform.platform.security.ApiKeyGrant;
import dev.orgplatform.platform.security.ApiKeyVerifier;
import io.smallrye.mutiny.Uni;

/** Other services verify the API keys they are shown here (by hash; answered from memory). */
@Path("/api/v1/api-keys/verify")
@RolesAllowed(ServiceRight.KEY_VERIFICATION)
@Tag(name = "API keys")
public class ApiKeyVerificationResource {

    private final ApiKeyVerifier verifier;

    public ApiKeyVerificationResource(ApiKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @POST
    @Operation(summary = "What a key grants, by the SHA-256 of its secret (platform services only)")
    @APIResponse(responseCode = "200", description = "the key's organization, owner, scopes and expiry")
    @APIResponse(responseCode = "404", description = "no such key, or it is revoked or expired")
    public Uni<ApiKeyGrant> verify(@NotNull ApiKeyApi.VerifyRequest request) {
        if (request.secretHash() == null || !request.secretHash().matches("[0-9a-f]{64}")) {
            throw ProblemException.badField("secretHash", "must be the hex SHA-256 of the key");
        }
        return verifier.verify(request.secretHash()).map(grant -> {
            if (grant == null) {
                throw ProblemException.notFound("API key");
            }
            return grant;
        });
    }
}
