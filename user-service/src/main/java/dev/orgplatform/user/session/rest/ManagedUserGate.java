package dev.orgplatform.user.session.rest;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.membership.Membership;
import dev.orgplatform.user.membership.service.MembershipService;
import io.smallrye.mutiny.Uni;

/**
 * The gate for acting on a user rather than on an organization: the caller must hold {@code member:manage} in
 * one of the user's organizations, asked of the {@link AccessGate} (so an API key narrows it like any other
 * check) for each in the order the user joined them. The first that answers is where the decision is made.
 * Someone who manages none of them learns nothing: 404, as for an unknown user.
 */
@ApplicationScoped
public class ManagedUserGate {

    /** Where the caller manages the user: the organization, the caller's role there and the user's own role. */
    public record Managed(UUID organizationId, Role managerRole, Role memberRole) {
    }

    private final AccessGate gate;
    private final MembershipService memberships;

    public ManagedUserGate(AccessGate gate, MembershipService memberships) {
        this.gate = gate;
        this.memberships = memberships;
    }

    public Uni<Managed> require(UUID userId) {
        return memberships.organizationsOf(userId).chain(all -> firstManaged(userId, all, 0));
    }

    private Uni<Managed> firstManaged(UUID userId, List<Membership> all, int i) {
        if (i == all.size()) {
            return Uni.createFrom().failure(ProblemException.notFound("user " + userId));
        }
        Membership m = all.get(i);
        return gate.requireRole("member:manage", m.organizationId)
                .map(role -> new Managed(m.organizationId, role, m.role))
                .onFailure(ManagedUserGate::isRefusal).recoverWithUni(() -> firstManaged(userId, all, i + 1));
    }

    private static boolean isRefusal(Throwable e) {
        return e instanceof ProblemException p && (p.status() == 403 || p.status() == 404);
    }
}
