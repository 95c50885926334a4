package dev.orgplatform.user.session.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.session.mapping.SuspensionMapper;
import dev.orgplatform.user.session.service.MemberSuspensionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Suspending a member in an organization and its subtree (they keep every other organization). */
@Path("/api/v1/organizations/{organizationId}/suspensions")
@Authenticated
@Tag(name = "Members")
public class MemberSuspensionResource {

    private final MemberSuspensionService suspensions;
    private final AccessGate gate;
    private final Caller caller;

    public MemberSuspensionResource(MemberSuspensionService suspensions, AccessGate gate, Caller caller) {
        this.suspensions = suspensions;
        this.gate = gate;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Suspend a member here and beneath (Owner or Admin, at least as strong as the member); their "
            + "sessions end, every other organization stays theirs")
    @APIResponse(responseCode = "200", description = "The suspension")
    @APIResponse(responseCode = "403", description = "The Owner, a member of an ancestor, a stronger member, or oneself")
    @APIResponse(responseCode = "404", description = "No such member here or beneath, or the organization is not visible")
    public Uni<MemberSuspensionResponse> suspend(@PathParam("organizationId") UUID organizationId,
            @Valid @NotNull MemberSuspensionRequest request) {
        return decision(organizationId, request.userId()).chain(d -> suspensions.suspend(d, request.reason().trim()))
                .map(SuspensionMapper::toResponse);
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Lift the member's suspension decided here")
    @APIResponse(responseCode = "204", description = "Lifted, or there was none")
    public Uni<Response> lift(@PathParam("organizationId") UUID organizationId, @PathParam("userId") UUID userId) {
        return decision(organizationId, userId).chain(suspensions::lift).map(ignored -> Response.noContent().build());
    }

    @GET
    @Operation(summary = "The suspensions decided in this organization")
    @APIResponse(responseCode = "200", description = "Oldest first")
    public Uni<List<MemberSuspensionResponse>> suspensions(@PathParam("organizationId") UUID organizationId) {
        return gate.require("member:manage", organizationId).chain(() -> suspensions.inOrganization(organizationId))
                .map(all -> all.stream().map(SuspensionMapper::toResponse).toList());
    }

    private Uni<MemberSuspensionService.Decision> decision(UUID organizationId, UUID userId) {
        return gate.requireRole("member:manage", organizationId)
                .map(role -> new MemberSuspensionService.Decision(organizationId, userId, caller.userId(), role));
    }
}
