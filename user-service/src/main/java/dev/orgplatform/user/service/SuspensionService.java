package dev.orgplatform.user.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.user.Membership;
import dev.orgplatform.user.Role;
import dev.orgplatform.user.UserProfile;
import dev.orgplatform.user.UserStatus;
import dev.orgplatform.user.client.Keycloak;
import dev.orgplatform.user.messaging.MembershipEvents;
import dev.orgplatform.user.repository.MembershipRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Suspending a user: disabled in Keycloak with every session ended, and every check denies at once. An Admin or
 * Owner of an organization the user belongs to decides, never about themself, never about that organization's Owner.
 */
@ApplicationScoped
public class SuspensionService {

    private final MembershipRepository memberships;
    private final UserProfileService profiles;
    private final Keycloak keycloak;
    private final Outbox outbox;
    private final AccessView view;

    public SuspensionService(MembershipRepository memberships, UserProfileService profiles, Keycloak keycloak, Outbox outbox,
            AccessView view) {
        this.memberships = memberships;
        this.profiles = profiles;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.view = view;
    }

    public Uni<UserProfile> suspend(UUID callerId, Boolean callerSecondFactor, UUID userId, String reason) {
        return record(callerId, callerSecondFactor, userId, true, reason).invoke(() -> view.setSuspended(userId, true));
    }

    public Uni<UserProfile> reactivate(UUID callerId, Boolean callerSecondFactor, UUID userId) {
        return record(callerId, callerSecondFactor, userId, false, null).invoke(() -> view.setSuspended(userId, false));
    }

    /** An organization of the user where the caller may manage members: the one the decision is made in. */
    @WithSession
    public Uni<UUID> organizationManagedBy(UUID callerId, Boolean callerSecondFactor, UUID userId) {
        return memberships.list("userId = ?1 order by createdAt", userId).map(all -> {
            for (Membership m : all) {
                var d = view.decide(new AccessQuery(callerId, m.organizationId, "member:manage", null, callerSecondFactor));
                if (d.allowed()) {
                    return m.organizationId;
                }
            }
            throw ProblemException.notFound("user " + userId); // nothing to tell someone who manages none of the user's organizations
        });
    }

    @WithTransaction
    Uni<UserProfile> record(UUID callerId, Boolean callerSecondFactor, UUID userId, boolean suspend, String reason) {
        if (callerId.equals(userId)) {
            return Uni.createFrom().failure(ProblemException.forbidden("nobody suspends or reactivates themself"));
        }
        return memberships.list("userId = ?1 order by createdAt", userId).chain(all -> {
            Membership where = null;
            for (Membership m : all) {
                var d = view.decide(new AccessQuery(callerId, m.organizationId, "member:manage", null, callerSecondFactor));
                if (d.allowed()) {
                    MemberRules.mayTouch(Role.valueOf(d.role()), m.role);
                    where = m;
                    break;
                }
            }
            if (where == null) {
                throw ProblemException.notFound("user " + userId);
            }
            UUID org = where.organizationId;
            return profiles.setStatus(userId, suspend ? UserStatus.SUSPENDED : UserStatus.ACTIVE, reason)
                    .call(() -> keycloak.setEnabled(userId, !suspend))
                    .call(() -> outbox.publish(MembershipEvents.TOPIC, suspend ? "UserSuspended" : "UserReactivated", org,
                            "users/" + userId, suspend ? new MembershipEvents.UserSuspended(userId, reason)
                                    : new MembershipEvents.UserReactivated(userId)));
        });
    }
}
