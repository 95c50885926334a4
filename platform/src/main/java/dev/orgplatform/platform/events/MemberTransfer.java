package dev.orgplatform.platform.events;

import java.util.UUID;

/**
 * A member moved from one organization to another of the same tree, told once on each side (keyed by that side's
 * organization, on user-service's {@code memberships} topic): {@link #OUT} where they left, {@link #IN} where they
 * arrived. Their seat moves with them (billing-service follows {@link #IN}); the tree's count does not change.
 */
public record MemberTransfer(UUID organizationId, UUID userId, UUID fromOrganizationId, UUID toOrganizationId,
        UUID membershipId, String previousRole, String role) {

    public static final String OUT = "MemberTransferredOut";
    public static final String IN = "MemberTransferredIn";
}
