package dev.orgplatform.billing.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.billing.service.BillingAccountService;
import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.InboundEvent;
import io.smallrye.mutiny.Uni;

/** Follows org-service: every new organization gets a billing account. */
@ApplicationScoped
public class OrganizationEventsConsumer {

    private final BillingAccountService accounts;
    private final ObjectMapper json;

    public OrganizationEventsConsumer(BillingAccountService accounts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    @Incoming("organizations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        if (!"OrganizationCreated".equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        OrganizationEvent created = event.data(json, OrganizationEvent.class);
        event.require(created.organizationId(), "organizationId");
        return EventHandling.withRetries(() -> accounts.openAccount(event, created.organizationId(), created.ownerEmail()));
    }
}
