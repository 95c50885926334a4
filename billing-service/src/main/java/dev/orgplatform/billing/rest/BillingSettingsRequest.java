package dev.orgplatform.billing.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.orgplatform.billing.PaymentMethodType;

/** {@code outstandingCents} is read-only here (operators set it through {@code PUT .../balance}). */
public record BillingSettingsRequest(@NotBlank @Email @Size(max = 320) String billingEmail, @Valid PaymentMethod paymentMethod) {

    /** A reference at the payment provider (e.g. a tokenized card id or a purchase order), never card data. */
    public record PaymentMethod(@NotNull PaymentMethodType type, @NotBlank @Size(max = 200) String reference) {
    }
}
