package dev.orgplatform.platform.security;

/**
 * Nobody gives a role above their own (by invitation or by a role change), and nobody is given OWNER that way:
 * ownership moves only by transfer.
 */
public final class RoleCeiling {

    private RoleCeiling() {
    }

    public static boolean allows(Role giver, Role given) {
        return giver != null && given != null && given != Role.OWNER && giver.atLeast(given);
    }
}
