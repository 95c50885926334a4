package dev.orgplatform.billing.repository;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.ResourceQuota;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Usage and limits change only through single-statement updates here (never by flushing a loaded entity, which
 * would write back a stale {@code used}). A limit belongs to a tree's root and bounds the sum over the tree: every
 * change of a tree's usage of one resource first locks the root's row of that resource ({@link #lockTree}), so
 * changes serialize per tree and resource and a limit holds exactly. Root rows are always locked before the
 * organizations' own rows.
 */
@ApplicationScoped
public class ResourceQuotaRepository implements PanacheRepositoryBase<ResourceQuota, ResourceQuota.Key> {

    /** A tree's usage (summed over its organizations) and its limit (null = unlimited) of one resource. */
    public record Usage(long used, Long limit) {

        public boolean fits(long amount) {
            return limit == null || used + amount <= limit;
        }
    }

    /**
     * Locks the root's row of {@code resource} until the transaction ends, then reads the tree's usage: no other
     * change of it can interleave. Emits null when the root has no account (yet).
     */
    public Uni<Usage> lockTree(UUID rootId, LimitedResource resource) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select organizationId, limitValue from ResourceQuota where organizationId = ?1 and resource = ?2", Object[].class)
                .setParameter(1, rootId).setParameter(2, resource).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResultOrNull())
                .chain(row -> row == null ? Uni.createFrom().nullItem()
                        : treeUsed(rootId, resource).map(used -> new Usage(used, (Long) row[1])));
    }

    /** The tree's usage, read fresh (not locked: for display and alerts). Null when the root has no account. */
    public Uni<Usage> treeUsage(UUID rootId, LimitedResource resource) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select limitValue from ResourceQuota where organizationId = ?1 and resource = ?2", Long.class)
                .setParameter(1, rootId).setParameter(2, resource).getResultList())
                .chain(limit -> limit.isEmpty() ? Uni.createFrom().nullItem() : treeUsed(rootId, resource).map(used -> new Usage(used, limit.get(0))));
    }

    /** Every resource's usage summed over the tree of {@code rootId}. */
    public Uni<Map<LimitedResource, Long>> treeUsed(UUID rootId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select q.resource, coalesce(sum(q.used), 0) from ResourceQuota q "
                + "join BillingAccount a on a.organizationId = q.organizationId where a.billingRootId = ?1 group by q.resource",
                Object[].class).setParameter(1, rootId).getResultList())
                .map(rows -> {
                    Map<LimitedResource, Long> used = new EnumMap<>(LimitedResource.class);
                    rows.forEach(row -> used.put((LimitedResource) row[0], ((Number) row[1]).longValue()));
                    return used;
                });
    }

    private Uni<Long> treeUsed(UUID rootId, LimitedResource resource) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select coalesce(sum(q.used), 0) from ResourceQuota q "
                + "join BillingAccount a on a.organizationId = q.organizationId where a.billingRootId = ?1 and q.resource = ?2", Long.class)
                .setParameter(1, rootId).setParameter(2, resource).getSingleResult());
    }

    /** Adds to an organization's own usage; call with its tree locked, after checking the units fit. */
    public Uni<Integer> add(UUID organizationId, LimitedResource resource, long amount) {
        return update("used = used + ?1 where organizationId = ?2 and resource = ?3", amount, organizationId, resource);
    }

    /** Call with the organization's tree locked. */
    public Uni<Integer> giveBack(UUID organizationId, LimitedResource resource, long amount) {
        return update("used = greatest(used - ?1, 0) where organizationId = ?2 and resource = ?3", amount, organizationId, resource);
    }

    /** Sets a root's limit; call with its tree locked, after checking the tree's usage is within it. */
    public Uni<Integer> setLimit(UUID rootId, LimitedResource resource, Long limit, boolean custom) {
        return limit == null ? update("limitValue = null, custom = ?1 where organizationId = ?2 and resource = ?3", custom, rootId, resource)
                : update("limitValue = ?1, custom = ?2 where organizationId = ?3 and resource = ?4", limit, custom, rootId, resource);
    }

    public Uni<List<ResourceQuota>> ofOrganization(UUID organizationId) {
        return list("organizationId = ?1 order by resource", organizationId);
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }
}
