package dev.orgplatform.user.audit.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.events.Watermark;
import dev.orgplatform.user.audit.service.AuditLog;
import io.smallrye.mutiny.Uni;

/** Every event of every service's topic becomes one audit entry (deduplicated by event id). */
@ApplicationScoped
public class AuditEventsConsumer {

    private final AuditLog audit;
    private final EventHandling handling;

    public AuditEventsConsumer(AuditLog audit, EventHandling handling) {
        this.audit = audit;
        this.handling = handling;
    }

    @Incoming("audit")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        if (Watermark.is(event)) {
            return Uni.createFrom().voidItem(); // says nothing anyone did
        }
        if (EventTypes.ORGANIZATION_PURGED.equals(event.type())) {
            return handling.withRetries(event, () -> audit.purge(event.require(event.organizationId(), "key")));
        }
        return handling.withRetries(event, () -> audit.record(event.envelope()));
    }
}
