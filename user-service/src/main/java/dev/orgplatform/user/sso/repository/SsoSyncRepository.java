package dev.orgplatform.user.sso.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Which organizations' SSO Keycloak still has to catch up with: {@code wanted} counts changes, {@code done} the synced one. */
@ApplicationScoped
public class SsoSyncRepository {

    public record Behind(UUID organizationId, long wanted) {
    }

    /** One more change to bring into Keycloak (inside the change's transaction). */
    public Uni<Void> changed(UUID organizationId, Instant at) {
        return session().chain(s -> s.createNativeQuery("""
                insert into sso_sync (organization_id, wanted, done, updated_at) values (?1, 1, 0, ?2)
                on conflict (organization_id) do update set wanted = sso_sync.wanted + 1, updated_at = ?2""")
                .setParameter(1, organizationId).setParameter(2, at).executeUpdate()).replaceWithVoid();
    }

    public Uni<Long> wanted(UUID organizationId) {
        return session().chain(s -> s.createNativeQuery("select wanted from sso_sync where organization_id = ?1", Long.class)
                .setParameter(1, organizationId).getResultList())
                .map(rows -> rows.isEmpty() ? 0L : rows.get(0));
    }

    /** How far Keycloak is with the organization: in step, or behind with the last error. */
    public record State(boolean inStep, String lastError) {
    }

    @SuppressWarnings("unchecked")
    public Uni<State> state(UUID organizationId) {
        return session().chain(s -> s.createNativeQuery("select wanted, done, last_error from sso_sync where organization_id = ?1",
                Object[].class).setParameter(1, organizationId).getResultList())
                .map(rows -> rows.isEmpty() ? new State(true, null) : new State(((Number) ((Object[]) rows.get(0))[1]).longValue()
                        >= ((Number) ((Object[]) rows.get(0))[0]).longValue(), (String) ((Object[]) rows.get(0))[2]));
    }

    /**
     * Up to {@code limit} organizations Keycloak is behind on since before {@code changedBefore} (a change newer than
     * that is still being synced by the request that made it), those waiting longest first.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<Behind>> behind(int limit, Instant changedBefore) {
        return session().chain(s -> s.createNativeQuery(
                "select organization_id, wanted from sso_sync where done < wanted and updated_at < ?2 order by updated_at limit ?1",
                Object[].class).setParameter(1, limit).setParameter(2, changedBefore).getResultList())
                .map(rows -> ((List<Object[]>) (List<?>) rows).stream().map(r -> new Behind((UUID) r[0], ((Number) r[1]).longValue())).toList());
    }

    public Uni<Void> done(UUID organizationId, long wanted) {
        return session().chain(s -> s.createNativeQuery(
                "update sso_sync set done = greatest(done, ?2), last_error = null where organization_id = ?1")
                .setParameter(1, organizationId).setParameter(2, wanted).executeUpdate()).replaceWithVoid();
    }

    /** A failed sync: kept behind, retried after the others waiting (its time moves to now). */
    public Uni<Void> failed(UUID organizationId, String error, Instant at) {
        return session().chain(s -> s.createNativeQuery(
                "update sso_sync set last_error = left(?2, 500), updated_at = ?3 where organization_id = ?1")
                .setParameter(1, organizationId).setParameter(2, error).setParameter(3, at).executeUpdate()).replaceWithVoid();
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
