package dev.orgplatform.billing.messaging;

import java.util.List;
import java.util.UUID;

/** The events billing-service publishes on {@value #TOPIC} (schemas in README.md, "Events"). */
public final class BillingEvents {

    public static final String TOPIC = "billing";

    private BillingEvents() {
    }

    public static String subject(UUID organizationId) {
        return "billing-accounts/" + organizationId;
    }

    public record BillingAccountOpened(UUID organizationId, UUID billingOrganizationId, String plan) {
    }

    public record PlanChanged(UUID organizationId, String previousPlan, String plan) {
    }

    /** {@code limit} null = unlimited. */
    public record LimitChanged(UUID organizationId, String resource, Long previousLimit, Long limit) {
    }


    public record AlertThresholdsChanged(UUID organizationId, List<Integer> thresholds) {
    }

    /** The payment method's reference stays out of events. */
    public record BillingSettingsChanged(UUID organizationId, String billingEmail, String paymentMethodType) {
    }

    public record BalanceChanged(UUID organizationId, long previousCents, long outstandingCents) {
    }
}
