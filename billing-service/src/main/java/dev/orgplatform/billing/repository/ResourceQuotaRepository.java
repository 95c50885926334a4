package dev.orgplatform.billing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.ResourceQuota;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Usage and limits change only through single-statement updates here (never by flushing a loaded entity, which
 * would write back a stale {@code used}): concurrent changes serialize on the row, so a limit holds exactly.
 */
@ApplicationScoped
public class ResourceQuotaRepository implements PanacheRepositoryBase<ResourceQuota, ResourceQuota.Key> {

    /** The current usage and limit (null = unlimited) of one resource, read fresh from the database. */
    public record Usage(long used, Long limit) {
    }

    /** Takes {@code amount} units if they fit, in one statement. Emits whether the units were taken. */
    public Uni<Boolean> take(UUID organizationId, LimitedResource resource, long amount) {
        return update("used = used + ?1 where organizationId = ?2 and resource = ?3 and (limitValue is null or used + ?1 <= limitValue)",
                amount, organizationId, resource).map(rows -> rows == 1);
    }

    public Uni<Integer> giveBack(UUID organizationId, LimitedResource resource, long amount) {
        return update("used = greatest(used - ?1, 0) where organizationId = ?2 and resource = ?3", amount, organizationId, resource);
    }

    /**
     * Sets the limit unless more is already used than it allows. Emits false when usage is above it (or the
     * quota does not exist).
     */
    public Uni<Boolean> setLimit(UUID organizationId, LimitedResource resource, Long limit, boolean custom) {
        Uni<Integer> rows = limit == null
                ? update("limitValue = null, custom = ?1 where organizationId = ?2 and resource = ?3", custom, organizationId, resource)
                : update("limitValue = ?1, custom = ?2 where organizationId = ?3 and resource = ?4 and used <= ?1", limit, custom,
                        organizationId, resource);
        return rows.map(r -> r == 1);
    }

    public Uni<Usage> usage(UUID organizationId, LimitedResource resource) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select used, limitValue from ResourceQuota where organizationId = ?1 and resource = ?2", Object[].class)
                .setParameter(1, organizationId).setParameter(2, resource).getSingleResultOrNull())
                .map(row -> row == null ? null : new Usage((Long) row[0], (Long) row[1]));
    }

    public Uni<List<ResourceQuota>> ofOrganization(UUID organizationId) {
        return list("organizationId = ?1 order by resource", organizationId);
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }
}
