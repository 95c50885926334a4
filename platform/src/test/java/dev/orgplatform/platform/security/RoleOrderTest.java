package dev.orgplatform.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one role order and the ceiling on what a role may give (pure logic). */
class RoleOrderTest {

    @Test
    void rolesAreOrderedStrongestFirst() {
        Role[] all = Role.values();
        for (int i = 0; i < all.length; i++) {
            for (int j = 0; j < all.length; j++) {
                assertEquals(i <= j, all[i].atLeast(all[j]), all[i] + " atLeast " + all[j]);
            }
        }
        assertTrue(Role.OWNER.atLeast(Role.VIEWER));
        assertFalse(Role.OPERATOR.atLeast(Role.DEVELOPER));
    }

    @Test
    void namesParseInAnyCaseAndUnknownOnesAreNull() {
        assertEquals(Role.DEVELOPER, Role.named(" developer "));
        assertNull(Role.named("rol"));
        assertNull(Role.named(null));
    }

    @Test
    void nobodyGivesAboveTheirOwnRoleNorOwner() {
        assertTrue(RoleCeiling.allows(Role.ADMIN, Role.ADMIN));
        assertTrue(RoleCeiling.allows(Role.ADMIN, Role.VIEWER));
        assertTrue(RoleCeiling.allows(Role.MANAGER, Role.DEVELOPER));
        assertFalse(RoleCeiling.allows(Role.MANAGER, Role.ADMIN));
        assertFalse(RoleCeiling.allows(Role.OWNER, Role.OWNER), "ownership moves only by transfer");
        assertFalse(RoleCeiling.allows(null, Role.VIEWER));
        assertFalse(RoleCeiling.allows(Role.ADMIN, null));
    }
}
