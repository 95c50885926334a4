package dev.orgplatform.invitation.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.InvitationState;
import dev.orgplatform.invitation.client.KeycloakAccounts;
import dev.orgplatform.invitation.client.MemberConvergence;
import dev.orgplatform.invitation.mapping.InvitationMapper;
import dev.orgplatform.invitation.messaging.InvitationEvents;
import dev.orgplatform.invitation.repository.ClosedOrganizationRepository;
import dev.orgplatform.invitation.repository.InvitationRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Secrets;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The invitee's side: accept with the link's token, signed in with the invited email, or register a new
 * account for it first. Accepting only records the fact and publishes InvitationAccepted: user-service makes
 * the membership from it, billing-service moves the seat to the member. The answer waits until the membership is
 * usable ({@link MemberConvergence}).
 */
@ApplicationScoped
public class AcceptanceService {

    private final InvitationRepository invitations;
    private final ClosedOrganizationRepository closed;
    private final KeycloakAccounts accounts;
    private final BadTokenAttempts attempts;
    private final InvitationExpiry expiry;
    private final Outbox outbox;
    private final PlatformClock clock;
    private final MemberConvergence convergence;

    public AcceptanceService(InvitationRepository invitations, ClosedOrganizationRepository closed, KeycloakAccounts accounts,
            BadTokenAttempts attempts, InvitationExpiry expiry, Outbox outbox, PlatformClock clock, MemberConvergence convergence) {
        this.invitations = invitations;
        this.closed = closed;
        this.accounts = accounts;
        this.attempts = attempts;
        this.expiry = expiry;
        this.outbox = outbox;
        this.clock = clock;
        this.convergence = convergence;
    }

    /** The signed-in user with the invited email accepts; another email is refused without a hint why. */
    public Uni<Invitation> accept(Acceptance a) {
        return guarded(a.client(), () -> accepted(Secrets.hash(a.token()), a.userId(), a.email(), null))
                .chain(convergence::memberCanAct);
    }

    /**
     * Opens a Keycloak account for the invited email (name and password chosen here), then accepts with it. The
     * Keycloak call sits between the read and the accepting transaction, inside neither.
     */
    public Uni<Invitation> register(Registration r) {
        String hash = Secrets.hash(r.token());
        return guarded(r.client(), () -> usable(hash)
                .chain(i -> accounts.register(i.email, r.name(), r.password())
                        .chain(userId -> accepted(hash, userId, i.email, r.name().trim()))))
                .chain(convergence::memberCanAct);
    }

    /** Refuses a client over the bad-token limit; counts each bad token it presents. */
    private Uni<Invitation> guarded(String client, Supplier<Uni<Invitation>> attempt) {
        return attempts.check(client)
                .chain(attempt::get)
                .onFailure(InvitationService::isStale).transform(e -> new InvalidInvitationException())
                .onFailure(InvalidInvitationException.class).call(() -> attempts.failed(client));
    }

    @WithSession
    Uni<Invitation> usable(String tokenHash) {
        Instant now = clock.now();
        return invitations.findByTokenHash(tokenHash).call(i -> requireUsable(i, now));
    }

    @WithTransaction
    Uni<Invitation> accepted(String tokenHash, UUID userId, String email, String name) {
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
        return invitations.findByTokenHash(tokenHash).call(i -> requireUsable(i, now)).chain(i -> {
            if (email == null || !email.equalsIgnoreCase(i.email)) {
                throw ProblemException.forbidden("this invitation cannot be accepted with the signed-in account");
            }
            i.state = InvitationState.ACCEPTED;
            i.acceptedBy = userId;
            i.endedAt = now;
            return invitations.flush().chain(() -> outbox.publish(InvitationEvents.TOPIC, EventTypes.INVITATION_ACCEPTED, i.organizationId,
                    "invitations/" + i.id, InvitationMapper.toAccepted(i, userId, name == null ? i.name : name))).replaceWith(i);
        });
    }

    /** Unknown, used, revoked, expired or of an organization pending deletion: all the same answer. */
    private Uni<Void> requireUsable(Invitation i, Instant now) {
        if (i == null || !expiry.pendingAt(i, now)) {
            return Uni.createFrom().failure(new InvalidInvitationException());
        }
        return closed.isClosed(i.organizationId).invoke(isClosed -> {
            if (isClosed) {
                throw new InvalidInvitationException();
            }
        }).replaceWithVoid();
    }
}
