package dev.orgplatform.invitation.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.invitation.mapping.InvitationMapper;
import dev.orgplatform.invitation.service.InvitationService;
import dev.orgplatform.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/organizations/{organizationId}/invitations")
@Authenticated
@Tag(name = "Invitations")
public class InvitationResource {

    private final InvitationService invitations;
    private final Caller caller;

    public InvitationResource(InvitationService invitations, Caller caller) {
        this.invitations = invitations;
        this.caller = caller;
    }

    @POST
    public Uni<Response> invite(@PathParam("organizationId") UUID organizationId, @Valid @NotNull CreateInvitationRequest request) {
        return invitations.invite(caller.may("member:invite", organizationId), request)
                .map(i -> Response.created(URI.create("/api/v1/organizations/" + organizationId + "/invitations/" + i.id))
                        .entity(InvitationMapper.toResponse(i)).build());
    }
}
