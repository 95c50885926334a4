package dev.orgplatform.console.rest;

import java.util.UUID;

/** What a form or query parameter holds, read once the same way on every page. */
final class FormValues {

    private FormValues() {
    }

    /** Trimmed, or null when absent or blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Trimmed, or empty when absent: what a form shows again. */
    static String shown(String value) {
        return value == null ? "" : value.trim();
    }

    /** The id, or null when it is not one (an id typed into a URL included). */
    static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
