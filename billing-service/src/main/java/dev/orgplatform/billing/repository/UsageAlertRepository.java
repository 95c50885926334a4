package dev.orgplatform.billing.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.UsageAlert;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UsageAlertRepository implements PanacheRepositoryBase<UsageAlert, UUID> {

    /** Records a crossing unless the threshold is already crossed (not re-armed). Emits whether it is new. */
    public Uni<Boolean> cross(UUID organizationId, LimitedResource resource, int threshold, long used, long limit, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into usage_alert "
                + "(id, organization_id, resource, threshold_percent, used, limit_value, crossed_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                + "on conflict (organization_id, resource, threshold_percent) where rearmed_at is null do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, organizationId).setParameter(3, resource.name())
                .setParameter(4, threshold).setParameter(5, used).setParameter(6, limit).setParameter(7, now)
                .executeUpdate()).map(rows -> rows == 1);
    }

    /** Re-arms every crossed threshold of the resource but {@code stillCrossed}. */
    public Uni<Integer> rearmAllBut(UUID organizationId, LimitedResource resource, List<Integer> stillCrossed, Instant now) {
        return stillCrossed.isEmpty()
                ? update("rearmedAt = ?1 where organizationId = ?2 and resource = ?3 and rearmedAt is null", now, organizationId, resource)
                : update("rearmedAt = ?1 where organizationId = ?2 and resource = ?3 and rearmedAt is null and thresholdPercent not in ?4",
                        now, organizationId, resource, stillCrossed);
    }

    /** Crossings whose email is not sent yet, oldest first, locked (another instance skips them). */
    public Uni<List<UsageAlert>> unsent(int max) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("from UsageAlert where emailSentAt is null order by crossedAt",
                UsageAlert.class).setMaxResults(max).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList());
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }
}
