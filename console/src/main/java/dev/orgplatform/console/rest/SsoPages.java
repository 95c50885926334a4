package dev.orgplatform.console.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.UsersApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The organization's SSO as its Owners and Admins see it: claimed domains with their state and the TXT record to
 * publish, connections with the domain they route and whether Keycloak holds them yet, and the sign-in policy.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SsoPages {

    private final UsersApi users;
    private final OrganizationView view;
    private final Template sso;

    public SsoPages(@RestClient UsersApi users, OrganizationView view, @Location("pages/sso.html") Template sso) {
        this.users = users;
        this.view = view;
        this.sso = sso;
    }

    @GET
    @Path("organizations/{id}/sso")
    public Uni<Response> page(@PathParam("id") UUID id) {
        return view.render(id, sso, 200, seen -> {
            if (!seen.can().contains("organization:settings")) {
                return Uni.createFrom().item(Map.<String, Object>of("domains", List.of(), "connections", List.of(), "policy", Map.of(),
                        "detail", "Only Owners and Admins see the organization's SSO."));
            }
            return Uni.combine().all().unis(users.domains(id).map(ApiAnswer::of), users.ssoConnections(id).map(ApiAnswer::of),
                    users.signInPolicy(id).map(ApiAnswer::of)).asTuple().map(t -> {
                        Map<String, Object> data = new LinkedHashMap<>();
                        data.put("domains", t.getItem1().list(null));
                        data.put("connections", t.getItem2().list(null));
                        data.put("policy", t.getItem3().object());
                        data.put("detail", t.getItem1().ok() && t.getItem2().ok() ? "" : t.getItem2().refusal());
                        return data;
                    });
        });
    }
}
