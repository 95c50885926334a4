package dev.orgplatform.console.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.OrganizationsApi;
import dev.orgplatform.console.client.UsersApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * API keys of an organization: the signed-in person's own (Owners and Admins see everyone's), made with a name,
 * scopes and a lifetime the organization's policy caps; a new or rotated secret is shown once, with a copy button.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ApiKeyPages {

    /** The scopes offered as choices; any permission name may be typed beside them. */
    static final List<String> SCOPES = List.of("read", "write");

    private final UsersApi users;
    private final OrganizationsApi organizations;
    private final OrganizationView view;
    private final Template keys;

    public ApiKeyPages(@RestClient UsersApi users, @RestClient OrganizationsApi organizations, OrganizationView view,
            @Location("pages/api-keys.html") Template keys) {
        this.users = users;
        this.organizations = organizations;
        this.view = view;
        this.keys = keys;
    }

    @GET
    @Path("organizations/{id}/api-keys")
    public Uni<Response> list(@PathParam("id") UUID id, @RestQuery String done) {
        return render(id, Map.of("done", FormValues.shown(done)), 200);
    }

    @POST
    @Path("organizations/{id}/api-keys")
    public Uni<Response> create(@PathParam("id") UUID id, @RestForm String name, @RestForm("scope") List<String> scope,
            @RestForm String permissions, @RestForm String days) {
        List<String> scopes = new ArrayList<>(scope == null ? List.of() : scope);
        for (String p : FormValues.shown(permissions).split("[,\\s]+")) {
            if (!p.isBlank()) {
                scopes.add(p.trim());
            }
        }
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("name", FormValues.shown(name));
        key.put("scopes", scopes);
        if (FormValues.text(days) != null) {
            key.put("expiresIn", FormValues.text(days) + "d");
        }
        return users.createApiKey(id, key).map(ApiAnswer::of).chain(answer -> {
            if (answer.ok()) {
                return render(id, Map.of("secret", answer.object().get("secret"), "secretFor", FormValues.shown(name),
                        "done", "API key " + FormValues.shown(name) + " created"), 201);
            }
            Map<String, Object> extra = OrganizationView.refusal(answer);
            Map<String, String> errors = new LinkedHashMap<>();
            answer.fieldErrors().forEach((f, m) -> errors.put(f.startsWith("scopes") ? "scopes" : "expiresIn".equals(f) ? "days" : f, m));
            extra.put("errors", errors);
            extra.put("typed", Map.of("name", FormValues.shown(name), "scopes", scope == null ? List.of() : scope,
                    "permissions", FormValues.shown(permissions), "days", FormValues.shown(days)));
            return render(id, extra, OrganizationView.statusOf(answer));
        });
    }

    @POST
    @Path("organizations/{id}/api-keys/{keyId}/rotate")
    public Uni<Response> rotate(@PathParam("id") UUID id, @PathParam("keyId") UUID keyId) {
        return users.rotateApiKey(id, keyId).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? render(id, Map.of("secret", answer.object().get("secret"), "secretFor", String.valueOf(answer.object().get("name")),
                        "done", "API key rotated: the old secret no longer works"), 200)
                : render(id, OrganizationView.refusal(answer), OrganizationView.statusOf(answer)));
    }

    @POST
    @Path("organizations/{id}/api-keys/{keyId}/revoke")
    public Uni<Response> revoke(@PathParam("id") UUID id, @PathParam("keyId") UUID keyId) {
        return users.revokeApiKey(id, keyId).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? Uni.createFrom().item(OrganizationView.seeOther("/organizations/" + id + "/api-keys", "API key revoked"))
                : render(id, OrganizationView.refusal(answer), OrganizationView.statusOf(answer)));
    }

    private Uni<Response> render(UUID id, Map<String, Object> extra, int status) {
        return view.render(id, keys, status, seen -> {
            // the lifetime cap is shown to those who may read the settings; the service caps everyone's keys
            Uni<ApiAnswer> policy = ApiAnswer.ifAllowed(seen.can().contains("organization:settings"),
                    () -> organizations.effectiveSettings(id));
            return Uni.combine().all().unis(users.apiKeys(id, 100).map(ApiAnswer::of), policy).asTuple().map(t -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("keys", t.getItem1().list("items"));
                data.put("keysDetail", t.getItem1().ok() ? "" : t.getItem1().refusal());
                Object cap = t.getItem2().object().get("apiKeyMaxLifetimeDays");
                data.put("cap", cap == null ? (t.getItem2().ok() ? "365" : "") : cap.toString());
                data.put("scopes", SCOPES);
                data.put("secret", "");
                data.put("secretFor", "");
                data.put("typed", Map.of("name", "", "scopes", List.of("read"), "permissions", "", "days", ""));
                data.putAll(extra);
                return data;
            });
        });
    }
}
