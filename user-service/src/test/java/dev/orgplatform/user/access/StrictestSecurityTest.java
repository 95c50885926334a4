package dev.orgplatform.user.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StrictestSecurityTest {

    @Test
    void nothingSetEnforcesNothingAndCapsNothing() {
        StrictestSecurity none = StrictestSecurity.NONE.and(false, null).and(false, null);
        assertFalse(none.enforce2fa());
        assertNull(none.maxApiKeyLifetimeDays());
    }

    @Test
    void anyOrganizationOnTheWayEnforcing2faMakesItHold() {
        assertTrue(StrictestSecurity.NONE.and(false, null).and(true, null).and(false, null).enforce2fa());
        assertTrue(StrictestSecurity.NONE.and(true, null).enforce2fa());
    }

    @Test
    void theLowestCapWinsWhateverTheOrderAndAnUnsetCapLoosensNothing() {
        assertEquals(30, StrictestSecurity.NONE.and(false, 90).and(false, 30).and(false, 60).maxApiKeyLifetimeDays());
        assertEquals(30, StrictestSecurity.NONE.and(false, 30).and(false, 90).maxApiKeyLifetimeDays());
        assertEquals(45, StrictestSecurity.NONE.and(false, null).and(false, 45).and(false, null).maxApiKeyLifetimeDays());
    }
}
