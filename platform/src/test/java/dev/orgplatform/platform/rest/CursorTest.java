package dev.orgplatform.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orgplatform.platform.problem.ProblemException;

/** The one cursor codec: round trips, and every tampered cursor is a 400 naming {@code cursor} (pure logic). */
class CursorTest {

    @Test
    void timeAndIdRoundTrip() {
        Instant at = Instant.parse("2026-12-01T10:15:30.123456Z");
        UUID id = UUID.randomUUID();
        assertEquals(new Cursor.TimeAndId(at, id), Cursor.decodeTimeAndId(Cursor.encode(at, id)));
        assertNull(Cursor.decodeTimeAndId(null));
    }

    @Test
    void singleKeyRoundTrip() {
        assertEquals("acme-eu", Cursor.decodeKey(Cursor.encode("acme-eu")));
        assertNull(Cursor.decodeKey(null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "not base64!", "", "bm90LWEtdGltZR9ub3QtYW4taWQ" })
    void tamperedCursorsAreBadRequestsNamingTheCursor(String cursor) {
        ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decodeTimeAndId(cursor));
        assertEquals(400, e.status());
        assertEquals("cursor", e.errors().get(0).field());
    }

    @Test
    void aCursorWithAWellFormedTimeButABadIdIsRefused() {
        String forged = Base64.getUrlEncoder().encodeToString("2026-01-01T00:00:00Z\u001fnot-a-uuid".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.decodeTimeAndId(forged)).status());
    }

    @Test
    void anOverlongCursorIsRefused() {
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.decodeKey("A".repeat(5000))).status());
    }

    @Test
    void limitsAreBounded() {
        assertEquals(20, Cursor.limit(null, 20, 100));
        assertEquals(100, Cursor.limit(100, 20, 100));
        assertEquals("limit", assertThrows(ProblemException.class, () -> Cursor.limit(0, 20, 100)).errors().get(0).field());
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.limit(101, 20, 100)).status());
    }
}
