package dev.orgplatform.user.session.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.client.Keycloak;
import dev.orgplatform.user.client.KeycloakAdminApi;
import io.smallrye.mutiny.Uni;

/** A user's Keycloak sessions; who may see and end them is asked at the gate before. */
@ApplicationScoped
public class SessionService {

    private final Keycloak keycloak;

    public SessionService(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    public Uni<List<KeycloakAdminApi.Session>> sessions(UUID userId) {
        return keycloak.sessions(userId);
    }

    /** Only a session of this user: 404 for any other id. */
    public Uni<Void> end(UUID userId, String sessionId) {
        return keycloak.sessions(userId).chain(all -> {
            if (all.stream().noneMatch(s -> s.id().equals(sessionId))) {
                throw ProblemException.notFound("session " + sessionId);
            }
            return keycloak.endSession(sessionId);
        });
    }

    public Uni<Void> endAll(UUID userId) {
        return keycloak.logoutAll(userId);
    }
}
