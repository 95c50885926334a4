package dev.orgplatform.platform.security;

/** Nobody gives a role above their own (by invitation or by a role change), nor OWNER ({@link OwnerByTransferOnly}). */
public final class RoleCeiling {

    private RoleCeiling() {
    }

    public static boolean allows(Role giver, Role given) {
        return giver != null && given != null && OwnerByTransferOnly.givable(given) && giver.atLeast(given);
    }
}
