package dev.orgplatform.platform.rest;

import java.util.List;

/**
 * One page of a list. {@code nextCursor} is opaque to clients: pass it back as {@code ?cursor=} for the
 * next page; null on the last page. Keyset pagination keeps pages stable while rows are added.
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that more exist.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, java.util.function.Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
    }

    public <R> Page<R> map(java.util.function.Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextCursor);
    }
}
