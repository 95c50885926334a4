package dev.orgplatform.user.apikey.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import dev.orgplatform.user.apikey.ApiKey;
import dev.orgplatform.user.apikey.ApiKeyPolicy;
import dev.orgplatform.user.apikey.repository.ApiKeyPolicyRepository;
import dev.orgplatform.user.apikey.repository.ApiKeyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
        return processed.once(CONSUMER, event, () -> keys.deleteOfOrganization(organizationId)
                .chain(() -> policies.deleteOfOrganization(organizationId)));
    }

    @WithSession
    Uni<List<ApiKey>> liveKeys(UUID organizationId) {
        return keys.liveOf(organizationId);
    }
}
