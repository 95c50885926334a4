package dev.orgplatform.user.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.platform.client.DependencyCalls;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.config.KeycloakConfig;
import io.smallrye.mutiny.Uni;

/** What user-service asks of Keycloak, each call bounded in time; Keycloak down is a 503 problem. */
@ApplicationScoped
public class Keycloak {

    public static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";

    private final KeycloakAdminApi users;
    private final KeycloakSessionsApi sessions;
    private final Duration timeout;

    public Keycloak(@RestClient KeycloakAdminApi users, @RestClient KeycloakSessionsApi sessions, KeycloakConfig config) {
        this.users = users;
        this.sessions = sessions;
        this.timeout = config.timeout();
    }

    /** Keycloak keeps first and last name; the profile keeps one name: the first word is the first name. */
    public Uni<Void> rename(UUID userId, String name) {
        String trimmed = name == null ? "" : name.trim();
        int space = trimmed.indexOf(' ');
        String first = space < 0 ? trimmed : trimmed.substring(0, space);
        String last = space < 0 ? "" : trimmed.substring(space + 1).trim();
        return guard(users.update(userId.toString(), Map.of("firstName", first, "lastName", last)));
    }

    /** Disables or enables the login; disabling also ends every session. */
    public Uni<Void> setEnabled(UUID userId, boolean enabled) {
        Uni<Void> update = guard(users.update(userId.toString(), Map.of("enabled", enabled)));
        return enabled ? update : update.chain(() -> logoutAll(userId));
    }

    public Uni<Void> logoutAll(UUID userId) {
        return guard(users.logout(userId.toString()));
    }

    public Uni<List<KeycloakAdminApi.Session>> sessions(UUID userId) {
        return guard(users.sessions(userId.toString()));
    }

    public Uni<Void> endSession(String sessionId) {
        return guard(sessions.delete(sessionId));
    }

    /** Makes the user enrol a TOTP authenticator at next login unless they already have an OTP credential. */
    public Uni<Boolean> requireTotpUnlessEnrolled(UUID userId) {
        return guard(users.credentials(userId.toString()))
                .chain(credentials -> credentials.stream().anyMatch(c -> "otp".equals(c.type()))
                        ? Uni.createFrom().item(false)
                        : guard(users.user(userId.toString())).chain(u -> {
                            List<String> actions = new ArrayList<>(u.requiredActions() == null ? List.of() : u.requiredActions());
                            if (actions.contains(CONFIGURE_TOTP)) {
                                return Uni.createFrom().item(false);
                            }
                            actions.add(CONFIGURE_TOTP);
                            return guard(users.update(userId.toString(), Map.of("requiredActions", actions))).replaceWith(true);
                        }))
                .onFailure(ProblemException.class).recoverWithUni(e -> isNotFound(e) ? Uni.createFrom().item(false)
                        : Uni.createFrom().failure(e));
    }

    private <T> Uni<T> guard(Uni<T> call) {
        return DependencyCalls.guard(call, "keycloak", timeout)
                .onFailure(WebApplicationException.class).transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return status == 404 ? ProblemException.notFound("the user's identity")
                            : new ProblemException(502, "Identity provider refused", "Keycloak answered " + status);
                });
    }

    private static boolean isNotFound(Throwable e) {
        return e instanceof ProblemException p && p.status() == 404;
    }
}
