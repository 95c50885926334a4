package dev.orgplatform.console.rest;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.InvitationsApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The page every invitation mail links to: it explains and asks the person to sign in; once signed in they accept.
 * An expired, used or revoked link gets one calm explanation that reveals nothing else.
 */
@Path("/invitations/accept")
@Produces(MediaType.TEXT_HTML)
public class InvitationPages {

    private final InvitationsApi invitations;
    private final Template landing;
    private final Template unusable;

    public InvitationPages(@RestClient InvitationsApi invitations, @Location("pages/invitation.html") Template landing,
            @Location("pages/invitation-unusable.html") Template unusable) {
        this.invitations = invitations;
        this.landing = landing;
        this.unusable = unusable;
    }

    @GET
    @PermitAll
    public String landing(@RestQuery String token) {
        return landing.data("token", token == null ? "" : token).data("signedIn", false).render();
    }

    /** After signing in (the OIDC flow returns here): the form that accepts. */
    @GET
    @Path("/confirm")
    @Authenticated
    public String confirm(@RestQuery String token) {
        return landing.data("token", token == null ? "" : token).data("signedIn", true).render();
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> accept(@RestForm String token) {
        return invitations.accept(Map.of("token", token == null ? "" : token)).map(ApiAnswer::of).map(answer -> answer.ok()
                ? Response.seeOther(URI.create("/organizations/" + answer.object().get("organizationId"))).build()
                : Response.status(answer.status() >= 500 ? 503 : 410).type(MediaType.TEXT_HTML)
                        .entity(unusable.data("detail", answer.status() == 403 ? answer.detail() : null).render()).build());
    }
}
