package dev.orgplatform.platform.problem;

import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * A failure worth a retry by the caller (503 with Retry-After), unlike a bug (500): the database being away, or a
 * concurrent change the database or Hibernate resolved by aborting this one. Walks causes, suppressed and composite
 * failures, since Hibernate and Mutiny wrap.
 */
public enum TransientFailure {

    /** PostgreSQL cannot be reached, restarts or refuses connections now. */
    DATABASE_UNAVAILABLE,
    /** Another transaction changed the same rows first (serialization failure, deadlock, stale version). */
    CONFLICT;

    /** admin shutdown, crash shutdown, cannot connect now */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
    /** serialization failure, deadlock */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01");

    public static Optional<TransientFailure> of(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable e = pending.poll();
            if (!seen.add(e)) {
                continue;
            }
            Optional<TransientFailure> kind = kindOf(e);
            if (kind.isPresent()) {
                return kind;
            }
            if (e.getCause() != null) {
                pending.add(e.getCause());
            }
            Collections.addAll(pending, e.getSuppressed());
            if (e instanceof CompositeException composite) {
                pending.addAll(composite.getCauses());
            }
        }
        return Optional.empty();
    }

    private static Optional<TransientFailure> kindOf(Throwable e) {
        if (e instanceof ConnectException || e instanceof SocketException || e instanceof ClosedConnectionException
                || e instanceof ClosedChannelException || e.getClass().getName().endsWith("PoolTimeoutException")
                || String.valueOf(e.getMessage()).contains("Connection refused")) {
            return Optional.of(DATABASE_UNAVAILABLE);
        }
        if (e instanceof PgException pg && pg.getSqlState() != null) {
            if (pg.getSqlState().startsWith("08") || UNAVAILABLE_STATES.contains(pg.getSqlState())) {
                return Optional.of(DATABASE_UNAVAILABLE);
            }
            if (CONFLICT_STATES.contains(pg.getSqlState())) {
                return Optional.of(CONFLICT);
            }
        }
        if (e instanceof jakarta.persistence.OptimisticLockException || e instanceof org.hibernate.StaleStateException) {
            return Optional.of(CONFLICT);
        }
        return Optional.empty();
    }
}
