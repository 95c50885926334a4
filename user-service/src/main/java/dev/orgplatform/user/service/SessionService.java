package dev.orgplatform.user.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.client.Keycloak;
import dev.orgplatform.user.client.KeycloakAdminApi;
import io.smallrye.mutiny.Uni;

/** A user's Keycloak sessions, seen and ended by the user themself or by an Admin of an organization they belong to. */
@ApplicationScoped
public class SessionService {

    private final Keycloak keycloak;
    private final SuspensionService authority;

    public SessionService(Keycloak keycloak, SuspensionService authority) {
        this.keycloak = keycloak;
        this.authority = authority;
    }

    public Uni<List<KeycloakAdminApi.Session>> sessions(UUID callerId, Boolean secondFactor, UUID userId) {
        return mayManage(callerId, secondFactor, userId).chain(() -> keycloak.sessions(userId));
    }

    public Uni<Void> end(UUID callerId, Boolean secondFactor, UUID userId, String sessionId) {
        return mayManage(callerId, secondFactor, userId).chain(() -> keycloak.sessions(userId))
                .chain(all -> {
                    if (all.stream().noneMatch(s -> s.id().equals(sessionId))) {
                        throw ProblemException.notFound("session " + sessionId);
                    }
                    return keycloak.endSession(sessionId);
                });
    }

    public Uni<Void> endAll(UUID callerId, Boolean secondFactor, UUID userId) {
        return mayManage(callerId, secondFactor, userId).chain(() -> keycloak.logoutAll(userId));
    }

    private Uni<Void> mayManage(UUID callerId, Boolean secondFactor, UUID userId) {
        return callerId.equals(userId) ? Uni.createFrom().voidItem()
                : authority.organizationManagedBy(callerId, secondFactor, userId).replaceWithVoid();
    }
}
