package dev.orgplatform.invitation.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import dev.orgplatform.invitation.DeliveryState;
import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.InvitationState;
import dev.orgplatform.invitation.client.OrganizationTeams;
import dev.orgplatform.invitation.mapping.InvitationMapper;
import dev.orgplatform.invitation.messaging.InvitationEvents;
import dev.orgplatform.invitation.client.MailBranding;
import dev.orgplatform.invitation.messaging.InvitationMails;
import dev.orgplatform.invitation.config.InvitationConfig;
import dev.orgplatform.invitation.repository.ClosedOrganizationRepository;
import dev.orgplatform.invitation.repository.InvitationRepository;
import dev.orgplatform.platform.client.Quotas;
import dev.orgplatform.platform.client.ReservationKeys;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.platform.security.RoleCeiling;
import dev.orgplatform.platform.security.Secrets;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What Owners and Admins do with invitations: invite, resend, revoke, list. The resource asked the gate for
 * member:invite first; remote calls (teams, seats, mail) happen outside every transaction.
 */
@ApplicationScoped
public class InvitationService {

    private static final Logger LOG = Logger.getLogger(InvitationService.class);

    private final InvitationRepository invitations;
    private final ClosedOrganizationRepository closed;
    private final Quotas seats;
    private final OrganizationTeams teams;
    private final InvitationMails mails;
    private final MailBranding branding;
    private final InvitationExpiry expiry;
    private final Outbox outbox;
    private final PlatformClock clock;
    private final RateLimits rateLimits;
    private final InvitationConfig config;

    public InvitationService(InvitationRepository invitations, ClosedOrganizationRepository closed, Quotas seats,
            OrganizationTeams teams, InvitationMails mails, MailBranding branding, InvitationExpiry expiry, Outbox outbox,
            PlatformClock clock, RateLimits rateLimits, InvitationConfig config) {
        this.invitations = invitations;
        this.closed = closed;
        this.seats = seats;
        this.teams = teams;
        this.mails = mails;
        this.branding = branding;
        this.expiry = expiry;
        this.outbox = outbox;
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.config = config;
    }

    /**
     * Invites by email with a role not above the inviter's own, into existing teams; a user seat is held at
     * billing-service while the invitation is pending. The mail goes out after the commit; a failed send leaves the
     * invitation with deliveryState FAILED (resend it). Whether the email has an account is never looked at.
     */
    public Uni<Invitation> invite(NewInvitation invitation) {
        UUID id = UUID.randomUUID();
        UUID organizationId = invitation.organizationId();
        String email = invitation.email().trim().toLowerCase();
        String token = Secrets.generate("inv_");
        return pendingInOpen(organizationId, email)
                .invoke(() -> requireWithinCeiling(invitation.inviterRole(), invitation.role()))
                .call(() -> teams.names(organizationId).invoke(known -> requireKnownTeams(invitation.teams(), known)))
                .invoke(pending -> {
                    if (pending) {
                        throw duplicate();
                    }
                })
                .chain(() -> seats.hold(organizationId, ReservationKeys.USERS, ReservationKeys.invitation(id),
                        reservation -> record(id, email, invitation, reservation, token)
                                .onFailure(InvitationService::violatesOnePending).transform(e -> duplicate())))
                .chain(saved -> deliver(saved, token));
    }

    /** A new token (the old link dies), a new validity period from now, and the mail again. */
    public Uni<Invitation> resend(UUID organizationId, UUID invitationId) {
        String token = Secrets.generate("inv_");
        InvitationConfig.Resend resend = config.resend();
        return requireOpen(organizationId)
                .chain(() -> find(organizationId, invitationId)) // an unknown invitation is 404, not a counted attempt
                .chain(() -> rateLimits.take("resend:invitation:" + invitationId, resend.perInvitation(), resend.window(),
                        "this invitation was sent again " + resend.perInvitation() + " times within " + resend.window()))
                .chain(() -> rateLimits.take("resend:organization:" + organizationId, resend.perOrganization(), resend.window(),
                        "this organization's invitations were sent again " + resend.perOrganization() + " times within " + resend.window()))
                .chain(() -> renew(organizationId, invitationId, token))
                .onFailure(InvitationService::isStale).transform(e -> changedMeanwhile())
                .chain(saved -> deliver(saved, token));
    }

