package dev.orgplatform.billing.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.orgplatform.billing.PaymentMethodType;

/**
 * {@code outstandingCents} is read-only here (operators set it through {@code PUT .../balance}): sent back with what a
 * GET returned it is ignored, so a read-modify-write round trip works; any other field the type lacks is refused.
 */
@JsonIgnoreProperties("outstandingCents")
public record BillingSettingsRequest(@NotBlank @Email @Size(max = 320) String billingEmail, @Valid PaymentMethod paymentMethod) {

    /** A reference at the payment provider (e.g. a tokenized card id or a purchase order), never card data. */
    public record PaymentMethod(@NotNull PaymentMethodType type, @NotBlank @Size(max = 200) String reference) {
    }
}
