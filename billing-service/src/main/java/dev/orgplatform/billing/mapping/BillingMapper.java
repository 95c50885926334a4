package dev.orgplatform.billing.mapping;

import java.util.List;

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.Reservation;
import dev.orgplatform.billing.ResourceQuota;
import dev.orgplatform.billing.rest.LimitsResponse;
import dev.orgplatform.billing.rest.QuotaResponse;
import dev.orgplatform.billing.rest.ReservationResponse;

public final class BillingMapper {

    private BillingMapper() {
    }

    public static ReservationResponse toResponse(Reservation r) {
        return new ReservationResponse(r.id, r.organizationId, r.resource, r.amount, r.idempotencyKey, r.state, r.expiresAt);
    }

    public static LimitsResponse toResponse(BillingAccount a, List<ResourceQuota> quotas) {
        return new LimitsResponse(a.organizationId, a.plan, quotas.stream()
                .map(q -> new QuotaResponse(q.resource, q.limitValue, q.used, q.resource.maximum())).toList());
    }
}
