package dev.orgplatform.invitation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.invitation.service.OrganizationLifecycleService;
import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.InboundEvent;
import io.smallrye.mutiny.Uni;

/** Follows org-service's lifecycle: pending deletion, restored, purged. */
@ApplicationScoped
public class OrganizationEventsConsumer {

    private final OrganizationLifecycleService lifecycle;
    private final ObjectMapper json;
    private final EventHandling handling;

    public OrganizationEventsConsumer(OrganizationLifecycleService lifecycle, ObjectMapper json, EventHandling handling) {
        this.lifecycle = lifecycle;
        this.json = json;
        this.handling = handling;
    }

    @Incoming("organizations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        return switch (event.type()) {
            case EventTypes.ORGANIZATION_DELETION_SCHEDULED -> {
                var org = event.require(event.data(json, OrganizationEvent.class).organizationId(), "organizationId");
                yield handling.withRetries(event, () -> lifecycle.deletionScheduled(event, org));
            }
            case EventTypes.ORGANIZATION_RESTORED -> {
                var org = event.require(event.data(json, OrganizationEvent.class).organizationId(), "organizationId");
                yield handling.withRetries(event, () -> lifecycle.restored(event, org));
            }
            case EventTypes.ORGANIZATION_PURGED -> {
                var org = event.require(event.data(json, OrganizationEvent.class).organizationId(), "organizationId");
                yield handling.withRetries(event, () -> lifecycle.purged(event, org));
            }
            default -> Uni.createFrom().voidItem(); // other events of the topic are other services' concerns
        };
    }
}
