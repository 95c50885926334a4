package dev.orgplatform.billing.service;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.Plan;
import dev.orgplatform.billing.PlanFeature;
import dev.orgplatform.billing.ResourceQuota;
import dev.orgplatform.billing.messaging.BillingEvents;
import dev.orgplatform.billing.repository.BillingAccountRepository;
import dev.orgplatform.billing.repository.ReservationRepository;
import dev.orgplatform.billing.repository.ResourceQuotaRepository;
import dev.orgplatform.platform.client.ReservationKeys;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Plans and limits, set at a tree's root ({@link BilledAtRoot}): a plan sets every limit that was not set by hand; a
 * custom limit goes up to the resource's maximum. No limit is ever set below what the tree already uses (409): usage
 * never exceeds a limit.
 */
@ApplicationScoped
public class PlanService {

    private final BillingAccountRepository accounts;
    private final ResourceQuotaRepository quotas;
    private final ReservationRepository reservations;
    private final UsageAlerts alerts;
    private final Outbox outbox;
    private final PlatformClock clock;

    public PlanService(BillingAccountRepository accounts, ResourceQuotaRepository quotas, ReservationRepository reservations,
            UsageAlerts alerts, Outbox outbox, PlatformClock clock) {
        this.accounts = accounts;
        this.quotas = quotas;
        this.reservations = reservations;
        this.alerts = alerts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Emits the account on its new plan; the same plan again changes nothing. */
    @WithTransaction
    public Uni<BillingAccount> changePlan(UUID organizationId, Plan plan, String ifMatch) {
        return accounts.active(organizationId).chain(account -> {
            BilledAtRoot.require(account, "plan");
            Versions.requireMatch(ifMatch, account.version);
            if (account.plan == plan) {
                return Uni.createFrom().item(account);
            }
            Plan previous = account.plan;
            account.plan = plan;
            account.updatedAt = clock.now();
            return quotas.ofOrganization(organizationId)
                    .chain(current -> Multi.createFrom().iterable(current).filter(q -> !q.custom)
                            .filter(q -> !Objects.equals(q.limitValue, plan.limit(q.resource)))
                            .onItem().transformToUniAndConcatenate(q -> setLimit(account, q, plan.limit(q.resource), false))
                            .collect().asList())
                    .chain(() -> outbox.publish(BillingEvents.TOPIC, EventTypes.PLAN_CHANGED, organizationId, BillingEvents.subject(organizationId),
                            new BillingEvents.PlanChanged(organizationId, previous.name(), plan.name())))
                    .chain(() -> alerts.evaluateAll(account))
                    .replaceWith(account);
        });
    }

    /** A limit set by hand, between 0 and the resource's maximum; plan changes leave it alone. */
    @WithTransaction
    public Uni<BillingAccount> setCustomLimit(UUID organizationId, LimitedResource resource, long limit, String ifMatch) {
        limitable(resource);
        if (resource.maximum() != null && limit > resource.maximum()) {
            throw ProblemException.badField("limit", "the most " + resource.key() + " can be raised to is " + resource.maximum());
        }
        return changeLimit(organizationId, resource, ifMatch, a -> limit, true);
    }

    /** Back to the plan's limit. */
    @WithTransaction
    public Uni<BillingAccount> resetLimit(UUID organizationId, LimitedResource resource, String ifMatch) {
        limitable(resource);
        return changeLimit(organizationId, resource, ifMatch, a -> a.plan.limit(resource), false);
    }

    private Uni<BillingAccount> changeLimit(UUID organizationId, LimitedResource resource, String ifMatch,
            java.util.function.Function<BillingAccount, Long> limitOf, boolean custom) {
        return accounts.active(organizationId).chain(account -> {
            BilledAtRoot.require(account, "limits");
            Versions.requireMatch(ifMatch, account.version);
            account.updatedAt = clock.now();
            return quotas.findById(new ResourceQuota.Key(organizationId, resource))
                    .chain(q -> setLimit(account, q, limitOf.apply(account), custom))
                    .chain(() -> alerts.evaluate(account, resource))
                    .replaceWith(account);
        });
    }

    /** One limit of a root, atomically against concurrent reservations in its tree; publishes LimitChanged when it moved. */
    private Uni<Void> setLimit(BillingAccount account, ResourceQuota quota, Long limit, boolean custom) {
        UUID org = account.organizationId;
        Long previous = quota.limitValue;
        return quotas.lockTree(org, quota.resource).chain(usage -> {
            if (limit != null && usage.used() > limit && quota.resource == LimitedResource.SUB_ORGANIZATIONS) {
                return reservations.holdersInTree(org, quota.resource).chain(holders -> Uni.createFrom().<Void>failure(
                        PlanFeatures.stillUsed(account.plan, PlanFeature.SUB_ORGANIZATIONS, ReservationKeys.subOrganizations(holders))));
            }
            if (limit != null && usage.used() > limit) {
                throw new ProblemException(409, "Limit below usage", "the organization and its sub-organizations already use "
                        + usage.used() + " " + quota.resource.key() + ", more than " + limit + "; free some first", null,
                        java.util.Map.of("resource", quota.resource.key(), "used", usage.used(), "limit", limit));
            }
            return quotas.setLimit(org, quota.resource, limit, custom)
                    .chain(() -> Objects.equals(previous, limit) ? Uni.createFrom().voidItem()
                            : outbox.publish(BillingEvents.TOPIC, EventTypes.LIMIT_CHANGED, org, BillingEvents.subject(org),
                                    new BillingEvents.LimitChanged(org, quota.resource.key(), previous, limit)));
        });
    }

    private static void limitable(LimitedResource resource) {
        if (!resource.limited()) {
            throw ProblemException.badField("resource", resource == LimitedResource.SUB_ORGANIZATIONS
                    ? "subOrganizations come with the plan (" + Plan.lowestWith(PlanFeature.SUB_ORGANIZATIONS) + " and higher), never by hand"
                    : resource.key() + " is counted, not limited");
        }
    }

}
