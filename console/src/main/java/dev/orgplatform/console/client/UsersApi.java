package dev.orgplatform.console.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;

/** user-service, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "user-service")
@AccessToken
@Path("/api/v1")
public interface UsersApi {

    @GET
    @Path("/users/me")
    Uni<Response> me();

    @PATCH
    @Path("/users/me")
    Uni<Response> updateMe(@HeaderParam("If-Match") String ifMatch, Map<String, Object> change);

    @GET
    @Path("/users/me/organizations")
    Uni<Response> myOrganizations();

    @GET
    @Path("/organizations/{id}/members")
    Uni<Response> members(@PathParam("id") UUID organizationId, @QueryParam("limit") int limit);

    @GET
    @Path("/organizations/{id}/members/{userId}")
    Uni<Response> member(@PathParam("id") UUID organizationId, @PathParam("userId") UUID userId);

    @PATCH
    @Path("/organizations/{id}/members/{userId}")
    Uni<Response> changeRole(@PathParam("id") UUID organizationId, @PathParam("userId") UUID userId,
            @HeaderParam("If-Match") String ifMatch, Map<String, Object> role);

    @DELETE
    @Path("/organizations/{id}/members/{userId}")
    Uni<Response> remove(@PathParam("id") UUID organizationId, @PathParam("userId") UUID userId);
}
