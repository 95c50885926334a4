package dev.orgplatform.billing.mapping;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.Plan;
import dev.orgplatform.billing.PlanFeature;
import dev.orgplatform.billing.Reservation;
import dev.orgplatform.billing.rest.AlertThresholds;
import dev.orgplatform.billing.rest.BillingSettingsRequest;
import dev.orgplatform.billing.rest.BillingSettingsResponse;
import dev.orgplatform.billing.rest.DeletionPreconditionsResponse;
import dev.orgplatform.billing.rest.LimitsResponse;
import dev.orgplatform.billing.rest.QuotaResponse;
import dev.orgplatform.billing.rest.ReservationResponse;
import dev.orgplatform.billing.rest.ReserveRequest;
import dev.orgplatform.billing.service.DeletionPreconditions;
import dev.orgplatform.billing.service.NewReservation;
import dev.orgplatform.billing.service.SettingsChange;
import dev.orgplatform.billing.service.TreeLimits;

public final class BillingMapper {

    /** Each feature and the first plan that includes it, as the plan table says. */
    private static final Map<PlanFeature, Plan> FEATURES_FROM = Arrays.stream(PlanFeature.values())
            .collect(Collectors.toMap(f -> f, Plan::lowestWith, (a, b) -> a, () -> new EnumMap<>(PlanFeature.class)));

    private BillingMapper() {
    }

    public static NewReservation toCommand(UUID organizationId, ReserveRequest r) {
        return new NewReservation(organizationId, r.resource(), r.amount(), r.idempotencyKey(), r.holder());
    }

    public static SettingsChange toCommand(UUID organizationId, BillingSettingsRequest r, String ifMatch) {
        BillingSettingsRequest.PaymentMethod method = r.paymentMethod();
        return new SettingsChange(organizationId, r.billingEmail(), method == null ? null : method.type(),
                method == null ? null : method.reference(), ifMatch);
    }

    public static ReservationResponse toResponse(Reservation r) {
        return new ReservationResponse(r.id, r.organizationId, r.resource, r.amount, r.idempotencyKey, r.holder, r.state, r.expiresAt);
    }

    public static LimitsResponse toResponse(TreeLimits t) {
        return new LimitsResponse(t.account().organizationId, t.root().organizationId, t.root().plan,
                t.root().plan.features().stream().sorted().toList(), FEATURES_FROM, t.rootQuotas().stream()
                .map(q -> new QuotaResponse(q.resource, q.limitValue, t.treeUsed(q.resource), t.ownUsed(q.resource), q.resource.maximum(),
                        q.custom, q.resource.limited()))
                .toList());
    }

    public static BillingSettingsResponse toSettings(BillingAccount a) {
        return new BillingSettingsResponse(a.organizationId, a.billingEmail, a.paymentMethodType == null ? null
                : new BillingSettingsRequest.PaymentMethod(a.paymentMethodType, a.paymentMethodReference), a.outstandingCents);
    }

    public static AlertThresholds toThresholds(BillingAccount a) {
        return new AlertThresholds(a.alertThresholds);
    }

    public static DeletionPreconditionsResponse toResponse(DeletionPreconditions.Answer a) {
        return new DeletionPreconditionsResponse(a.devices(), a.activeDeployments(), a.outstandingCents(), a.satisfied(), a.blockers());
    }
}
