package dev.orgplatform.user.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import dev.orgplatform.user.ApiKeyPolicy;
import dev.orgplatform.user.repository.ApiKeyPolicyRepository;
import dev.orgplatform.user.repository.ApiKeyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What happens to API keys when their organization's policy or lifecycle changes. */
@ApplicationScoped
public class ApiKeyLifecycle {

    static final String CONSUMER = "user-service/organization-policies";

    private final ApiKeyPolicyRepository policies;
    private final ApiKeyRepository keys;
    private final ApiKeyRegistry registry;
    private final ProcessedEvents processed;

    public ApiKeyLifecycle(ApiKeyPolicyRepository policies, ApiKeyRepository keys, ApiKeyRegistry registry,
            ProcessedEvents processed) {
        this.policies = policies;
        this.keys = keys;
        this.registry = registry;
        this.processed = processed;
    }

    @WithTransaction
    public Uni<Boolean> capChanged(InboundEvent event, UUID organizationId, Integer maxLifetimeDays) {
        return processed.once(CONSUMER, event, () -> policies.findById(organizationId).chain(p -> {
            ApiKeyPolicy policy = p != null ? p : new ApiKeyPolicy();
            policy.organizationId = organizationId;
            policy.maxLifetimeDays = maxLifetimeDays;
            return policies.persist(policy);
        }));
    }

    /** Pending deletion: its keys stop working at once (they come back on restore). */
    public Uni<Boolean> suspendKeys(InboundEvent event, UUID organizationId) {
        registry.removeOrganization(organizationId);
        return Uni.createFrom().item(true);
    }

    public Uni<Boolean> restoreKeys(InboundEvent event, UUID organizationId) {
        return liveKeys(organizationId).invoke(all -> all.forEach(registry::put)).replaceWith(true);
    }

    @WithTransaction
    public Uni<Boolean> purgeKeys(InboundEvent event, UUID organizationId) {
        registry.removeOrganization(organizationId);
        return processed.once(CONSUMER, event, () -> keys.delete("organizationId", organizationId)
                .chain(() -> policies.delete("organizationId", organizationId)));
    }

    @WithTransaction
    Uni<java.util.List<dev.orgplatform.user.ApiKey>> liveKeys(UUID organizationId) {
        return keys.list("organizationId = ?1 and revokedAt is null", organizationId);
    }
}
