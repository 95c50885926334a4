package dev.orgplatform.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.orgplatform.platform.client.Quotas;
import io.smallrye.mutiny.Uni;

/**
 * Stands in for billing-service's reservations in a module's own {@code @QuarkusTest}s, where no billing-service runs:
 * every unit asked for is granted (the same reservation id for the same idempotency key). Install it with
 * {@code QuarkusMock.installMockForType(new GrantedQuotas(), Quotas.class)}. The limits and the plan's features are
 * covered in billing-service's tests and, across the packaged services, in system-tests.
 */
public class GrantedQuotas extends Quotas {

    public GrantedQuotas() {
        super(null, Duration.ofSeconds(1), Duration.ZERO);
    }

    @Override
    public Uni<UUID> reserve(UUID organizationId, String resource, String idempotencyKey, String holder) {
        return Uni.createFrom().item(UUID.nameUUIDFromBytes((organizationId + "/" + idempotencyKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Uni<UUID> reserve(UUID organizationId, String resource, String idempotencyKey) {
        return reserve(organizationId, resource, idempotencyKey, null);
    }

    @Override
    public Uni<Void> release(UUID organizationId, UUID reservationId) {
        return Uni.createFrom().voidItem();
    }
}
