package dev.orgplatform.billing.messaging;

import java.util.UUID;

/** The events billing-service publishes on {@value #TOPIC} (schemas in README.md, "Events"). */
public final class BillingEvents {

    public static final String TOPIC = "billing";

    private BillingEvents() {
    }

    public record BillingAccountOpened(UUID organizationId, String plan) {
    }
}
