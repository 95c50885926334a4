package dev.orgplatform.billing.rest;

import java.util.UUID;

public record BillingSettingsResponse(UUID organizationId, String billingEmail, BillingSettingsRequest.PaymentMethod paymentMethod,
        long outstandingCents) {
}
