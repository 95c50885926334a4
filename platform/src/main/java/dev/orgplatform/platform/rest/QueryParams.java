package dev.orgplatform.platform.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * Query parameters that JAX-RS would answer with a bare 404 when they do not parse: taken as strings and parsed
 * here, so a bad value is a 400 naming the parameter. Absent or blank means null.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** An enum value in any case, e.g. {@code ?state=pending}. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "is not a UUID");
        }
    }

    /** {@code true} or {@code false} (any case), null when absent; anything else is refused naming the parameter. */
    public static Boolean bool(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badField(field, "must be true or false");
        };
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
