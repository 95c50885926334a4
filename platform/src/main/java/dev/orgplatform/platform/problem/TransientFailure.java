package dev.orgplatform.platform.problem;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Whether a failure is the database being away or a concurrency conflict it resolved by aborting us: worth a retry
 * by the caller (503 with Retry-After), unlike a bug (500). Walks the cause chain, since Hibernate and Mutiny wrap.
 */
public final class TransientFailure {

    /** admin shutdown, crash shutdown, cannot connect now, serialization failure, deadlock */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");

    private TransientFailure() {
    }

    public static boolean of(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ConnectException || e instanceof ClosedConnectionException || e instanceof ClosedChannelException) {
                return true;
            }
            if (e instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || STATES.contains(pg.getSqlState()))) {
                return true;
            }
            if (e.getClass().getName().endsWith("PoolTimeoutException") || String.valueOf(e.getMessage()).contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }
}
