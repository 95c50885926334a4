package dev.orgplatform.user.membership.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.apikey.service.ApiKeyService;
import dev.orgplatform.user.membership.Membership;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.membership.repository.ProductPermissionRepository;
import dev.orgplatform.user.membership.repository.TeamMemberRepository;
import io.smallrye.mutiny.Uni;

/**
 * The one way someone stops being a member of an organization (removed, or moved to another of its tree): their teams
 * and product rights there go, the membership goes as read, the caller's event is told, then their API keys there are
 * revoked (their seats go back from those events). Runs inside the caller's transaction.
 */
@ApplicationScoped
public class MemberDeparture {

    private final MembershipRepository memberships;
    private final TeamMemberRepository teamMembers;
    private final ProductPermissionRepository grants;
    private final ApiKeyService apiKeys;

    public MemberDeparture(MembershipRepository memberships, TeamMemberRepository teamMembers, ProductPermissionRepository grants,
            ApiKeyService apiKeys) {
        this.memberships = memberships;
        this.teamMembers = teamMembers;
        this.grants = grants;
        this.apiKeys = apiKeys;
    }

    /** {@code told} publishes what the departure is (a revocation, a transfer out). */
    public Uni<Void> leave(Membership m, Supplier<Uni<?>> told) {
        return teamMembers.removeFromOrganization(m.userId, m.organizationId)
                .chain(() -> grants.removeFromOrganization(m.userId, m.organizationId))
                .chain(() -> memberships.deleteAsRead(m))
                .chain(told)
                .chain(() -> apiKeys.revokeAllOf(m.organizationId, m.userId))
                .replaceWithVoid();
    }
}
