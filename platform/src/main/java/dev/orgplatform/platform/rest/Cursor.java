package dev.orgplatform.platform.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * The one cursor codec: the sort key of a page's last row (a name, or a time and an id) as an opaque string,
 * and back. Anything that is not a cursor this API made, tampered ones included, is a 400 naming
 * {@code cursor}, never a 500.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";
    /** Longer than any cursor this codec makes. */
    private static final int MAX_LENGTH = 1024;

    /** The position of a row in a list sorted by time, then id. */
    public record TimeAndId(Instant at, UUID id) {
    }

    private Cursor() {
    }

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(Instant at, UUID id) {
        return encode(at.toString(), id.toString());
    }

    /** The keys of {@code cursor}, or a 400 problem naming {@code cursor} if it was not made by {@link #encode}. */
    public static List<String> decode(String cursor, int expectedKeys) {
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            List<String> keys = List.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1));
            if (keys.size() != expectedKeys) {
                throw new IllegalArgumentException("wrong number of keys");
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw tampered();
        }
    }

    /** The one key of a single-key cursor, null when {@code cursor} is null. */
    public static String decodeKey(String cursor) {
        return cursor == null ? null : decode(cursor, 1).get(0);
    }

    /** The time and id of a {@link #encode(Instant, UUID)} cursor, null when {@code cursor} is null. */
    public static TimeAndId decodeTimeAndId(String cursor) {
        if (cursor == null) {
            return null;
        }
        List<String> keys = decode(cursor, 2);
        try {
            return new TimeAndId(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1)));
        } catch (RuntimeException e) { // DateTimeParseException is no IllegalArgumentException
            throw tampered();
        }
    }

    /** The page size asked for, within 1..{@code max}; absent means {@code fallback}. */
    public static int limit(Integer requested, int fallback, int max) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 1 || requested > max) {
            throw ProblemException.badField("limit", "must be between 1 and " + max);
        }
        return requested;
    }

    private static ProblemException tampered() {
        return ProblemException.badField("cursor", "is not a cursor this API returned");
    }
}
