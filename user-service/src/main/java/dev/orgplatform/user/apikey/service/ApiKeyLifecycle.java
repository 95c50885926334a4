package dev.orgplatform.user.apikey.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import dev.orgplatform.user.apikey.repository.ApiKeyPolicyRepository;
import dev.orgplatform.user.apikey.repository.ApiKeyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What happens to API keys when their organization's policy or lifecycle changes. Only the database is written
 * here: every replica's registry follows from the change feed. (An organization pending deletion needs nothing
 * here: its keys are refused at verification while the access view shows it unavailable.)
 */
@ApplicationScoped
public class ApiKeyLifecycle {

    static final String CONSUMER = "user-service/organization-policies";

    private final ApiKeyPolicyRepository policies;
    private final ApiKeyRepository keys;
    private final ProcessedEvents processed;

    public ApiKeyLifecycle(ApiKeyPolicyRepository policies, ApiKeyRepository keys, ProcessedEvents processed) {
        this.policies = policies;
        this.keys = keys;
        this.processed = processed;
    }

    /** The cap is set only by an event newer than the one that set it last. */
    @WithTransaction
    public Uni<Boolean> capChanged(InboundEvent event, UUID organizationId, Integer maxLifetimeDays) {
        return processed.once(CONSUMER, event, () -> policies.setCap(organizationId, maxLifetimeDays, event.sequence()));
    }

    @WithTransaction
    public Uni<Boolean> purgeKeys(InboundEvent event, UUID organizationId) {
        return processed.once(CONSUMER, event, () -> keys.deleteOfOrganization(organizationId)
                .chain(() -> policies.deleteOfOrganization(organizationId)));
    }
}
