package dev.orgplatform.billing.service;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.AccountState;
import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.Plan;
import dev.orgplatform.billing.Reservation;
import dev.orgplatform.billing.ReservationState;
import dev.orgplatform.billing.ResourceQuota;
import dev.orgplatform.billing.messaging.BillingEvents;
import dev.orgplatform.billing.messaging.OrganizationEvent;
import dev.orgplatform.billing.repository.BillingAccountRepository;
import dev.orgplatform.billing.repository.ReservationRepository;
import dev.orgplatform.billing.repository.ResourceQuotaRepository;
import dev.orgplatform.billing.repository.UsageAlertRepository;
import dev.orgplatform.platform.client.ReservationKeys;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Billing accounts follow org-service's organizations: opened with them, paused, restored and purged with them. */
@ApplicationScoped
public class BillingAccountService {

    static final String ORGANIZATIONS_CONSUMER = "billing-service/organizations";

    public static final Set<String> FOLLOWED_ORGANIZATION_EVENTS = Set.of(EventTypes.ORGANIZATION_CREATED, EventTypes.ORGANIZATION_SETTINGS_CHANGED,
            EventTypes.ORGANIZATION_DELETION_SCHEDULED, EventTypes.ORGANIZATION_RESTORED, EventTypes.ORGANIZATION_PURGED);

    private final BillingAccountRepository accounts;
    private final ResourceQuotaRepository quotas;
    private final ReservationRepository reservations;
    private final UsageAlertRepository alerts;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final PlatformClock clock;
    private final QuotaService quotaService;

    public BillingAccountService(BillingAccountRepository accounts, ResourceQuotaRepository quotas, ReservationRepository reservations,
            UsageAlertRepository alerts, ProcessedEvents processed, Outbox outbox, PlatformClock clock, QuotaService quotaService) {
        this.accounts = accounts;
        this.quotas = quotas;
        this.reservations = reservations;
        this.alerts = alerts;
        this.processed = processed;
        this.outbox = outbox;
        this.clock = clock;
        this.quotaService = quotaService;
    }

    /** Applies one organization event, exactly once. */
    @WithTransaction
    public Uni<Boolean> follow(InboundEvent event, OrganizationEvent data) {
        return processed.once(ORGANIZATIONS_CONSUMER, event, () -> switch (event.type()) {
            case EventTypes.ORGANIZATION_CREATED -> open(data).chain(() -> subOrganizationRecorded(data));
            case EventTypes.ORGANIZATION_SETTINGS_CHANGED -> billingContact(data);
            case EventTypes.ORGANIZATION_DELETION_SCHEDULED -> state(data.organizationId(), AccountState.PENDING_DELETION);
            case EventTypes.ORGANIZATION_RESTORED -> state(data.organizationId(), AccountState.ACTIVE);
            case EventTypes.ORGANIZATION_PURGED -> purge(data.organizationId());
            default -> Uni.createFrom().voidItem();
        });
    }

