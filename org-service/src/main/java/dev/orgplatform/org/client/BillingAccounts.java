package dev.orgplatform.org.client;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.org.config.DependencyConfig;
import dev.orgplatform.platform.client.DependencyCalls;
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
}
