package dev.orgplatform.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Role;

/** Query parameters parse in one way: any case, blank is absent, a bad value names the parameter (pure logic). */
class QueryParamsTest {

    @Test
    void enumValuesInAnyCase() {
        assertEquals(Role.VIEWER, QueryParams.enumValue(Role.class, "viewer", "role"));
        assertEquals(Role.ADMIN, QueryParams.enumValue(Role.class, " ADMIN ", "role"));
        assertNull(QueryParams.enumValue(Role.class, " ", "role"));
        ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.enumValue(Role.class, "rol", "role"));
        assertEquals("role", e.errors().get(0).field());
        assertEquals(400, e.status());
    }

    @Test
    void uuids() {
        UUID id = UUID.randomUUID();
        assertEquals(id, QueryParams.uuid(id.toString(), "parentId"));
        assertNull(QueryParams.uuid(null, "parentId"));
        assertEquals("parentId", assertThrows(ProblemException.class, () -> QueryParams.uuid("x", "parentId")).errors().get(0).field());
    }

    @Test
    void versionsAsETags() {
        assertEquals("\"7\"", Versions.etag(7));
        Versions.requireMatch("W/\"7\"", 7);
        assertEquals(412, assertThrows(ProblemException.class, () -> Versions.requireMatch("\"6\"", 7)).status());
        assertEquals(428, assertThrows(ProblemException.class, () -> Versions.requireMatch(null, 7)).status());
        Versions.requireMatch("7", 7); // typed without its quotes
        ProblemException stale = assertThrows(ProblemException.class, () -> Versions.requireMatch("6", 7));
        assertTrue(stale.getMessage().contains("you sent If-Match 6") && stale.getMessage().contains("\"7\""), stale.getMessage());
    }

    @Test
    void aFlagIsTrueOrFalseAndNothingElse() {
        assertEquals(Boolean.TRUE, QueryParams.bool("TRUE", "unread"));
        assertEquals(Boolean.FALSE, QueryParams.bool("false", "unread"));
        assertNull(QueryParams.bool(null, "unread"));
        assertEquals("unread", assertThrows(ProblemException.class, () -> QueryParams.bool("yes", "unread")).errors().get(0).field());
    }
}
