package dev.orgplatform.console.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a usage bar fills and warns (pure: no stack). */
class UsageBarTest {

    @Test
    void itWarnsFromTheLowestThresholdAndIsFullAtTheLimit() {
        assertEquals("ok", UsageBar.of("users", 3, 3, 10L, false, 500L, List.of(50, 90)).level());
        UsageBar half = UsageBar.of("users", 5, 2, 10L, false, 500L, List.of(90, 50));
        assertEquals("warn", half.level());
        assertEquals(50, half.percent());
        assertEquals(List.of(50, 90), half.marks(), "marks in order");
        UsageBar full = UsageBar.of("users", 10, 10, 10L, true, 500L, List.of(50));
        assertEquals("full", full.level());
        assertEquals(100, full.percent());
        assertTrue(full.label().contains("the limit is reached"), full.label());
    }

    @Test
    void withoutThresholdsItWarnsAt80AndOverTheLimitStaysAFullBar() {
        assertEquals("ok", UsageBar.of("apiKeys", 79, 79, 100L, false, 1000L, List.of()).level());
        assertEquals("warn", UsageBar.of("apiKeys", 80, 80, 100L, false, 1000L, List.of()).level());
        UsageBar over = UsageBar.of("apiKeys", 120, 120, 100L, true, 1000L, List.of(100));
        assertEquals(100, over.percent());
        assertEquals("full", over.level());
        assertEquals(List.of(), over.marks(), "100% is the end of the bar, not a mark");
        assertEquals("full", UsageBar.of("webhooks", 0, 0, 0L, true, 100L, List.of()).level(), "a limit of 0 is reached at once");
    }

    @Test
    void anUnlimitedResourceHasNoBar() {
        UsageBar devices = UsageBar.of("devices", 12_000, 0, null, false, null, List.of(80));
        assertFalse(devices.limited());
        assertEquals("12000 used, no limit", devices.label());
    }

    @Test
    void whatThePlanAloneLimitsToNoneSaysSoInsteadOfAFullBar() {
        UsageBar none = UsageBar.of("subOrganizations", 0, 0, 0L, false, null, List.of(80), false);
        assertEquals("ok", none.level());
        assertEquals("none: not included in the plan", none.label());
        assertEquals(false, none.adjustable());
        assertEquals(true, UsageBar.of("users", 0, 0, 10L, false, 500L, List.of()).adjustable());
    }
}
