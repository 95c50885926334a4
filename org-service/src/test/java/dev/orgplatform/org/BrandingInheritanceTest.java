package dev.orgplatform.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.org.repository.BrandingRepository.Facts;
import dev.orgplatform.org.service.BrandingInheritance;

class BrandingInheritanceTest {

    private static final UUID ROOT = UUID.randomUUID();
    private static final UUID MIDDLE = UUID.randomUUID();
    private static final UUID LEAF = UUID.randomUUID();

    @Test
    void eachPartIsTheNearestSetUpTheTree() {
        Map<UUID, Facts> own = Map.of(
                ROOT, new Facts(ROOT, "#111111", "Root Corp", "image/png", 800, 600, "aa", 1),
                MIDDLE, new Facts(MIDDLE, "#222222", null, null, null, null, null, 1));
        var leaf = BrandingInheritance.effective(List.of(ROOT, MIDDLE, LEAF), own);
        assertEquals("#222222", leaf.primaryColor());
        assertEquals(MIDDLE, leaf.primaryColorFrom());
        assertEquals("Root Corp", leaf.mailDisplayName());
        assertEquals(ROOT, leaf.mailDisplayNameFrom());
        assertEquals("aa", leaf.logo().sha256());
        assertEquals(800, leaf.logo().width());
        assertEquals(ROOT, leaf.logoFrom());

        var root = BrandingInheritance.effective(List.of(ROOT), own);
        assertEquals("#111111", root.primaryColor(), "nothing below counts for those above");
    }

    @Test
    void aPartSetNowhereIsNone() {
        var nothing = BrandingInheritance.effective(List.of(ROOT, LEAF), Map.of());
        assertNull(nothing.primaryColor());
        assertNull(nothing.primaryColorFrom());
        assertNull(nothing.logo());
        assertEquals(LEAF, nothing.organizationId());
    }
}
