package dev.orgplatform.invitation.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.invitation.mapping.InvitationMapper;
import dev.orgplatform.invitation.service.Acceptance;
import dev.orgplatform.invitation.service.AcceptanceService;
import dev.orgplatform.invitation.service.Registration;
import dev.orgplatform.platform.net.ClientAddress;
import dev.orgplatform.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The invitee's side, by the token of the mail's link. A token that does not work always gets the same
 * answer; a client presenting too many is refused for a while (429).
 */
@Path("/api/v1/invitations")
@Tag(name = "Accepting invitations")
public class AcceptanceResource {

    private final AcceptanceService acceptance;
    private final Caller caller;
    private final ClientAddress clientAddress;

    public AcceptanceResource(AcceptanceService acceptance, Caller caller, ClientAddress clientAddress) {
        this.acceptance = acceptance;
        this.caller = caller;
        this.clientAddress = clientAddress;
    }

    /** Signed in with the invited email. */
    @POST
    @Path("/accept")
    @Authenticated
    public Uni<AcceptanceResponse> accept(@Valid @NotNull AcceptInvitationRequest request, @Context HttpServerRequest http) {
        return acceptance.accept(new Acceptance(request.token(), caller.userId(), caller.email(), client(http)))
                .map(InvitationMapper::toAcceptance);
    }

    /** No account yet: opens one for the invited email, then accepts. No bearer token. */
    @POST
    @Path("/register")
    @PermitAll
    public Uni<AcceptanceResponse> register(@Valid @NotNull RegisterRequest request, @Context HttpServerRequest http) {
        return acceptance.register(new Registration(request.token(), request.name(), request.password(), client(http)))
                .map(InvitationMapper::toAcceptance);
    }

    /** The client's address (behind a trusted proxy, the one it forwarded for). */
    private String client(HttpServerRequest http) {
        String address = clientAddress.of(http);
        return address == null ? "unknown" : address;
    }
}
