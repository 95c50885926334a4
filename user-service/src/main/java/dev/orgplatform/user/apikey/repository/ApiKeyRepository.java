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

    /**
     * Adds {@code uses} to the key's count and moves its last use forward to {@code at} (never back): every replica
     * writes back its own counts, and their batches may cross.
     */
    public Uni<Integer> recordUse(UUID keyId, long uses, Instant at) {
        return update("useCount = useCount + ?1, lastUsedAt = case when lastUsedAt is null or lastUsedAt < ?2 then ?2 "
                + "else lastUsedAt end where id = ?3", uses, at, keyId);
    }

    /** The live (not revoked) keys of {@code userId} in the organization, in id order (the lock order of key writers). */
    public Uni<List<ApiKey>> liveOf(UUID organizationId, UUID userId) {
        return list("organizationId = ?1 and userId = ?2 and revokedAt is null order by id", organizationId, userId);
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }
}
