package dev.orgplatform.user.membership;

import java.util.UUID;

import dev.orgplatform.platform.security.Role;

/** A user's membership seen from one organization: held there, in an ancestor, or in a descendant. */
public record TreeMembership(UUID organizationId, Role role, Place place) {

    public enum Place {
        ANCESTOR, HERE, DESCENDANT
    }
}
