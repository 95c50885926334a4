package dev.orgplatform.console.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.InvitationsApi;
import dev.orgplatform.console.client.UsersApi;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * What an organization's page changes about its people: a member's role and removal, invitations sent, resent and
 * revoked. Each answers with the organization's page again, carrying the service's message when it refused.
 */
// every page class sits at the root: a class path with a parameter would capture the other classes' pages
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MemberPages {

    private final UsersApi users;
    private final InvitationsApi invitations;
    private final OrganizationPages pages;

    public MemberPages(@RestClient UsersApi users, @RestClient InvitationsApi invitations, OrganizationPages pages) {
        this.users = users;
        this.invitations = invitations;
        this.pages = pages;
    }

    @POST
    @Path("organizations/{id}/members/{userId}/role")
    public Uni<Response> changeRole(@PathParam("id") UUID id, @PathParam("userId") UUID userId, @RestForm String role) {
        // the member as it is now: its ETag makes the change conditional on what the page showed still holding
        return users.member(id, userId).chain(current -> {
            String etag = current.getHeaderString("ETag");
            return users.changeRole(id, userId, etag, Map.of("role", role == null ? "" : role));
        }).map(ApiAnswer::of).chain(answer -> back(id, answer, "role of the member changed"));
    }

    @POST
    @Path("organizations/{id}/members/{userId}/remove")
    public Uni<Response> remove(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        return users.remove(id, userId).map(ApiAnswer::of).chain(answer -> back(id, answer, "member removed"));
    }

    @POST
    @Path("organizations/{id}/invitations")
    public Uni<Response> invite(@PathParam("id") UUID id, @RestForm String email, @RestForm String name, @RestForm String role,
            @RestForm String team, @RestForm String note) {
        Map<String, Object> invitation = new LinkedHashMap<>();
        invitation.put("email", FormValues.shown(email));
        invitation.put("name", FormValues.shown(name));
        invitation.put("role", role == null ? "" : role);
        invitation.put("teams", FormValues.text(team) == null ? List.of() : List.of(FormValues.text(team)));
        if (FormValues.text(note) != null) {
            invitation.put("note", FormValues.text(note));
        }
        return invitations.invite(id, invitation).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? Uni.createFrom().item(seeOrganization(id, "invitation sent to " + FormValues.shown(email)))
                : pages.page(id, Map.of("invite", invitation, "inviteErrors", answer.fieldErrors(),
                        "inviteDetail", answer.detail() == null ? "" : answer.detail()), OrganizationView.statusOf(answer)));
    }

    @POST
    @Path("organizations/{id}/invitations/{invitationId}/resend")
    public Uni<Response> resend(@PathParam("id") UUID id, @PathParam("invitationId") UUID invitationId) {
        return invitations.resend(id, invitationId).map(ApiAnswer::of).chain(answer -> back(id, answer, "invitation sent again"));
    }

    @POST
    @Path("organizations/{id}/invitations/{invitationId}/revoke")
    public Uni<Response> revoke(@PathParam("id") UUID id, @PathParam("invitationId") UUID invitationId) {
        return invitations.revoke(id, invitationId).map(ApiAnswer::of).chain(answer -> back(id, answer, "invitation revoked"));
    }

    /** After a change: the page again (post/redirect/get), or the page with the refusal when there was one. */
    private Uni<Response> back(UUID id, ApiAnswer answer, String done) {
        return answer.ok() ? Uni.createFrom().item(seeOrganization(id, done))
                : pages.page(id, Map.of("problem", answer.refusal()), OrganizationView.statusOf(answer));
    }

    private static Response seeOrganization(UUID id, String done) {
        return Response.seeOther(URI.create("/organizations/" + id + "?done=" + java.net.URLEncoder.encode(done,
                java.nio.charset.StandardCharsets.UTF_8))).build();
    }
}
