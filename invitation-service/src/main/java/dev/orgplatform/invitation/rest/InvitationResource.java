package dev.orgplatform.invitation.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.InvitationState;
import dev.orgplatform.invitation.mapping.InvitationMapper;
import dev.orgplatform.invitation.service.InvitationExpiry;
import dev.orgplatform.invitation.service.InvitationListing;
import dev.orgplatform.invitation.service.InvitationService;
import dev.orgplatform.platform.security.ServiceRight;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.rest.QueryParams;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An organization's invitations, for whoever holds member:invite there (Owner, Admin). The gate answers first:
 * whoever may not see the organization gets 404, a member without the permission 403.
 */
@Path("/api/v1/organizations/{organizationId}/invitations")
@Authenticated
@Tag(name = "Invitations")
public class InvitationResource {

    static final String PERMISSION = "member:invite";

    private final InvitationService invitations;
    private final InvitationExpiry expiry;
    private final AccessGate gate;
    private final Caller caller;
    private final PlatformClock clock;

    public InvitationResource(InvitationService invitations, InvitationExpiry expiry, AccessGate gate, Caller caller,
            PlatformClock clock) {
        this.invitations = invitations;
        this.expiry = expiry;
        this.gate = gate;
        this.caller = caller;
        this.clock = clock;
    }

    /** Whether this service takes invitations to the organization yet: org-service asks after a restore (read-your-writes). */
    @GET
    @Path("/availability")
    @Operation(summary = "Whether invitations to the organization are taken here (platform services only)")
    public Uni<AvailabilityResponse> availability(@PathParam("organizationId") UUID organizationId) {
        gate.requireService(ServiceRight.ORGANIZATION_STATE);
        return invitations.open(organizationId).map(open -> new AvailabilityResponse(organizationId, open));
    }

    /** The inviter's effective role there bounds the role they may give. */
    @POST
    @APIResponse(responseCode = "201", description = "created and sent, with its Location", content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationResponse.class)))
    public Uni<Response> invite(@PathParam("organizationId") UUID organizationId, @Valid @NotNull CreateInvitationRequest request) {
        return gate.requireRole(PERMISSION, organizationId)
                .chain(role -> invitations.invite(InvitationMapper.toCommand(organizationId, caller.userId(), role, request)))
                .map(i -> Response.created(URI.create("/api/v1/organizations/" + organizationId + "/invitations/" + i.id))
                        .entity(view(i)).build());
    }

    @GET
    public Uni<Page<InvitationResponse>> list(@PathParam("organizationId") UUID organizationId, @QueryParam("state") String state,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        var listing = new InvitationListing(organizationId, QueryParams.enumValue(InvitationState.class, state, "state"),
                Cursor.decodeTimeAndId(QueryParams.text(cursor)), Cursor.limit(limit, 20, 100));
        return gate.require(PERMISSION, organizationId)
                .chain(() -> invitations.list(listing))
                .map(page -> page.map(this::view));
    }

    @GET
    @Path("/{invitationId}")
    public Uni<InvitationResponse> get(@PathParam("organizationId") UUID organizationId, @PathParam("invitationId") UUID invitationId) {
        return gate.require(PERMISSION, organizationId)
                .chain(() -> invitations.get(organizationId, invitationId))
                .map(this::view);
    }

    /** New token (the old link stops working), a new validity period, mail again. */
    @POST
    @Path("/{invitationId}/resend")
    public Uni<InvitationResponse> resend(@PathParam("organizationId") UUID organizationId,
            @PathParam("invitationId") UUID invitationId) {
        return gate.require(PERMISSION, organizationId)
                .chain(() -> invitations.resend(organizationId, invitationId))
                .map(this::view);
    }

    @DELETE
    @Path("/{invitationId}")
    public Uni<InvitationResponse> revoke(@PathParam("organizationId") UUID organizationId,
            @PathParam("invitationId") UUID invitationId) {
        return gate.require(PERMISSION, organizationId)
                .chain(() -> invitations.revoke(organizationId, invitationId))
                .map(this::view);
    }

    private InvitationResponse view(Invitation i) {
        return InvitationMapper.toResponse(i, expiry.stateAt(i, clock.now()));
    }
}
