package dev.orgplatform.user.membership.messaging;

import java.util.List;
import java.util.UUID;

/** The events user-service publishes on {@value #TOPIC} (schemas in README.md, "Events"). */
public final class MembershipEvents {

    public static final String TOPIC = "memberships";

    private MembershipEvents() {
    }

    public record MembershipGranted(UUID membershipId, UUID organizationId, UUID userId, String role) {
    }

    public record MembershipRoleChanged(UUID membershipId, UUID organizationId, UUID userId, String previousRole, String role) {
    }

    public record MembershipRevoked(UUID membershipId, UUID organizationId, UUID userId, String role) {
    }

    public record UserSuspended(UUID userId, String reason) {
    }

    public record UserReactivated(UUID userId) {
    }

    public record UserProfileUpdated(UUID userId, List<String> changed) {
    }

    /** Team events: {@code name} for created/renamed/deleted, {@code userId} and {@code teamRole} for members. */
    public record TeamEvent(UUID teamId, UUID organizationId, String name, UUID userId, String teamRole) {
    }

    /** A member's rights on one product, replaced as a whole (empty: none left). */
    public record ProductPermissionsChanged(UUID organizationId, UUID userId, String productId, List<String> permissions) {
    }
}
