package dev.orgplatform.user.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** Keycloak's stored login events of the realm (user-service's service account holds view-events). */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/events")
public interface KeycloakEventsApi {

    /** Newest first. */
    @GET
    Uni<List<LoginEvent>> events(@QueryParam("type") List<String> types, @QueryParam("dateFrom") String dateFrom,
            @QueryParam("first") int first, @QueryParam("max") int max);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LoginEvent(String id, long time, String type, String clientId, String userId, String sessionId, String ipAddress,
            String error, Map<String, String> details) {
    }
}
