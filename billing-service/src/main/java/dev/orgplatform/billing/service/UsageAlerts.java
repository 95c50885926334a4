package dev.orgplatform.billing.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.messaging.BillingEvents;
import dev.orgplatform.billing.repository.ResourceQuotaRepository;
import dev.orgplatform.billing.repository.UsageAlertRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.UsageThresholdCrossed;
import dev.orgplatform.platform.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The usage-alert rule: a threshold is crossed when used reaches that percentage of the limit. Each crossing is
 * recorded and published once, on the tree's root, in the transaction that changed usage or limit; it re-arms when
 * usage falls below it again. Changes of one tree's resource serialize on its root's quota row (locked by the
 * change), so nothing is raised twice.
 */
@ApplicationScoped
public class UsageAlerts {

    private final ResourceQuotaRepository quotas;
    private final UsageAlertRepository alerts;
    private final Outbox outbox;
    private final PlatformClock clock;

    public UsageAlerts(ResourceQuotaRepository quotas, UsageAlertRepository alerts, Outbox outbox, PlatformClock clock) {
        this.quotas = quotas;
        this.alerts = alerts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Call inside the transaction that just changed the usage, the limit or the thresholds, with the tree's root
     * account: alerts are about the tree's usage against its limit.
     */
    public Uni<Void> evaluate(BillingAccount account, LimitedResource resource) {
        return quotas.treeUsage(account.organizationId, resource).chain(usage -> {
            if (usage == null) {
                return Uni.createFrom().voidItem();
            }
            List<Integer> crossed = crossed(account.alertThresholds, usage.used(), usage.limit());
            return alerts.rearmAllBut(account.organizationId, resource, crossed, clock.now())
                    .chain(() -> Multi.createFrom().iterable(crossed)
                            .onItem().transformToUniAndConcatenate(t -> raiseOnce(account, resource, t, usage.used(), usage.limit()))
                            .collect().last())
                    .replaceWithVoid();
        });
    }

    /** Every limited resource, e.g. after new thresholds or a new plan. */
    public Uni<Void> evaluateAll(BillingAccount account) {
        return Multi.createFrom().items(LimitedResource.values())
                .onItem().transformToUniAndConcatenate(r -> evaluate(account, r))
                .collect().last().replaceWithVoid();
    }

    /** The thresholds at or below the usage; none for an unlimited resource or a zero limit. */
    static List<Integer> crossed(List<Integer> thresholds, long used, Long limit) {
        if (limit == null || limit <= 0) {
            return List.of();
        }
        return thresholds.stream().filter(t -> used * 100 >= (long) t * limit).toList();
    }

    private Uni<Void> raiseOnce(BillingAccount account, LimitedResource resource, int threshold, long used, long limit) {
        return alerts.cross(account.organizationId, resource, threshold, used, limit, clock.now())
                .chain(isNew -> !isNew ? Uni.createFrom().voidItem()
                        : outbox.publish(BillingEvents.TOPIC, UsageThresholdCrossed.TYPE, account.organizationId,
                                BillingEvents.subject(account.organizationId),
                                new UsageThresholdCrossed(account.organizationId, resource.key(), threshold, used, limit)));
    }
}
