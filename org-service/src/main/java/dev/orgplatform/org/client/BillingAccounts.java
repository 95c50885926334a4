package dev.orgplatform.org.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.org.config.DependencyConfig;
import dev.orgplatform.platform.client.DependencyCalls;
import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** billing-service's answers org-service needs, bounded in time (503 problem when it is down). */
@ApplicationScoped
public class BillingAccounts {

    private final BillingServiceApi api;
    private final Duration timeout;

    public BillingAccounts(@RestClient BillingServiceApi api, DependencyConfig config) {
        this.api = api;
        this.timeout = config.timeout();
    }

    /** An organization billing-service keeps no account for (a sub-organization) has nothing counted against it. */
    public Uni<BillingServiceApi.DeletionPreconditions> deletionPreconditions(UUID organizationId) {
        Uni<BillingServiceApi.DeletionPreconditions> call = api.deletionPreconditions(organizationId)
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                .recoverWithItem(new BillingServiceApi.DeletionPreconditions(0, 0, 0, true, List.of()));
        return DependencyCalls.guard(call, "billing-service", timeout);
    }

    /**
     * Refuses {@code what} (409 "Not in plan", naming the plan and the first one that includes it) unless the plan of
     * the tree of {@code organizationId} includes {@code feature}.
     */
    public Uni<Void> requireFeature(UUID organizationId, String feature, String what) {
        return DependencyCalls.guard(api.planOfTree(organizationId), "billing-service", timeout).invoke(tree -> {
            if (tree.features() == null || !tree.features().contains(feature)) {
                String from = tree.featuresFrom() == null ? null : tree.featuresFrom().get(feature);
                throw new ProblemException(409, "Not in plan", "the " + tree.plan() + " plan of root organization "
                        + tree.billingOrganizationId() + " does not include " + feature + " (" + what + ")"
                        + (from == null ? "" : "; " + from + " and higher do") + ": change the plan first", null,
                        from == null ? Map.of("plan", tree.plan(), "feature", feature)
                                : Map.of("plan", tree.plan(), "feature", feature, "includedFrom", from));
            }
        }).replaceWithVoid();
    }
}
