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

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.invitation.InvitationState;
import dev.orgplatform.invitation.mapping.InvitationMapper;
import dev.orgplatform.invitation.service.InvitationService;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** An organization's invitations, for whoever holds member:invite there (Owner, Admin). */
@Path("/api/v1/organizations/{organizationId}/invitations")
@Authenticated
@Tag(name = "Invitations")
public class InvitationResource {

    static final String PERMISSION = "member:invite";

    private final InvitationService invitations;
    private final Caller caller;
    private final PlatformClock clock;

    public InvitationResource(InvitationService invitations, Caller caller, PlatformClock clock) {
        this.invitations = invitations;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    public Uni<Response> invite(@PathParam("organizationId") UUID organizationId, @Valid @NotNull CreateInvitationRequest request) {
        return invitations.invite(caller.may(PERMISSION, organizationId), request)
                .map(i -> Response.created(URI.create("/api/v1/organizations/" + organizationId + "/invitations/" + i.id))
                        .entity(InvitationMapper.toResponse(i, clock.now())).build());
    }

    @GET
    public Uni<Page<InvitationResponse>> list(@PathParam("organizationId") UUID organizationId, @QueryParam("state") String state,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return invitations.list(caller.may(PERMISSION, organizationId), state(state), limit, cursor)
                .map(page -> page.map(i -> InvitationMapper.toResponse(i, clock.now())));
    }

    @GET
    @Path("/{invitationId}")
    public Uni<InvitationResponse> get(@PathParam("organizationId") UUID organizationId, @PathParam("invitationId") UUID invitationId) {
        return invitations.get(caller.may(PERMISSION, organizationId), invitationId).map(i -> InvitationMapper.toResponse(i, clock.now()));
    }

    /** New token (the old link stops working), new 7 days, mail again. */
    @POST
    @Path("/{invitationId}/resend")
    public Uni<InvitationResponse> resend(@PathParam("organizationId") UUID organizationId,
            @PathParam("invitationId") UUID invitationId) {
        return invitations.resend(caller.may(PERMISSION, organizationId), invitationId)
                .map(i -> InvitationMapper.toResponse(i, clock.now()));
    }

    @DELETE
    @Path("/{invitationId}")
    public Uni<InvitationResponse> revoke(@PathParam("organizationId") UUID organizationId,
            @PathParam("invitationId") UUID invitationId) {
        return invitations.revoke(caller.may(PERMISSION, organizationId), invitationId)
                .map(i -> InvitationMapper.toResponse(i, clock.now()));
    }

    private static InvitationState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return InvitationState.valueOf(state.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("state", "must be one of PENDING, ACCEPTED, REVOKED, EXPIRED");
        }
    }
}
