package dev.orgplatform.platform.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.orgplatform.platform.problem.ProblemException;

/** Encodes the sort key of a page's last row (e.g. created-at and id) as an opaque cursor, and back. */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of {@code cursor}, or a 400 problem naming {@code cursor} if it was not made by {@link #encode}. */
    public static List<String> decode(String cursor, int expectedKeys) {
        try {
            List<String> keys = List.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1));
            if (keys.size() != expectedKeys) {
                throw new IllegalArgumentException("wrong number of keys");
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
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
}
