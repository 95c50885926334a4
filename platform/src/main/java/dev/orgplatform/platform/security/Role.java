package dev.orgplatform.platform.security;

import java.util.Locale;

/**
 * A member's role in an organization, strongest first; it also holds in every organization beneath. The one
 * role order of the platform: every service compares roles through it.
 */
public enum Role {
    OWNER, ADMIN, MANAGER, DEVELOPER, OPERATOR, VIEWER;

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    /** The role named {@code name} (any case), or null for null or an unknown name. */
    public static Role named(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
