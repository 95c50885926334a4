package dev.orgplatform.invitation.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.invitation.config.InvitationConfig;
import dev.orgplatform.platform.client.DependencyCalls;
import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** Opens a Keycloak account for an invited email that has none yet. */
@ApplicationScoped
public class KeycloakAccounts {

    private final KeycloakAdminApi admin;
    private final String realm;
    private final Duration timeout;

    public KeycloakAccounts(@RestClient KeycloakAdminApi admin,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl, InvitationConfig config) {
        this.admin = admin;
        this.realm = realmUrl.replaceFirst("/+$", "").replaceFirst("^.*/realms/", "");
        this.timeout = config.keycloak().timeout();
    }

    /**
     * Creates an enabled user whose username is the email, verified: the invitation link reached that mailbox.
     * Emits the new user's id.
     */
    public Uni<UUID> register(String email, String name, String password) {
        String[] names = splitName(name);
        var user = new KeycloakAdminApi.NewUser(email, email, true, true, names[0], names[1],
                List.of(new KeycloakAdminApi.Credential("password", password, false)), Map.of());
        return DependencyCalls.guard(admin.create(realm, user), "keycloak", timeout)
                .onFailure(WebApplicationException.class).transform(e -> refusal(((WebApplicationException) e).getResponse()))
                .map(response -> {
                    if (response.getStatus() != 201 || response.getLocation() == null) {
                        throw refusal(response);
                    }
                    String path = response.getLocation().getPath();
                    return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
                });
    }

    private static RuntimeException refusal(Response response) {
        return switch (response.getStatus()) {
            case 409 -> new ProblemException(409, "Account exists",
                    "an account with this email exists already: sign in and accept the invitation instead");
            case 400 -> ProblemException.badField("password", "was refused by the password policy: " + errorOf(response));
            default -> ProblemException.unavailable("keycloak");
        };
    }

    private static String errorOf(Response response) {
        try {
            Map<?, ?> body = response.readEntity(Map.class);
            Object message = body.get("errorMessage") != null ? body.get("errorMessage") : body.get("error");
            return message == null ? "unknown reason" : message.toString();
        } catch (RuntimeException e) {
            return "unknown reason";
        }
    }

    /** Keycloak keeps a first and a last name: the last word is the last name ("Cher" is both). */
    static String[] splitName(String name) {
        String n = name.trim().replaceAll("\\s+", " ");
        int space = n.lastIndexOf(' ');
        return space < 0 ? new String[] { n, n } : new String[] { n.substring(0, space), n.substring(space + 1) };
    }
}
