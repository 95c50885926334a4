package dev.orgplatform.console.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;

/** org-service, called with the signed-in person's access token; answers are read whatever their status. */
@RegisterRestClient(configKey = "org-service")
@AccessToken
@Path("/api/v1/organizations")
public interface OrganizationsApi {

    @GET
    Uni<Response> search(@QueryParam("name") String name, @QueryParam("region") String region, @QueryParam("state") String state,
            @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @POST
    Uni<Response> create(Map<String, Object> organization);

    @GET
    @Path("/{id}")
    Uni<Response> get(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/children")
    Uni<Response> children(@PathParam("id") UUID id, @QueryParam("limit") int limit);

    @POST
    @Path("/{id}/children")
    Uni<Response> createChild(@PathParam("id") UUID id, Map<String, Object> organization);

    @GET
    @Path("/{id}/ancestors")
    Uni<Response> ancestors(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/subtree")
    Uni<Response> subtree(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/move")
    Uni<Response> move(@PathParam("id") UUID id, Map<String, Object> move);
}
