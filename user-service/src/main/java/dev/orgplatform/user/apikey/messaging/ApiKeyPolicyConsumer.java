package dev.orgplatform.user.apikey.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.events.Watermark;
import dev.orgplatform.user.apikey.service.ApiKeyLifecycle;
import io.smallrye.mutiny.Uni;

/**
 * Follows org-service for what API keys depend on: each organization's key lifetime cap, and its purge (which
 * deletes them). In a consumer group shared by the replicas: they all learn of it from the database's change feed.
 * Keys of an organization pending deletion stop working without anything done here: verification refuses them
 * while the access view shows the organization unavailable.
 */
@ApplicationScoped
public class ApiKeyPolicyConsumer {

    private final ApiKeyLifecycle lifecycle;
    private final ObjectMapper json;
    private final EventHandling handling;

    public ApiKeyPolicyConsumer(ApiKeyLifecycle lifecycle, ObjectMapper json, EventHandling handling) {
        this.lifecycle = lifecycle;
        this.json = json;
        this.handling = handling;
    }

    @Incoming("organization-policies")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        if (Watermark.is(event)) {
            return Uni.createFrom().voidItem(); // followed by the access view, not here
        }
        UUID organizationId = event.require(event.organizationId(), "key");
        return switch (event.type()) {
            case EventTypes.ORGANIZATION_SETTINGS_CHANGED -> {
                JsonNode cap = event.data(json, JsonNode.class).path("security").path("apiKeyMaxLifetimeDays");
                Integer days = cap.isNumber() ? cap.asInt() : null;
                yield handling.withRetries(event, () -> lifecycle.capChanged(event, organizationId, days));
            }
            case EventTypes.ORGANIZATION_PURGED -> handling.withRetries(event, () -> lifecycle.purgeKeys(event, organizationId));
            default -> Uni.createFrom().voidItem();
        };
    }
}