    public Uni<Invitation> revoke(UUID organizationId, UUID invitationId) {
        return requireOpen(organizationId)
                .chain(() -> end(organizationId, invitationId))
                .onFailure(InvitationService::isStale).transform(e -> changedMeanwhile());
    }

    public Uni<Invitation> get(UUID organizationId, UUID invitationId) {
        return requireOpen(organizationId).chain(() -> find(organizationId, invitationId));
    }

    /** Newest first; the state filter as of now (an overdue pending invitation counts as EXPIRED). */
    public Uni<Page<Invitation>> list(InvitationListing listing) {
        return requireOpen(listing.organizationId())
                .chain(() -> page(listing))
                .map(rows -> Page.of(rows, listing.limit(), i -> Cursor.encode(i.createdAt, i.id)));
    }

    /** Nobody invites above their own role (403); OWNER is refused before, naming the field (400). */
    static void requireWithinCeiling(Role inviter, Role invited) {
        if (!RoleCeiling.allows(inviter, invited)) {
            throw ProblemException.forbidden("a " + inviter + " may not invite as " + invited + ": nobody invites above their own role");
        }
    }

    @WithSession
    Uni<List<Invitation>> page(InvitationListing listing) {
        return invitations.page(listing.organizationId(), listing.state(), expiry.cutoff(clock.now()), listing.after(), listing.limit());
    }

    @WithSession
    Uni<Invitation> find(UUID organizationId, UUID invitationId) {
        return invitations.findInOrganization(organizationId, invitationId).map(i -> {
            if (i == null) {
                throw ProblemException.notFound("invitation " + invitationId);
            }
            return i;
        });
    }

    /** Whether invitations to the organization are taken here (not pending deletion or purged, as far as we heard). */
    @WithSession
    public Uni<Boolean> open(UUID organizationId) {
        return closed.isClosed(organizationId).map(isClosed -> !isClosed);
    }

    /** Everything of an organization pending deletion (or purged) answers 404. */
    @WithSession
    Uni<Void> requireOpen(UUID organizationId) {
        return closed.isClosed(organizationId).invoke(isClosed -> {
            if (isClosed) {
                throw ProblemException.notFound("organization " + organizationId);
            }
        }).replaceWithVoid();
    }

    /** Both checks before an invitation in one session: 404 when the organization is closed, else whether one is pending. */
    @WithSession
    Uni<Boolean> pendingInOpen(UUID organizationId, String email) {
        return requireOpen(organizationId).chain(() -> pendingExists(organizationId, email));
    }

    @WithSession
    Uni<Boolean> pendingExists(UUID organizationId, String email) {
        Instant now = clock.now();
        return invitations.findPending(organizationId, email).map(i -> i != null && expiry.pendingAt(i, now));
    }

