package dev.orgplatform.org.service;

import java.util.List;
import java.util.UUID;

import dev.orgplatform.org.Organization;
import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;

/**
 * A sub-organization has no Owner of its own: it is managed from above. What only the Owner does to a root
 * (delete it, restore it, transfer its ownership) is done to a sub-organization by whoever may create
 * sub-organizations under its parent (Owners and Admins of the parent or higher), always asked of the check; the
 * stored creator of a sub-organization grants nothing.
 */
public final class ManagedFromAbove {

    /** What the gate is asked: a permission in an organization. */
    public record Question(String permission, UUID organizationId) {
    }

    static final String ON_PARENT = "organization:create-child";

    private ManagedFromAbove() {
    }

    public static Question toDelete(Organization o) {
        return o.parentId == null ? new Question("organization:delete", o.id) : new Question(ON_PARENT, o.parentId);
    }

    public static Question toRestore(Organization o) {
        return o.parentId == null ? new Question("organization:restore", o.id) : new Question(ON_PARENT, o.parentId);
    }

    /**
     * A root's Owner restores it without asking the check, which no longer sees an organization pending deletion;
     * a sub-organization is restored through its parent, which the check still sees.
     */
    public static boolean restoredUnasked(Organization o, UUID caller) {
        return o.parentId == null && caller.equals(o.ownerId);
    }

    /** The Owner a new organization gets: its creator for a root, nobody for a sub-organization. */
    public static UUID ownerOfNew(UUID parentId, UUID creator) {
        return parentId == null ? creator : null;
    }

    public static void mayTransfer(Organization o) {
        if (o.parentId != null) {
            throw new ProblemException(409, "Transfer refused", "a sub-organization has no Owner: it is managed from its parent",
                    List.of(new FieldError("newOwnerId", "a sub-organization has no Owner")), null);
        }
    }
}
