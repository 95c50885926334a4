package dev.orgplatform.billing.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.ResourceQuota;
import dev.orgplatform.billing.repository.BillingAccountRepository;
import dev.orgplatform.billing.repository.ResourceQuotaRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** What billing says about deleting an organization: no devices, no active deployments, nothing outstanding. */
@ApplicationScoped
public class DeletionPreconditions {

    public record Answer(long devices, long activeDeployments, long outstandingCents, boolean satisfied, List<String> blockers) {
    }

    private final BillingAccountRepository accounts;
    private final ResourceQuotaRepository quotas;

    public DeletionPreconditions(BillingAccountRepository accounts, ResourceQuotaRepository quotas) {
        this.accounts = accounts;
        this.quotas = quotas;
    }

    @WithSession
    public Uni<Answer> of(UUID organizationId) {
        return accounts.active(organizationId).chain(a -> quotas.ofOrganization(organizationId).map(all -> {
            long devices = used(all, LimitedResource.DEVICES);
            long deployments = used(all, LimitedResource.ACTIVE_DEPLOYMENTS);
            List<String> blockers = new ArrayList<>();
            if (devices > 0) {
                blockers.add(devices + " device(s) are counted for the organization; delete them first");
            }
            if (deployments > 0) {
                blockers.add(deployments + " deployment(s) are active; finish or cancel them first");
            }
            if (a.outstandingCents != 0) {
                blockers.add("an outstanding balance of " + a.outstandingCents + " cents is not settled");
            }
            return new Answer(devices, deployments, a.outstandingCents, blockers.isEmpty(), List.copyOf(blockers));
        }));
    }

    private static long used(List<ResourceQuota> all, LimitedResource resource) {
        return all.stream().filter(q -> q.resource == resource).mapToLong(q -> q.used).sum();
    }
}
