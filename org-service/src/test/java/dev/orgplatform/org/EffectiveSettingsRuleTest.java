package dev.orgplatform.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.net.Cidr;

import dev.orgplatform.org.service.EffectiveSettings;
import dev.orgplatform.org.service.EffectiveSettingsRule;

/** The inheritance rule alone (no stack needed): the strictest along the path wins. */
class EffectiveSettingsRuleTest {

    @Test
    void theStrictestSettingAlongThePathHolds() {
        OrganizationSettings root = settings(true, List.of("10.0.0.0/8", "192.168.1.0/24"), 480, 90, "billing@root.test");
        OrganizationSettings child = settings(false, List.of("10.1.0.0/16", "172.16.0.0/12"), 600, 30, null);
        EffectiveSettings e = EffectiveSettingsRule.combine(child.organizationId, List.of(root, child));
        assertTrue(e.enforce2fa(), "the root enforces 2FA: the child cannot turn it off");
        assertTrue(e.ipAllowlistEnforced());
        assertEquals(List.of("10.1.0.0/16"), e.ipAllowlist(), "only what both lists allow");
        assertEquals(480, e.maxSessionMinutes());
        assertEquals(30, e.apiKeyMaxLifetimeDays());
        assertEquals("billing@root.test", e.billingContactEmail());
        // where each value comes from: what the console shows beside it
        assertEquals(List.of(root.organizationId), e.setBy().get("enforce2fa"));
        assertEquals(List.of(root.organizationId, child.organizationId), e.setBy().get("ipAllowlist"));
        assertEquals(List.of(root.organizationId), e.setBy().get("maxSessionMinutes"), "the root's 480 is below the child's 600");
        assertEquals(List.of(child.organizationId), e.setBy().get("apiKeyMaxLifetimeDays"));
        assertEquals(List.of(root.organizationId), e.setBy().get("billingContactEmail"));
    }

    @Test
    void anEmptyListAddsNoRestrictionAndDisjointListsAdmitNobody() {
        OrganizationSettings open = settings(false, List.of(), null, null, null);
        EffectiveSettings unrestricted = EffectiveSettingsRule.combine(open.organizationId, List.of(open));
        assertFalse(unrestricted.ipAllowlistEnforced());
        assertNull(unrestricted.maxSessionMinutes());
        assertTrue(unrestricted.setBy().isEmpty(), "nobody set anything");

        OrganizationSettings a = settings(false, List.of("10.0.0.0/8"), null, null, null);
        OrganizationSettings b = settings(false, List.of(), null, null, null);
        OrganizationSettings c = settings(false, List.of("192.168.0.0/16"), null, null, null);
        EffectiveSettings none = EffectiveSettingsRule.combine(c.organizationId, List.of(a, b, c));
        assertTrue(none.ipAllowlistEnforced());
        assertEquals(List.of(), none.ipAllowlist());
    }

    @Test
    void cidrsAreParsedStrictlyAndCanonically() {
        assertEquals("10.0.0.0/8", Cidr.parse("10.1.2.3/8").orElseThrow().toString());
        assertTrue(Cidr.parse("2001:db8::/32").orElseThrow().contains(Cidr.parse("2001:db8:1::/48").orElseThrow()));
        assertFalse(Cidr.parse("10.0.0.0/8").orElseThrow().contains(Cidr.parse("2001:db8::/32").orElseThrow()));
        for (String bad : List.of("10.0.0.0", "10.0.0.0/33", "300.1.1.1/8", "example.com/8", "::/129", "", "1.2.3/8")) {
            assertTrue(Cidr.parse(bad).isEmpty(), bad);
        }
    }

    private static OrganizationSettings settings(boolean twoFa, List<String> cidrs, Integer session, Integer keys, String billing) {
        OrganizationSettings s = OrganizationSettings.defaultsFor(UUID.randomUUID(), Instant.now());
        s.enforce2fa = twoFa;
        s.ipAllowlist(cidrs);
        s.maxSessionMinutes = session;
        s.apiKeyMaxLifetimeDays = keys;
        s.billingContactEmail = billing;
        return s;
    }
}
