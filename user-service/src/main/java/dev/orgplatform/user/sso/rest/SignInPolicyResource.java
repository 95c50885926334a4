package dev.orgplatform.user.sso.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.sso.mapping.SsoMapper;
import dev.orgplatform.user.sso.service.SignInPolicyService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** How members may sign in to act in the organization and beneath it: PASSWORD, PASSWORD_AND_SSO (default) or SSO_ONLY. */
@Path("/api/v1/organizations/{organizationId}/sign-in-policy")
@Authenticated
@Tag(name = "SSO")
public class SignInPolicyResource {

    private final SignInPolicyService policies;
    private final AccessGate gate;
    private final Caller caller;

    public SignInPolicyResource(SignInPolicyService policies, AccessGate gate, Caller caller) {
        this.policies = policies;
        this.gate = gate;
        this.caller = caller;
    }

    @GET
    public Uni<SignInPolicyResponse> get(@PathParam("organizationId") UUID organizationId) {
        return gate.require("organization:read", organizationId)
                .chain(() -> policies.get(organizationId)).map(path -> SsoMapper.toResponse(organizationId, path));
    }

    @PUT
    @APIResponse(responseCode = "200", description = "holds on every replica once answered")
    @APIResponse(responseCode = "400", description = "SSO_ONLY without a connection to sign in with")
    @APIResponse(responseCode = "409", description = "it would refuse your own session: sign in the admitted way, or add ?confirm=lockout")
    public Uni<SignInPolicyResponse> set(@PathParam("organizationId") UUID organizationId, @QueryParam("confirm") String confirm,
            @Valid @NotNull SignInPolicyRequest request) {
        return gate.require("organization:settings", organizationId)
                .chain(() -> policies.set(organizationId, request.policy(), caller.identityProvider(), "lockout".equals(confirm)))
                .map(path -> SsoMapper.toResponse(organizationId, path));
    }
}
