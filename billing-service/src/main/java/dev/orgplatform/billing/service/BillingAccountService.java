package dev.orgplatform.billing.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.Plan;
import dev.orgplatform.billing.ResourceQuota;
import dev.orgplatform.billing.messaging.BillingEvents;
import dev.orgplatform.billing.repository.BillingAccountRepository;
import dev.orgplatform.billing.repository.ResourceQuotaRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BillingAccountService {

    static final String ORGANIZATIONS_CONSUMER = "billing-service/organizations";

    private final BillingAccountRepository accounts;
    private final ResourceQuotaRepository quotas;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final PlatformClock clock;

    public BillingAccountService(BillingAccountRepository accounts, ResourceQuotaRepository quotas, ProcessedEvents processed,
            Outbox outbox, PlatformClock clock) {
        this.accounts = accounts;
        this.quotas = quotas;
        this.processed = processed;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A new organization starts on the Free plan with the default limits. Exactly once per event. */
    @WithTransaction
    public Uni<Boolean> openAccount(InboundEvent event, UUID organizationId, String ownerEmail) {
        return processed.once(ORGANIZATIONS_CONSUMER, event, () -> {
            BillingAccount account = new BillingAccount();
            account.organizationId = organizationId;
            account.plan = Plan.FREE;
            account.billingEmail = ownerEmail;
            account.createdAt = clock.now();
            return accounts.persist(account)
                    .chain(() -> Multi.createFrom().items(LimitedResource.values())
                            .onItem().transformToUniAndConcatenate(r -> quotas.persist(defaultQuota(organizationId, r)))
                            .collect().last())
                    .chain(() -> outbox.publish(BillingEvents.TOPIC, "BillingAccountOpened", organizationId,
                            "billing-accounts/" + organizationId, new BillingEvents.BillingAccountOpened(organizationId, Plan.FREE.name())));
        });
    }

    @WithSession
    public Uni<BillingAccount> account(UUID organizationId) {
        return accounts.findById(organizationId).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("billing account of organization " + organizationId);
            }
            return a;
        });
    }

    @WithSession
    public Uni<List<ResourceQuota>> quotas(UUID organizationId) {
        return quotas.ofOrganization(organizationId);
    }

    private static ResourceQuota defaultQuota(UUID organizationId, LimitedResource resource) {
        ResourceQuota q = new ResourceQuota();
        q.organizationId = organizationId;
        q.resource = resource;
        q.limitValue = resource.defaultLimit();
        q.used = 0;
        return q;
    }
}
