package dev.orgplatform.invitation.service;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.InvitationState;
import dev.orgplatform.invitation.client.SeatReservations;
import dev.orgplatform.invitation.mapping.InvitationMapper;
import dev.orgplatform.invitation.messaging.InvitationEvents;
import dev.orgplatform.invitation.repository.InvitationRepository;
import dev.orgplatform.invitation.rest.CreateInvitationRequest;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.platform.security.Secrets;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InvitationService {

    private final InvitationRepository invitations;
    private final SeatReservations seats;
    private final AccessPolicy access;
    private final Outbox outbox;
    private final PlatformClock clock;
    private final Duration validFor;

    public InvitationService(InvitationRepository invitations, SeatReservations seats, AccessPolicy access, Outbox outbox,
            PlatformClock clock, @ConfigProperty(name = "invitation.valid-for", defaultValue = "P7D") Duration validFor) {
        this.invitations = invitations;
        this.seats = seats;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
        this.validFor = validFor;
    }

    /**
     * Invites by email: the caller must be allowed to invite here ({@code mayInvite} is the caller's
     * {@code member:invite} question), and a user seat is held at billing-service while the invitation is pending.
     */
    public Uni<Invitation> invite(AccessQuery mayInvite, CreateInvitationRequest request) {
        UUID id = UUID.randomUUID();
        UUID organizationId = mayInvite.organizationId();
        UUID inviter = mayInvite.userId();
        String email = request.email().trim().toLowerCase();
        return access.require(mayInvite)
                .chain(() -> pendingExists(organizationId, email)).invoke(exists -> {
                    if (exists) {
                        throw ProblemException.conflict("a pending invitation for this email already exists in this organization");
                    }
                })
                .chain(() -> seats.reserve(organizationId, id))
                .chain(reservation -> record(id, organizationId, email, inviter, request, reservation)
                        .onFailure().call(() -> seats.release(organizationId, reservation).onFailure().recoverWithNull())
                        .call(saved -> seats.commit(organizationId, reservation)));
    }

    @WithSession
    Uni<Boolean> pendingExists(UUID organizationId, String email) {
        return invitations.count("organizationId = ?1 and email = ?2 and state = ?3", organizationId, email, InvitationState.PENDING)
                .map(n -> n > 0);
    }

    @WithTransaction
    Uni<Invitation> record(UUID id, UUID organizationId, String email, UUID inviter, CreateInvitationRequest request,
            UUID reservationId) {
        Invitation i = new Invitation();
        i.id = id;
        i.organizationId = organizationId;
        i.email = email;
        i.name = request.name();
        i.role = request.role();
        i.teams = request.teams().toArray(String[]::new);
        i.note = request.note();
        i.state = InvitationState.PENDING;
        i.tokenHash = Secrets.hash(Secrets.generate("inv_"));
        i.invitedBy = inviter;
        i.reservationId = reservationId;
        i.createdAt = clock.now();
        i.sentAt = i.createdAt;
        i.expiresAt = i.sentAt.plus(validFor);
        return invitations.persist(i).call(saved -> outbox.publish(InvitationEvents.TOPIC, "InvitationCreated", organizationId,
                "invitations/" + saved.id, InvitationMapper.toCreated(saved)));
    }
}
