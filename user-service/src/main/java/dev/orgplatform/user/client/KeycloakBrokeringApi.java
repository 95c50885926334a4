package dev.orgplatform.user.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/**
 * Keycloak's organizations and identity providers of the platform realm (its service account holds realm-management
 * manage-realm, which Keycloak's organization endpoints require, and manage-identity-providers). Representations stay
 * maps: user-service sets a few fields and hands the rest back as Keycloak gave them.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
public interface KeycloakBrokeringApi {

    @GET
    @Path("/organizations")
    Uni<List<Map<String, Object>>> organizations(@QueryParam("search") String search, @QueryParam("exact") boolean exact,
            @QueryParam("briefRepresentation") boolean brief);

    @POST
    @Path("/organizations")
    Uni<Response> createOrganization(Map<String, Object> organization);

    @PUT
    @Path("/organizations/{id}")
    Uni<Response> updateOrganization(@PathParam("id") String id, Map<String, Object> organization);

    @DELETE
    @Path("/organizations/{id}")
    Uni<Response> deleteOrganization(@PathParam("id") String id);

    @GET
    @Path("/organizations/{id}/identity-providers")
    Uni<List<Map<String, Object>>> linkedProviders(@PathParam("id") String id);

    /** Keycloak takes the alias as a JSON string. */
    @POST
    @Path("/organizations/{id}/identity-providers")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> link(@PathParam("id") String id, String quotedAlias);

    @GET
    @Path("/identity-provider/instances/{alias}")
    Uni<Map<String, Object>> provider(@PathParam("alias") String alias);

    @POST
    @Path("/identity-provider/instances")
    Uni<Response> createProvider(Map<String, Object> provider);

    @PUT
    @Path("/identity-provider/instances/{alias}")
    Uni<Response> updateProvider(@PathParam("alias") String alias, Map<String, Object> provider);

    @DELETE
    @Path("/identity-provider/instances/{alias}")
    Uni<Response> deleteProvider(@PathParam("alias") String alias);

    /** The provider's settings read from its discovery document or metadata ({@code providerId} and {@code fromUrl}). */
    @POST
    @Path("/identity-provider/import-config")
    Uni<Map<String, Object>> importConfig(Map<String, Object> source);

    /** The same from a SAML metadata document given as text. */
    @POST
    @Path("/identity-provider/import-config")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Uni<Map<String, Object>> importConfigFile(@RestForm("providerId") String providerId,
            @RestForm("file") @PartType(MediaType.APPLICATION_XML) String file);

    @GET
    @Path("/identity-provider/instances/{alias}/mappers")
    Uni<List<Map<String, Object>>> mappers(@PathParam("alias") String alias);

    @POST
    @Path("/identity-provider/instances/{alias}/mappers")
    Uni<Response> createMapper(@PathParam("alias") String alias, Map<String, Object> mapper);

    @DELETE
    @Path("/identity-provider/instances/{alias}/mappers/{id}")
    Uni<Response> deleteMapper(@PathParam("alias") String alias, @PathParam("id") String id);
}
