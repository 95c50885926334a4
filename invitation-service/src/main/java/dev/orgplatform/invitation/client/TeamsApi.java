package dev.orgplatform.invitation.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** user-service's teams of an organization, called with invitation-service's client-credentials token. */
@RegisterRestClient(configKey = "user-service")
@OidcClientFilter
@Path("/api/v1/organizations/{organizationId}/teams")
public interface TeamsApi {

    record Team(UUID id, String name) {
    }

    @GET
    Uni<List<Team>> teams(@PathParam("organizationId") UUID organizationId);
}
