package dev.orgplatform.billing.service;

import java.util.UUID;

import dev.orgplatform.billing.PaymentMethodType;

/** New billing settings, if {@code ifMatch} still names the account's version; {@code paymentMethodType} null = none. */
public record SettingsChange(UUID organizationId, String billingEmail, PaymentMethodType paymentMethodType,
        String paymentMethodReference, String ifMatch) {
}
