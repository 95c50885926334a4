package dev.orgplatform.console.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;

/** org-service, called with the signed-in person's access token; answers are read whatever their status. */
@RegisterClientHeaders(ForwardedClient.class)
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
    @Path("/{id}/branding")
    Uni<Response> branding(@PathParam("id") UUID id);

    @PUT
    @Path("/{id}/branding")
    Uni<Response> replaceBranding(@PathParam("id") UUID id, Map<String, Object> branding);

    @GET
    @Path("/{id}/branding/logo")
    @jakarta.ws.rs.Produces({"image/png", "image/jpeg", "image/svg+xml", "application/problem+json"})
    Uni<Response> logo(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch);

    @PUT
    @Path("/{id}/branding/logo")
    Uni<Response> setLogo(@PathParam("id") UUID id, Map<String, Object> logo);

    @DELETE
    @Path("/{id}/branding/logo")
    Uni<Response> removeLogo(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/ancestors")
    Uni<Response> ancestors(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/subtree")
    Uni<Response> subtree(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/move")
    Uni<Response> move(@PathParam("id") UUID id, Map<String, Object> move);

    @PATCH
    @Path("/{id}")
    Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> change);

    @GET
    @Path("/{id}/settings")
    Uni<Response> settings(@PathParam("id") UUID id);

    @PUT
    @Path("/{id}/settings")
    Uni<Response> replaceSettings(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> settings);

    @GET
    @Path("/{id}/settings/effective")
    Uni<Response> effectiveSettings(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/ownership")
    Uni<Response> transferOwnership(@PathParam("id") UUID id, Map<String, Object> transfer);

    @DELETE
    @Path("/{id}")
    Uni<Response> delete(@PathParam("id") UUID id, @QueryParam("confirm") String confirm);

    @POST
    @Path("/{id}/restore")
    Uni<Response> restore(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/sub-organization-types")
    Uni<Response> subOrganizationTypes(@PathParam("id") UUID id);
}
