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
 * A database failure that is no bug (not a 500): the database being away (503 with Retry-After), a concurrent change
 * the database or Hibernate resolved by aborting this one (409: read again, then retry), or a creation that lost the
 * race to another creating the same unique thing (409). Walks causes, suppressed and composite failures, since
 * Hibernate and Mutiny wrap.
 */
public enum DatabaseFailure {

    /** PostgreSQL cannot be reached, restarts or refuses connections now. */
    DATABASE_UNAVAILABLE,
    /** Another transaction changed the same rows first (serialization failure, deadlock, stale version). */
    CONFLICT,
    /** Another transaction inserted the same unique values first (what the service checked before was gone stale). */
    DUPLICATE;

    /** admin shutdown, crash shutdown, cannot connect now */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
    /** serialization failure, deadlock */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01");
    private static final String UNIQUE_VIOLATION = "23505";

    public static Optional<DatabaseFailure> of(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable e = pending.poll();
            if (!seen.add(e)) {
                continue;
            }
            Optional<DatabaseFailure> kind = kindOf(e);
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

    /** The SQLSTATE as the PostgreSQL client reports it, or as Hibernate passes it on (it keeps no PgException). */
    private static String sqlState(Throwable e) {
        if (e instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (e instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        return e instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState() : null;
    }

    private static Optional<DatabaseFailure> kindOf(Throwable e) {
        if (e instanceof ConnectException || e instanceof SocketException || e instanceof ClosedConnectionException
                || e instanceof ClosedChannelException || e.getClass().getName().endsWith("PoolTimeoutException")
                || String.valueOf(e.getMessage()).contains("Connection refused")) {
            return Optional.of(DATABASE_UNAVAILABLE);
        }
        String state = sqlState(e);
        if (state != null) {
            if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
                return Optional.of(DATABASE_UNAVAILABLE);
            }
            if (CONFLICT_STATES.contains(state)) {
                return Optional.of(CONFLICT);
            }
            if (UNIQUE_VIOLATION.equals(state)) {
                return Optional.of(DUPLICATE);
            }
        }
        if (e instanceof jakarta.persistence.OptimisticLockException || e instanceof org.hibernate.StaleStateException) {
            return Optional.of(CONFLICT);
        }
        return Optional.empty();
    }
}
