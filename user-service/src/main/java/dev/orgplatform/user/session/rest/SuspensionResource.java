package dev.orgplatform.user.session.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.user.membership.rest.ProfileResponse;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.membership.mapping.ProfileMapper;
import dev.orgplatform.user.session.service.SuspensionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Disabling a user's account, by a platform operator or by whoever manages every organization the user belongs to. */
@Path("/api/v1/users/{userId}/suspension")
@Authenticated
@Tag(name = "Users")
public class SuspensionResource {

    private final SuspensionService suspensions;
    private final AccessGate gate;
    private final Caller caller;

    public SuspensionResource(SuspensionService suspensions, AccessGate gate, Caller caller) {
        this.suspensions = suspensions;
        this.gate = gate;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Disable the account: Keycloak login disabled, every session ended, every check denied "
            + "(a platform operator, or whoever manages every organization the user belongs to)")
    @APIResponse(responseCode = "200", description = "The profile, status SUSPENDED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProfileResponse.class)))
    @APIResponse(responseCode = "403", description = "Not an operator, or not managing every organization of the user")
    @APIResponse(responseCode = "503", description = "Suspended here, Keycloak not yet updated: send it again")
    public Uni<Response> suspend(@PathParam("userId") UUID userId, @Valid @NotNull SuspensionRequest request) {
        return decision(userId).chain(d -> suspensions.suspend(d, request.reason().trim()))
                .map(p -> Response.ok(ProfileMapper.toResponse(p)).build());
    }

    @DELETE
    @Operation(summary = "Enable the account again (same callers as the suspension)")
    @APIResponse(responseCode = "200", description = "The profile, status ACTIVE",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProfileResponse.class)))
    public Uni<Response> reactivate(@PathParam("userId") UUID userId) {
        return decision(userId).chain(suspensions::reactivate).map(p -> Response.ok(ProfileMapper.toResponse(p)).build());
    }

    private Uni<SuspensionService.Decision> decision(UUID userId) {
        return suspensions.organizationsOf(userId).chain(orgs -> gate.requireOperatorOrEvery("member:manage", orgs))
                .map(roles -> new SuspensionService.Decision(userId, caller.userId(), caller.isOperator(), roles));
    }
}
