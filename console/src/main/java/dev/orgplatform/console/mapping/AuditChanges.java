package dev.orgplatform.console.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An audit entry's data as a person reads it: each change as field, before and after, and the other facts as field
 * and value. Changes come as {@code changes: {field: {before, after}}} or as a {@code previousX} beside its new value
 * ({@code previousRole}/{@code role}, {@code previousParentId}/{@code newParentId}, {@code previousCents}/
 * {@code outstandingCents}); identifiers of the entry itself (the organization) are left out.
 */
public final class AuditChanges {

    /** One line: a change has a before, a fact has none ({@code changed} false). */
    public record Line(String field, String before, String after, boolean changed) {
    }

    /** Where a {@code previousX} field's new value is when not under {@code x}. */
    private static final Map<String, String> NEW_VALUE_OF = Map.of("previousParentId", "newParentId", "previousOwnerId", "newOwnerId",
            "previousCents", "outstandingCents");

    private AuditChanges() {
    }

    public static List<Line> of(Map<String, Object> data) {
        List<Line> lines = new ArrayList<>();
        Map<String, Object> rest = new LinkedHashMap<>(data);
        rest.remove("organizationId");
        if (rest.remove("changes") instanceof Map<?, ?> changes) {
            changes.forEach((field, change) -> {
                Map<?, ?> c = change instanceof Map<?, ?> m ? m : Map.of();
                lines.add(new Line(String.valueOf(field), shown(c.get("before")), shown(c.get("after")), true));
            });
        }
        for (String field : List.copyOf(rest.keySet())) {
            if (field.startsWith("previous") && field.length() > "previous".length() && rest.containsKey(field)) {
                String after = NEW_VALUE_OF.getOrDefault(field,
                        Character.toLowerCase(field.charAt(8)) + field.substring(9));
                if (rest.containsKey(after)) {
                    lines.add(new Line(after, shown(rest.remove(field)), shown(rest.remove(after)), true));
                }
            }
        }
        rest.forEach((field, value) -> lines.add(new Line(field, "", shown(value), false)));
        return lines;
    }

    private static String shown(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none" : String.join(", ", list.stream().map(AuditChanges::shown).toList());
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + ": " + shown(v)));
            return String.join("; ", parts);
        }
        return value.toString();
    }
}
