package dev.orgplatform.billing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.ResourceQuota;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ResourceQuotaRepository implements PanacheRepositoryBase<ResourceQuota, ResourceQuota.Key> {

    /**
     * Takes {@code amount} units if they fit, in one statement: concurrent reservations serialize on the row,
     * so the limit holds exactly. Emits whether the units were taken.
     */
    public Uni<Boolean> take(UUID organizationId, LimitedResource resource, long amount) {
        return update("used = used + ?1 where organizationId = ?2 and resource = ?3 and (limitValue is null or used + ?1 <= limitValue)",
                amount, organizationId, resource).map(rows -> rows == 1);
    }

    public Uni<Integer> giveBack(UUID organizationId, LimitedResource resource, long amount) {
        return update("used = greatest(used - ?1, 0) where organizationId = ?2 and resource = ?3", amount, organizationId, resource);
    }

    public Uni<List<ResourceQuota>> ofOrganization(UUID organizationId) {
        return list("organizationId = ?1 order by resource", organizationId);
    }
}
