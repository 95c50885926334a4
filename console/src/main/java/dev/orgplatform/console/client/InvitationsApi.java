package dev.orgplatform.console.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;

/** invitation-service, called with the signed-in person's access token. */
@RegisterClientHeaders(ForwardedClient.class)
@RegisterRestClient(configKey = "invitation-service")
@AccessToken
@Path("/api/v1")
public interface InvitationsApi {

    @POST
    @Path("/invitations/accept")
    Uni<Response> accept(Map<String, Object> token);

    @POST
    @Path("/organizations/{id}/invitations")
    Uni<Response> invite(@PathParam("id") UUID organizationId, Map<String, Object> invitation);

    @GET
    @Path("/organizations/{id}/invitations")
    Uni<Response> list(@PathParam("id") UUID organizationId, @QueryParam("state") String state, @QueryParam("limit") int limit);

    @POST
    @Path("/organizations/{id}/invitations/{invitationId}/resend")
    Uni<Response> resend(@PathParam("id") UUID organizationId, @PathParam("invitationId") UUID invitationId);

    @DELETE
    @Path("/organizations/{id}/invitations/{invitationId}")
    Uni<Response> revoke(@PathParam("id") UUID organizationId, @PathParam("invitationId") UUID invitationId);
}
