package dev.orgplatform.user;

/** A member's role in an organization, strongest first; it also holds in every organization beneath. */
public enum Role {
    OWNER, ADMIN, MANAGER, DEVELOPER, OPERATOR, VIEWER;

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }
}
