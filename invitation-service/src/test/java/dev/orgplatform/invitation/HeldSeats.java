package dev.orgplatform.invitation;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.orgplatform.platform.client.Quotas;
import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Stands in for billing-service's reservations (not running in these tests): one seat per idempotency key and
 * organization, reserved once however often asked, released when the write fails (billing-service commits a
 * held seat from the recorded event). Install with
 * {@code QuarkusMock.installMockForType(seats, Quotas.class)}; the real reservations are billing-service's tests.
 */
class HeldSeats extends Quotas {

    enum State {
        HELD, RELEASED
    }

    record Seat(UUID id, UUID organizationId, String resource, String key, State state) {
    }

    private final Map<String, Seat> byKey = new ConcurrentHashMap<>();

    HeldSeats() {
        super(null, Duration.ofSeconds(1), Duration.ZERO);
    }

    /** The seat reserved with {@code key} in {@code organizationId}, or null. */
    Seat seat(UUID organizationId, String key) {
        return byKey.get(organizationId + "/" + key);
    }

    @Override
    public Uni<UUID> reserve(UUID organizationId, String resource, String idempotencyKey) {
        Seat seat = byKey.computeIfAbsent(organizationId + "/" + idempotencyKey,
                k -> new Seat(UUID.randomUUID(), organizationId, resource, idempotencyKey, State.HELD));
        return Uni.createFrom().item(seat.id());
    }

    @Override
    public Uni<Void> release(UUID organizationId, UUID reservationId) {
        return move(organizationId, reservationId, State.RELEASED);
    }

    private Uni<Void> move(UUID organizationId, UUID reservationId, State state) {
        return Uni.createFrom().item(() -> {
            Seat seat = byKey.values().stream().filter(s -> s.id().equals(reservationId) && s.organizationId().equals(organizationId))
                    .findFirst().orElseThrow(() -> ProblemException.notFound("reservation " + reservationId));
            byKey.put(organizationId + "/" + seat.key(), new Seat(seat.id(), organizationId, seat.resource(), seat.key(), state));
            return null;
        });
    }
}
