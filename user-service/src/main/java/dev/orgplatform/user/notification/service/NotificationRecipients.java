package dev.orgplatform.user.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Who is told about what concerns an organization as a whole. */
@ApplicationScoped
public class NotificationRecipients {

    private final MembershipRepository memberships;

    public NotificationRecipients(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    /** Those who manage the organization's billing there: its Owner and Admins (the roles holding billing:manage). */
    @WithSession
    public Uni<List<UUID>> billingManagers(UUID organizationId) {
        return memberships.list("organizationId = ?1 and role in ?2", organizationId, List.of(Role.OWNER, Role.ADMIN))
                .map(rows -> rows.stream().map(m -> m.userId).distinct().toList());
    }

    /** The organization's own members, those holding one of {@code roles} when any are named. */
    @WithSession
    public Uni<List<UUID>> members(UUID organizationId, java.util.Set<Role> roles) {
        return (roles == null || roles.isEmpty() ? memberships.list("organizationId = ?1", organizationId)
                : memberships.list("organizationId = ?1 and role in ?2", organizationId, List.copyOf(roles)))
                .map(rows -> rows.stream().map(m -> m.userId).distinct().toList());
    }
}
