package dev.orgplatform.user.apikey.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.user.apikey.ApiKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    /** Every key not revoked (expired ones included: the registry refuses them by time). */
    public Uni<List<ApiKey>> live() {
        return list("revokedAt is null");
    }

    public Uni<List<ApiKey>> liveOf(UUID organizationId) {
        return list("organizationId = ?1 and revokedAt is null", organizationId);
    }

    /**
     * Up to {@code rows} keys of the organization in the order they were made (created-at, then id) after
     * {@code after}; only {@code owner}'s when it is not null.
     */
    public Uni<List<ApiKey>> page(UUID organizationId, UUID owner, Cursor.TimeAndId after, int rows) {
        StringBuilder where = new StringBuilder("organizationId = :org");
        Parameters params = Parameters.with("org", organizationId);
        if (owner != null) {
            where.append(" and userId = :user");
            params.and("user", owner);
        }
        if (after != null) {
            where.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            params.and("at", after.at()).and("id", after.id());
        }
        return find(where + " order by createdAt, id", params).range(0, rows - 1).list();
    }

    /** Moves the key's last use forward to {@code at} (never back: batches from several instances may cross). */
    public Uni<Integer> recordUse(UUID keyId, Instant at) {
        return update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?1)", at, keyId);
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }
}
