package dev.orgplatform.invitation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.orgplatform.invitation.repository.ClosedOrganizationRepository;
import dev.orgplatform.invitation.repository.InvitationRepository;
import dev.orgplatform.platform.security.Secrets;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Pending invitations written straight into invitation-service's database, for the tests of what happens
 * after the invitation exists (creating one needs user-service and billing-service: see system-tests).
 */
final class Invitations {

    record Seeded(UUID id, UUID organizationId, String email, String token, UUID reservationId) {
    }

    private Invitations() {
    }

    static Seeded pending(InvitationRepository repository, UUID organizationId, String email, Instant sentAt) {
        String token = Secrets.generate("inv_");
        Invitation i = new Invitation();
        i.id = UUID.randomUUID();
        i.organizationId = organizationId;
        i.email = email;
        i.name = "Invited Person";
        i.role = "DEVELOPER";
        i.teams = new String[] { "My Team" };
        i.state = InvitationState.PENDING;
        i.deliveryState = DeliveryState.SENT;
        i.tokenHash = Secrets.hash(token);
        i.invitedBy = UUID.randomUUID();
        i.reservationId = UUID.randomUUID();
        i.createdAt = sentAt.truncatedTo(ChronoUnit.MICROS);
        i.sentAt = i.createdAt;
        i.expiresAt = i.sentAt.plus(Duration.ofDays(7));
        await(() -> Panache.withTransaction(() -> repository.persist(i)));
        return new Seeded(i.id, organizationId, email, token, i.reservationId);
    }

    static Invitation read(InvitationRepository repository, UUID id) {
        return await(() -> Panache.withSession(() -> repository.findById(id)));
    }

    static boolean closed(ClosedOrganizationRepository repository, UUID organizationId) {
        return await(() -> Panache.withSession(() -> repository.isClosed(organizationId)));
    }

    static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
