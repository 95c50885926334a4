package dev.orgplatform.billing.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.PaymentMethodType;
import dev.orgplatform.billing.messaging.BillingEvents;
import dev.orgplatform.billing.repository.BillingAccountRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.rest.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Billing email, payment method, usage-alert thresholds, and the outstanding balance operators set. */
@ApplicationScoped
public class BillingSettingsService {

    private final BillingAccountRepository accounts;
    private final UsageAlerts alerts;
    private final Outbox outbox;
    private final PlatformClock clock;

    public BillingSettingsService(BillingAccountRepository accounts, UsageAlerts alerts, Outbox outbox, PlatformClock clock) {
        this.accounts = accounts;
        this.alerts = alerts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** No payment method type = no payment method (and no reference). */
    @WithTransaction
    public Uni<BillingAccount> updateSettings(SettingsChange change) {
        UUID organizationId = change.organizationId();
        PaymentMethodType paymentMethodType = change.paymentMethodType();
        return accounts.active(organizationId).chain(a -> {
            Versions.requireMatch(change.ifMatch(), a.version);
            a.billingEmail = change.billingEmail() == null ? null : change.billingEmail().toLowerCase();
            a.paymentMethodType = paymentMethodType;
            a.paymentMethodReference = paymentMethodType == null ? null : change.paymentMethodReference();
            a.updatedAt = clock.now();
            return outbox.publish(BillingEvents.TOPIC, EventTypes.BILLING_SETTINGS_CHANGED, organizationId, BillingEvents.subject(organizationId),
                    new BillingEvents.BillingSettingsChanged(organizationId, a.billingEmail,
                            paymentMethodType == null ? null : paymentMethodType.name()))
                    .replaceWith(a);
        });
    }

    /** New thresholds apply at once: one already crossed raises its alert now, one removed is forgotten. */
    @WithTransaction
    public Uni<BillingAccount> updateThresholds(UUID organizationId, List<Integer> thresholds, String ifMatch) {
        return accounts.active(organizationId).chain(a -> {
            BilledAtRoot.require(a, "usage-alert thresholds");
            Versions.requireMatch(ifMatch, a.version);
            a.alertThresholds = thresholds.stream().distinct().sorted().toList();
            a.updatedAt = clock.now();
            return outbox.publish(BillingEvents.TOPIC, EventTypes.ALERT_THRESHOLDS_CHANGED, organizationId, BillingEvents.subject(organizationId),
                    new BillingEvents.AlertThresholdsChanged(organizationId, a.alertThresholds))
                    .chain(() -> alerts.evaluateAll(a))
                    .replaceWith(a);
        });
    }

    /** Set by operators (or a payment system): deletion is blocked while it is not zero. */
    @WithTransaction
    public Uni<BillingAccount> setBalance(UUID organizationId, long outstandingCents) {
        return accounts.active(organizationId).chain(a -> {
            if (a.outstandingCents == outstandingCents) {
                return Uni.createFrom().item(a);
            }
            long previous = a.outstandingCents;
            a.outstandingCents = outstandingCents;
            a.updatedAt = clock.now();
            return outbox.publish(BillingEvents.TOPIC, EventTypes.BALANCE_CHANGED, organizationId, BillingEvents.subject(organizationId),
                    new BillingEvents.BalanceChanged(organizationId, previous, outstandingCents))
                    .replaceWith(a);
        });
    }
}
