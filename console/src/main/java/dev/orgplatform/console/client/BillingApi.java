package dev.orgplatform.console.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;

/** billing-service, called with the signed-in person's access token: plan, limits, billing settings, alert thresholds. */
@RegisterClientHeaders(ForwardedClient.class)
@RegisterRestClient(configKey = "billing-service")
@AccessToken
@Path("/api/v1/organizations/{id}")
public interface BillingApi {

    @GET
    @Path("/limits")
    Uni<Response> limits(@PathParam("id") UUID organizationId);

    @PUT
    @Path("/plan")
    Uni<Response> changePlan(@PathParam("id") UUID organizationId, @HeaderParam("If-Match") String ifMatch, Map<String, Object> plan);

    @PUT
    @Path("/limits/{resource}")
    Uni<Response> setLimit(@PathParam("id") UUID organizationId, @PathParam("resource") String resource,
            @HeaderParam("If-Match") String ifMatch, Map<String, Object> limit);

    @DELETE
    @Path("/limits/{resource}")
    Uni<Response> resetLimit(@PathParam("id") UUID organizationId, @PathParam("resource") String resource,
            @HeaderParam("If-Match") String ifMatch);

    @GET
    @Path("/billing-settings")
    Uni<Response> settings(@PathParam("id") UUID organizationId);

    @PUT
    @Path("/billing-settings")
    Uni<Response> replaceSettings(@PathParam("id") UUID organizationId, @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> settings);

    @GET
    @Path("/alerts")
    Uni<Response> alerts(@PathParam("id") UUID organizationId);

    @PUT
    @Path("/alerts")
    Uni<Response> replaceAlerts(@PathParam("id") UUID organizationId, @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> thresholds);
}
