package dev.orgplatform.billing.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.AccountState;
import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BillingAccountRepository implements PanacheRepositoryBase<BillingAccount, UUID> {

    /** The account of an organization that is not pending deletion; otherwise a 404 problem, as if absent. */
    public Uni<BillingAccount> active(UUID organizationId) {
        return findById(organizationId).map(a -> {
            if (a == null || a.state != AccountState.ACTIVE) {
                throw ProblemException.notFound("billing account of organization " + organizationId);
            }
            return a;
        });
    }

    /** The account of the root of {@code account}'s tree (itself for a root); null when the root has none (yet). */
    public Uni<BillingAccount> rootOf(BillingAccount account) {
        return account.isRoot() ? Uni.createFrom().item(account) : findById(account.billingRootId);
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }
}
