package dev.orgplatform.invitation.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Attempt counts per key and fixed window, in PostgreSQL so every replica counts the same attempts. */
@ApplicationScoped
public class RateWindowRepository {

    /** One more attempt in the window (atomic across replicas); emits the window's count after it. */
    public Uni<Integer> add(String key, Instant windowStart) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into rate_window (key, window_start, hits) values (?1, ?2, 1)
                on conflict (key, window_start) do update set hits = rate_window.hits + 1""")
                .setParameter(1, key).setParameter(2, at(windowStart)).executeUpdate())
                .chain(() -> hits(key, windowStart));
    }

    /** The attempts counted in the window so far. */
    public Uni<Integer> hits(String key, Instant windowStart) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select coalesce(max(hits), 0) from rate_window where key = ?1 and window_start = ?2", Integer.class)
                .setParameter(1, key).setParameter(2, at(windowStart)).getSingleResult());
    }

    public Uni<Integer> deleteBefore(Instant before) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from rate_window where window_start < ?1")
                .setParameter(1, at(before)).executeUpdate());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
