package dev.orgplatform.user.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/**
 * Keycloak's admin REST API for the platform realm, called with user-service's client-credentials token (its
 * service account holds realm-management manage-users).
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/users/{userId}")
public interface KeycloakAdminApi {

    @GET
    Uni<KeycloakUser> user(@PathParam("userId") String userId);

    /** Partial update: only the fields present change (name, enabled, required actions). */
    @PUT
    Uni<Void> update(@PathParam("userId") String userId, Map<String, Object> fields);

    @GET
    @Path("/credentials")
    Uni<List<Credential>> credentials(@PathParam("userId") String userId);

    @GET
    @Path("/sessions")
    Uni<List<Session>> sessions(@PathParam("userId") String userId);

    /** Ends every session of the user. */
    @POST
    @Path("/logout")
    Uni<Void> logout(@PathParam("userId") String userId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakUser(String id, String email, String firstName, String lastName, Boolean enabled, List<String> requiredActions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Credential(String id, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(String id, String userId, String ipAddress, Long start, Long lastAccess, Map<String, String> clients) {
    }
}
