package dev.orgplatform.user.session.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.client.Keycloak;

import dev.orgplatform.user.membership.Membership;
import dev.orgplatform.user.membership.UserProfile;
import dev.orgplatform.user.membership.UserStatus;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.membership.repository.UserProfileRepository;
import dev.orgplatform.user.session.SuspensionRule;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Disabling a user's account (and enabling it again): every check denies at once, and Keycloak disables the login
 * and ends every session. Who may is decided by {@link SuspensionRule} on the memberships as this transaction reads
 * them. The status and its events (one in each organization the user belongs to, so each one's audit log shows
 * it) commit first (every replica's view follows from the change feed; this one before the answer); Keycloak
 * follows after the commit. When Keycloak fails then, the answer is a 503 and the same request again converges:
 * it changes nothing more here and repeats the Keycloak step (which is idempotent).
 */
@ApplicationScoped
public class SuspensionService {

    /** Who decides: a platform operator, or someone with these effective roles (asked at the gate). */
    public record Decision(UUID userId, UUID callerId, boolean operator, Map<UUID, Role> callerRoles) {
    }

    private static final Logger LOG = Logger.getLogger(SuspensionService.class);

    private final UserProfileRepository users;
    private final MembershipRepository memberships;
    private final Keycloak keycloak;
    private final Outbox outbox;
    private final AccessChangeFeed feed;

    public SuspensionService(UserProfileRepository users, MembershipRepository memberships, Keycloak keycloak, Outbox outbox,
            AccessChangeFeed feed) {
        this.users = users;
        this.memberships = memberships;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.feed = feed;
    }

    /** The organizations the gate asks about: every one the user belongs to. */
    @WithSession
    public Uni<List<UUID>> organizationsOf(UUID userId) {
        return memberships.ofUser(userId).map(all -> all.stream().map(m -> m.organizationId).toList());
    }

    public Uni<UserProfile> suspend(Decision d, String reason) {
        return change(d, UserStatus.SUSPENDED, reason);
    }

    public Uni<UserProfile> reactivate(Decision d) {
        return change(d, UserStatus.ACTIVE, null);
    }

    private Uni<UserProfile> change(Decision d, UserStatus status, String reason) {
        boolean suspend = status == UserStatus.SUSPENDED;
        return record(d, status, reason)
                .call(feed::awaitApplied)
                .call(() -> identity(d.userId(), suspend));
    }

    /** Sets the status; publishes only a real change, so a repeated request adds nothing but the Keycloak step. */
    @WithTransaction
    Uni<UserProfile> record(Decision d, UserStatus status, String reason) {
        return memberships.ofUser(d.userId()).chain(own -> {
            SuspensionRule.mayDisableAccount(d.callerId(), d.operator(), d.callerRoles(), d.userId(), own);
            return users.findById(d.userId()).onItem().ifNull().failWith(() -> ProblemException.notFound("user " + d.userId()))
                    .call(p -> {
                        if (p.status == status && Objects.equals(p.statusReason, reason)) {
                            return Uni.createFrom().voidItem();
                        }
                        p.status = status;
                        p.statusReason = reason;
                        return users.flush().chain(() -> publish(own, p));
                    });
        });
    }

    private Uni<Void> publish(List<Membership> own, UserProfile p) {
        boolean suspend = p.status == UserStatus.SUSPENDED;
        String type = suspend ? EventTypes.USER_SUSPENDED : EventTypes.USER_REACTIVATED;
        return outbox.publishToEach(MembershipEvents.TOPIC, type, own.stream().map(m -> m.organizationId).toList(), "users/" + p.id,
                org -> suspend ? new MembershipEvents.UserSuspended(p.id, p.statusReason, p.version)
                        : new MembershipEvents.UserReactivated(p.id, p.version));
    }

    /** After the commit: Keycloak disables (and logs out) or enables the login. */
    private Uni<Void> identity(UUID userId, boolean suspend) {
        return keycloak.setEnabled(userId, !suspend)
                // no identity in Keycloak: nobody can log in as them either way
                .onFailure(e -> e instanceof ProblemException p && p.status() == 404).recoverWithNull()
                .onFailure().transform(e -> {
                    LOG.warnf("user %s is %s here but Keycloak was not updated: %s", userId, suspend ? "suspended" : "active",
                            e.toString());
                    return ProblemException.unavailable(ProblemException.KEYCLOAK, "Identity provider not updated", "the user is "
                            + (suspend ? "suspended" : "reactivated") + " and every check already follows, but Keycloak "
                            + "did not take it yet; send the same request again shortly");
                });
    }
}
