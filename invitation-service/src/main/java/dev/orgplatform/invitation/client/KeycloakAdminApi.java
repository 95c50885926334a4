package dev.orgplatform.invitation.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/**
 * Keycloak's admin REST API, called with invitation-service's client-credentials token (its service account
 * holds realm-management manage-users, view-users, query-users).
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/admin/realms/{realm}/users")
public interface KeycloakAdminApi {

    record Credential(String type, String value, boolean temporary) {
    }

    record NewUser(String username, String email, boolean emailVerified, boolean enabled, String firstName, String lastName,
            List<Credential> credentials, Map<String, List<String>> attributes) {
    }

    /** 201 with the new user's URL in {@code Location}. */
    @POST
    Uni<Response> create(@PathParam("realm") String realm, NewUser user);
}
