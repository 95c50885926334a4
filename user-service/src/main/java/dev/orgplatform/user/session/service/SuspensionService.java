package dev.orgplatform.user.session.service;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.client.Keycloak;
import dev.orgplatform.user.membership.UserProfile;
import dev.orgplatform.user.membership.UserStatus;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.membership.repository.UserProfileRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Suspending a user: every check denies at once, and Keycloak disables the login and ends every session. The
 * status and its event commit first (every replica's view follows from the change feed; this one before the
 * answer); Keycloak follows after the commit. When Keycloak fails then, the
 * answer is a 503 and the same request again converges: it changes nothing more here and repeats the Keycloak
 * step (which is idempotent). Who may decide is asked at the gate before.
 */
@ApplicationScoped
public class SuspensionService {

    private static final Logger LOG = Logger.getLogger(SuspensionService.class);

    private final UserProfileRepository users;
    private final Keycloak keycloak;
    private final Outbox outbox;
    private final AccessChangeFeed feed;

    public SuspensionService(UserProfileRepository users, Keycloak keycloak, Outbox outbox, AccessChangeFeed feed) {
        this.users = users;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.feed = feed;
    }

    /** Decided in {@code organizationId}, where the caller manages the user. */
    public Uni<UserProfile> suspend(UUID userId, UUID organizationId, String reason) {
        return change(userId, organizationId, UserStatus.SUSPENDED, reason);
    }

    public Uni<UserProfile> reactivate(UUID userId, UUID organizationId) {
        return change(userId, organizationId, UserStatus.ACTIVE, null);
    }

    private Uni<UserProfile> change(UUID userId, UUID organizationId, UserStatus status, String reason) {
        boolean suspend = status == UserStatus.SUSPENDED;
        return record(userId, organizationId, status, reason)
                .call(feed::awaitApplied)
                .call(() -> identity(userId, suspend));
    }

    /** Sets the status; publishes only a real change, so a repeated request adds nothing but the Keycloak step. */
    @WithTransaction
    Uni<UserProfile> record(UUID userId, UUID organizationId, UserStatus status, String reason) {
        return users.findById(userId).onItem().ifNull().failWith(() -> ProblemException.notFound("user " + userId)).call(p -> {
            if (p.status == status && Objects.equals(p.statusReason, reason)) {
                return Uni.createFrom().voidItem();
            }
            p.status = status;
            p.statusReason = reason;
            boolean suspend = status == UserStatus.SUSPENDED;
            return outbox.publish(MembershipEvents.TOPIC, suspend ? "UserSuspended" : "UserReactivated", organizationId,
                    "users/" + userId, suspend ? new MembershipEvents.UserSuspended(userId, reason)
                            : new MembershipEvents.UserReactivated(userId));
        });
    }

    /** After the commit: Keycloak disables (and logs out) or enables the login. */
    private Uni<Void> identity(UUID userId, boolean suspend) {
        return keycloak.setEnabled(userId, !suspend)
                // no identity in Keycloak: nobody can log in as them either way
                .onFailure(e -> e instanceof ProblemException p && p.status() == 404).recoverWithNull()
                .onFailure().transform(e -> {
                    LOG.warnf("user %s is %s here but Keycloak was not updated: %s", userId, suspend ? "suspended" : "active",
                            e.toString());
                    return new ProblemException(503, "Identity provider not updated", "the user is "
                            + (suspend ? "suspended" : "reactivated") + " and every check already follows, but Keycloak "
                            + "did not take it yet; send the same request again shortly");
                });
    }
}
