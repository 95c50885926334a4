package dev.orgplatform.user.membership.messaging;

import java.util.List;
import java.util.Map;
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

    /**
     * The account is disabled (no login, no session, every check denies): published once in each organization the
     * user belongs to, keyed by it; {@code version} orders the account's changes.
     */
    public record UserSuspended(UUID userId, String reason, long version) {
    }

    public record UserReactivated(UUID userId, long version) {
    }

    /**
     * Suspended in {@code suspendedIn} and beneath it: published for that organization and each beneath it where
     * the user holds a role ({@code organizationId}, the record key).
     */
    public record MemberSuspended(UUID organizationId, UUID userId, UUID suspendedIn, String reason) {
    }

    public record MemberReactivated(UUID organizationId, UUID userId, UUID suspendedIn) {
    }

    public record UserProfileUpdated(UUID userId, List<String> changed) {
    }

    /** A service or an Admin told the organization's members something ({@code roles} empty: all of them). */
    public record NotificationPosted(UUID organizationId, String category, String title, List<String> roles, int told) {
    }

    /** The person's notification preferences as they now are ({@code channels}: per category); key = the user id. */
    public record NotificationPreferencesChanged(UUID userId, Map<String, List<String>> channels, boolean phone, boolean webhook) {
    }

    /** Team events: {@code name} for created/renamed/deleted, {@code userId} and {@code teamRole} for members. */
    public record TeamEvent(UUID teamId, UUID organizationId, String name, UUID userId, String teamRole) {
    }

    /** A member's rights on one product, replaced as a whole (empty: none left). */
    public record ProductPermissionsChanged(UUID organizationId, UUID userId, String productId, List<String> permissions) {
    }
}
