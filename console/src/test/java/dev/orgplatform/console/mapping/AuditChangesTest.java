package dev.orgplatform.console.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An audit entry's data read as before and after (pure: no stack). */
class AuditChangesTest {

    @Test
    void changesOfAnUpdateReadAsBeforeAndAfter() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organizationId", "o-1");
        data.put("changes", Map.of("displayName", Map.of("before", "Acme", "after", "Acme Corp")));
        assertEquals(List.of(new AuditChanges.Line("displayName", "Acme", "Acme Corp", true)), AuditChanges.of(data));
    }

    @Test
    void aPreviousValueIsPairedWithItsNewOneAndTheRestAreFacts() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organizationId", "o-1");
        data.put("userId", "u-1");
        data.put("previousRole", "VIEWER");
        data.put("role", "ADMIN");
        data.put("previousOwnerId", "u-1");
        data.put("newOwnerId", "u-2");
        data.put("teams", List.of("Firmware", "My Team"));
        data.put("previousLimit", null);
        data.put("limit", 15);
        assertEquals(List.of(new AuditChanges.Line("role", "VIEWER", "ADMIN", true),
                new AuditChanges.Line("newOwnerId", "u-1", "u-2", true),
                new AuditChanges.Line("limit", "none", "15", true),
                new AuditChanges.Line("userId", "", "u-1", false),
                new AuditChanges.Line("teams", "", "Firmware, My Team", false)), AuditChanges.of(data));
    }
}