    /**
     * A new root organization starts on the Free plan with its limits, and its Owner takes its first seat at once (key
     * {@code owner:<orgId>}), so {@code users} starts at 1. A sub-organization draws on its root's plan and limits.
     */
    private Uni<Void> open(OrganizationEvent created) {
        UUID org = created.organizationId();
        boolean root = created.parentId() == null;
        boolean ownerSeat = root && created.ownerId() != null;
        BillingAccount account = new BillingAccount();
        account.organizationId = org;
        account.billingRootId = root ? org : created.rootId();
        account.plan = Plan.FREE;
        account.state = AccountState.ACTIVE;
        account.billingEmail = created.ownerEmail();
        account.alertThresholds = BillingAccount.DEFAULT_THRESHOLDS;
        account.createdAt = clock.now();
        account.updatedAt = account.createdAt;
        return accounts.findById(org).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                : accounts.persist(account)
                        .chain(() -> Multi.createFrom().items(LimitedResource.values())
                                .onItem().transformToUniAndConcatenate(r -> quotas.persist(quota(account, r, ownerSeat && r == LimitedResource.USERS ? 1 : 0)))
                                .collect().last())
                        .chain(() -> ownerSeat ? reservations.persist(ownerSeat(org, created.ownerId())).replaceWithVoid() : Uni.createFrom().voidItem())
                        .chain(() -> outbox.publish(BillingEvents.TOPIC, EventTypes.BILLING_ACCOUNT_OPENED, org, BillingEvents.subject(org),
                                new BillingEvents.BillingAccountOpened(org, account.billingRootId, Plan.FREE.name()))));
    }

    /**
     * A sub-organization exists: the unit of its tree's subOrganizations that org-service reserved for it is committed,
     * whether or not org-service's own commit call got through.
     */
    private Uni<Void> subOrganizationRecorded(OrganizationEvent created) {
        if (created.reservationId() == null) {
            return Uni.createFrom().voidItem();
        }
        return reservations.locked(created.reservationId())
                .chain(r -> r == null ? Uni.createFrom().voidItem() : quotaService.confirm(r).replaceWithVoid());
    }

    /** The organization's billing contact is where usage alerts go. */
    private Uni<Void> billingContact(OrganizationEvent changed) {
        if (changed.billingContactEmail() == null) {
            return Uni.createFrom().voidItem();
        }
        return accounts.findById(changed.organizationId()).invoke(a -> {
            if (a != null && !changed.billingContactEmail().equalsIgnoreCase(String.valueOf(a.billingEmail))) {
                a.billingEmail = changed.billingContactEmail();
                a.updatedAt = clock.now();
            }
        }).replaceWithVoid();
    }

    private Uni<Void> state(UUID organizationId, AccountState state) {
        return accounts.findById(organizationId).invoke(a -> {
            if (a != null && a.state != state) {
                a.state = state;
                a.updatedAt = clock.now();
            }
        }).replaceWithVoid();
    }

    /** Purged for good: nothing of the organization stays in billing, and its unit of its tree's subOrganizations is free. */
    private Uni<Void> purge(UUID organizationId) {
        return reservations.heldAnywhereBy(LimitedResource.SUB_ORGANIZATIONS, ReservationKeys.subOrganization(organizationId))
                .chain(held -> Multi.createFrom().iterable(held).onItem().transformToUniAndConcatenate(quotaService::giveBack)
                        .collect().asList())
                .chain(() -> reservations.deleteOfOrganization(organizationId))
                .chain(() -> alerts.deleteOfOrganization(organizationId))
                .chain(() -> quotas.deleteOfOrganization(organizationId))
                .chain(() -> accounts.deleteOfOrganization(organizationId))
                .replaceWithVoid();
    }

    /** The account, unless absent or pending deletion (404). */
    @WithSession
    public Uni<BillingAccount> account(UUID organizationId) {
        return accounts.active(organizationId);
    }

    /** The limits of the organization's tree (its root's), the tree's usage and the organization's own. */
    @WithSession
    public Uni<TreeLimits> limits(BillingAccount account) {
        return accounts.rootOf(account).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("billing account of organization " + account.billingRootId + ", the root of organization "
                        + account.organizationId);
            }
            return quotas.ofOrganization(r.organizationId)
                    .chain(rootQuotas -> quotas.treeUsed(r.organizationId)
                            .chain(treeUsed -> (account.isRoot() ? Uni.createFrom().item(rootQuotas) : quotas.ofOrganization(account.organizationId))
                                    .map(own -> new TreeLimits(account, r, rootQuotas, treeUsed, own))));
        });
    }

    private Reservation ownerSeat(UUID organizationId, UUID ownerId) {
        Reservation r = new Reservation();
        r.id = UUID.randomUUID();
        r.organizationId = organizationId;
        r.resource = LimitedResource.USERS;
        r.amount = 1;
        r.idempotencyKey = ReservationKeys.owner(organizationId);
        r.holder = ReservationKeys.member(ownerId);
        r.state = ReservationState.COMMITTED;
        r.createdAt = clock.now();
        r.expiresAt = r.createdAt;
        return r;
    }

    /** A sub-organization's row only counts its own usage: its root's limit applies. */
    private static ResourceQuota quota(BillingAccount account, LimitedResource resource, long used) {
        ResourceQuota q = new ResourceQuota();
        q.organizationId = account.organizationId;
        q.resource = resource;
        q.limitValue = account.isRoot() ? Plan.FREE.limit(resource) : null;
        q.used = used;
        q.custom = false;
        return q;
    }
}
