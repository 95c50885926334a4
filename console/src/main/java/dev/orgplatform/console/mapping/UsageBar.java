package dev.orgplatform.console.mapping;

import java.util.List;

/**
 * One resource's usage drawn against its limit: how full (0-100, for the bar's width), the alert thresholds marked
 * on it, and how it warns: {@code full} at or over the limit, {@code warn} from the lowest alert threshold (80% when
 * none is set), else {@code ok}. An unlimited resource has no bar ({@code limited} false). One the plan alone limits
 * ({@code adjustable} false: sub-organizations) takes no custom limit, and its limit of 0 means the plan has none.
 */
public record UsageBar(String resource, long used, long usedHere, Long limit, boolean custom, Long maximum, int percent,
        String level, List<Integer> marks, String label, boolean adjustable) {

    private static final int DEFAULT_WARNING = 80;

    public static UsageBar of(String resource, long used, long usedHere, Long limit, boolean custom, Long maximum,
            List<Integer> thresholds) {
        return of(resource, used, usedHere, limit, custom, maximum, thresholds, true);
    }

    public static UsageBar of(String resource, long used, long usedHere, Long limit, boolean custom, Long maximum,
            List<Integer> thresholds, boolean adjustable) {
        if (!adjustable && limit != null && limit == 0 && used == 0) {
            return new UsageBar(resource, 0, 0, 0L, false, maximum, 0, "ok", List.of(), "none: not included in the plan", false);
        }
        List<Integer> marks = thresholds.stream().filter(t -> t > 0 && t < 100).sorted().toList();
        if (limit == null) {
            return new UsageBar(resource, used, usedHere, null, custom, maximum, 0, "ok", List.of(), used + " used, no limit", adjustable);
        }
        int percent = limit == 0 ? 100 : (int) Math.min(100, used * 100 / limit);
        boolean full = used >= limit;
        int warnFrom = marks.isEmpty() ? DEFAULT_WARNING : marks.get(0);
        String level = full ? "full" : percent >= warnFrom ? "warn" : "ok";
        String label = used + " of " + limit + " used" + (full ? ": the limit is reached" : "");
        return new UsageBar(resource, used, usedHere, limit, custom, maximum, percent, level, marks, label, adjustable);
    }

    public boolean limited() {
        return limit != null;
    }
}
