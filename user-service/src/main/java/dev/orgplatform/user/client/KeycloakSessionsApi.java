package dev.orgplatform.user.client;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** Keycloak's admin REST API for single sessions of the platform realm. */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/sessions")
public interface KeycloakSessionsApi {

    @DELETE
    @Path("/{sessionId}")
    Uni<Void> delete(@PathParam("sessionId") String sessionId);
}
