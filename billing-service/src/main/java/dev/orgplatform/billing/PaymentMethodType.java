package dev.orgplatform.billing;

/** How an organization pays; billing keeps a reference only (never card numbers). */
public enum PaymentMethodType {
    CARD, INVOICE
}
