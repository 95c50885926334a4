package dev.orgplatform.user.sso.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.sso.SsoConnection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SsoConnectionRepository implements PanacheRepositoryBase<SsoConnection, UUID> {

    /** Live and deleted connections of the organization, oldest first. */
    public Uni<List<SsoConnection>> allOf(UUID organizationId) {
        return list("organizationId = ?1 order by createdAt, id", organizationId);
    }

    public Uni<List<SsoConnection>> liveOf(UUID organizationId) {
        return list("organizationId = ?1 and deletedAt is null order by createdAt, id", organizationId);
    }

    public Uni<SsoConnection> liveByAlias(String alias) {
        return find("alias = ?1 and deletedAt is null", alias).firstResult();
    }

    /** Records that sign-in {@code sessionId} was handled; emits false when it had been already. */
    public Uni<Boolean> firstHandling(String sessionId, UUID userId, UUID organizationId, java.time.Instant at) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createNativeQuery(
                "insert into sso_sign_in (session_id, user_id, organization_id, at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, sessionId).setParameter(2, userId).setParameter(3, organizationId).setParameter(4, at).executeUpdate())
                .map(n -> n > 0);
    }

    public Uni<Boolean> handled(String sessionId) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createNativeQuery(
                "select count(*) from sso_sign_in where session_id = ?1", Long.class).setParameter(1, sessionId).getSingleResult())
                .map(n -> n > 0);
    }

    /** Keycloak holds the secret now: forget it, unless the connection changed meanwhile (that sync carries the new one). */
    public Uni<Integer> forgetSecret(UUID connectionId, int version) {
        return update("pendingSecret = null where id = ?1 and version = ?2", connectionId, version);
    }
}