    @WithTransaction
    Uni<Invitation> record(UUID id, String email, NewInvitation request, UUID reservationId, String token) {
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
        UUID organizationId = request.organizationId();
        Invitation i = new Invitation();
        i.id = id;
        i.organizationId = organizationId;
        i.email = email;
        i.name = request.name().trim();
        i.role = request.role().name();
        i.teams = request.teams().toArray(String[]::new);
        i.note = request.note();
        i.state = InvitationState.PENDING;
        i.deliveryState = DeliveryState.SENDING;
        i.tokenHash = Secrets.hash(token);
        i.invitedBy = request.inviterId();
        i.reservationId = reservationId;
        i.createdAt = now;
        i.sentAt = now;
        i.expiresAt = expiry.expiresAt(now);
        // an overdue one still PENDING in the table would hold the one-pending slot: it expires now; a live one
        // (committed by a request racing this one since the check before the seat was held) wins
        return invitations.findPending(organizationId, email)
                .chain(pending -> {
                    if (pending == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (expiry.pendingAt(pending, now)) {
                        throw duplicate();
                    }
                    return expire(pending, now).call(invitations::flush);
                })
                .chain(() -> invitations.persistAndFlush(i))
                .call(saved -> outbox.publish(InvitationEvents.TOPIC, EventTypes.INVITATION_CREATED, organizationId, "invitations/" + saved.id,
                        InvitationMapper.toCreated(saved)));
    }

    @WithTransaction
    Uni<Invitation> renew(UUID organizationId, UUID invitationId, String token) {
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
        return invitations.findInOrganization(organizationId, invitationId).chain(i -> {
            requireTransition(i, invitationId, now, "resent");
            i.tokenHash = Secrets.hash(token);
            i.sentAt = now;
            i.expiresAt = expiry.expiresAt(now);
            i.deliveryState = DeliveryState.SENDING;
            return invitations.flush().chain(() -> outbox.publish(InvitationEvents.TOPIC, EventTypes.INVITATION_RESENT, organizationId,
                    "invitations/" + i.id, InvitationMapper.toResent(i))).replaceWith(i);
        });
    }

    @WithTransaction
    Uni<Invitation> end(UUID organizationId, UUID invitationId) {
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
        return invitations.findInOrganization(organizationId, invitationId).chain(i -> {
            requireTransition(i, invitationId, now, "revoked");
            i.state = InvitationState.REVOKED;
            i.endedAt = now;
            return invitations.flush().chain(() -> outbox.publish(InvitationEvents.TOPIC, EventTypes.INVITATION_REVOKED, organizationId,
                    "invitations/" + i.id, InvitationMapper.toEnded(i))).replaceWith(i);
        });
    }

    /** Records every overdue pending invitation (up to {@code batch}) as EXPIRED; emits how many. */
    @WithTransaction
    public Uni<Integer> expireDue(int batch) {
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
        return invitations.findDue(expiry.cutoff(now), batch).chain(due -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Invitation i : due) {
                all = all.chain(() -> expire(i, now));
            }
            return all.replaceWith(due.size());
        });
    }

    /** Marks an overdue invitation EXPIRED and tells billing-service to release its seat; in the caller's transaction. */
    Uni<Void> expire(Invitation i, Instant now) {
        i.state = InvitationState.EXPIRED;
        i.endedAt = now;
        return outbox.publish(InvitationEvents.TOPIC, EventTypes.INVITATION_EXPIRED, i.organizationId, "invitations/" + i.id,
                InvitationMapper.toEnded(i));
    }

    /** Sends the mail after the commit and records whether it left; the invitation stands either way. */
    private Uni<Invitation> deliver(Invitation saved, String token) {
        return branding.of(saved.organizationId).chain(look -> mails.send(saved, token, look)).replaceWith(DeliveryState.SENT)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("invitation mail %s to its invitee failed (resend it): %s", saved.id, e.toString());
                    return DeliveryState.FAILED;
                })
                .chain(delivery -> markDelivery(saved.id, delivery).invoke(() -> saved.deliveryState = delivery)
                        .onFailure().invoke(e -> LOG.warnf("delivery state of invitation %s not recorded: %s", saved.id, e.toString()))
                        .onFailure().recoverWithNull())
                .replaceWith(saved);
    }

    @WithTransaction
    Uni<Integer> markDelivery(UUID id, DeliveryState delivery) {
        return invitations.markDelivery(id, delivery);
    }

    private void requireTransition(Invitation i, UUID invitationId, Instant now, String verb) {
        if (i == null) {
            throw ProblemException.notFound("invitation " + invitationId);
        }
        InvitationState state = expiry.stateAt(i, now);
        if (state != InvitationState.PENDING) {
            throw ProblemException.conflict("invitation " + invitationId + " is " + state + " and cannot be " + verb);
        }
    }

    private static void requireKnownTeams(List<String> requested, Set<String> known) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String team = requested.get(i);
            if (!known.contains(team)) {
                throw ProblemException.badField("teams[" + i + "]", "is not a team of this organization");
            }
            if (!seen.add(team)) {
                throw ProblemException.badField("teams[" + i + "]", "is listed twice");
            }
        }
    }

    private static ProblemException duplicate() {
        return ProblemException.conflict("a pending invitation for this email already exists in this organization");
    }

    private static ProblemException changedMeanwhile() {
        return ProblemException.conflict("the invitation changed meanwhile; read it again");
    }

    /** Someone else changed the row between our read and our write (optimistic lock). */
    static boolean isStale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** The partial unique index "one pending invitation per email and organization" refused a concurrent twin. */
    private static boolean violatesOnePending(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("invitation_one_pending")) {
                return true;
            }
        }
        return false;
    }
}
