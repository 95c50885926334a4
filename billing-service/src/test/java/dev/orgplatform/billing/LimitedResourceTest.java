package dev.orgplatform.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.client.ReservationKeys;

/** The resources other services reserve are named here as the platform's ReservationKeys names them. */
class LimitedResourceTest {

    @Test
    void theReservedResourcesAreFoundByThePlatformsNames() {
        assertEquals(LimitedResource.USERS, LimitedResource.ofKey(ReservationKeys.USERS));
        assertEquals(LimitedResource.API_KEYS, LimitedResource.ofKey(ReservationKeys.API_KEYS));
        assertEquals(ReservationKeys.USERS, LimitedResource.USERS.key());
        assertEquals(ReservationKeys.API_KEYS, LimitedResource.API_KEYS.key());
        assertEquals(LimitedResource.SUB_ORGANIZATIONS, LimitedResource.ofKey(ReservationKeys.SUB_ORGANIZATIONS));
    }

    @Test
    void aSubOrganizationsHolderNamesItAndOthersAreLeftOut() {
        java.util.UUID kid = java.util.UUID.randomUUID();
        assertEquals(java.util.List.of(kid), ReservationKeys.subOrganizations(java.util.List.of(ReservationKeys.subOrganization(kid),
                ReservationKeys.member(java.util.UUID.randomUUID()))));
    }

    @Test
    void keysAreExact() {
        assertNull(LimitedResource.ofKey("Users"));
        assertNull(LimitedResource.ofKey("spaceships"));
        assertNull(LimitedResource.ofKey(null));
    }
}
