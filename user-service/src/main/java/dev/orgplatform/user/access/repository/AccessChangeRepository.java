package dev.orgplatform.user.access.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.access.AccessChange;
import dev.orgplatform.user.access.AccessFact;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The change feed and the tables it follows, read with the SQL client itself: a poll runs from a timer or from any
 * request, outside any Hibernate session, and costs one statement.
 */
@ApplicationScoped
public class AccessChangeRepository {

    /**
     * What a poll read: the changes of transactions from {@code from} on, where the next poll starts, and how long
     * before the poll the followed source's oldest partition watermark was produced (null: none ever arrived).
     */
    public record Batch(long nextFrom, List<AccessChange> changes, Double followedLagSeconds) {
    }

    /** Where polling starts after a snapshot, and the changes that snapshot already shows. */
    public record Snapshot(long from, List<AccessChange> changes) {
    }

    /**
     * Takes a snapshot's facts as they are read, so no result set is held whole: a membership as its columns (there
     * may be millions), every other fact as its row.
     */
    public interface SnapshotSink {

        void membership(UUID organizationId, UUID userId, String role);

        void fact(AccessFact fact);
    }

    /**
     * The snapshot's xmin (every transaction below it has ended) comes from the statement's own snapshot: a row of a
     * transaction below it is visible now or never; rows at or above it are read again by the next poll.
     */
    private static final String POLL = """
            select s.xmin, w.lag, c.id, c.fact, c.deleted, c."row"
            from (select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin) s
            cross join (select extract(epoch from now() - min(produced_at))::float8 as lag from feed_watermark where source = $2) w
            left join access_change c on c.tx_id >= $1
            order by c.id""";
    private static final String WATERMARK = """
            insert into feed_watermark (source, kafka_partition, produced_at) values ($1, $2, $3)
            on conflict (source, kafka_partition)
            do update set produced_at = greatest(feed_watermark.produced_at, excluded.produced_at)""";
    private static final String CHANGES_SEEN = "select id, fact, deleted, \"row\" from access_change where tx_id >= $1 order by id";
    private static final String MEMBERSHIPS = "select organization_id, user_id, role from membership";
    private static final List<String> OTHER_FACTS = List.of(
            "select 'organization' as fact, to_jsonb(t) as \"row\" from organization_node t",
            "select 'suspension' as fact, to_jsonb(t) as \"row\" from user_profile t where t.status = 'SUSPENDED'",
            "select 'member_suspension' as fact, to_jsonb(t) as \"row\" from member_suspension t",
            "select 'product_permission' as fact, to_jsonb(t) as \"row\" from product_permission t",
            "select 'api_key' as fact, to_jsonb(t) as \"row\" from api_key t where t.revoked_at is null");

    /** Rows read per round trip while a snapshot streams. */
    private static final int SNAPSHOT_FETCH = 5_000;

    private final Pool pool;

    public AccessChangeRepository(Pool pool) {
        this.pool = pool;
    }

    /** The changes since {@code fromTx}, with how current the copy of {@code followedSource}'s facts is. */
    public Uni<Batch> since(long fromTx, String followedSource) {
        return pool.preparedQuery(POLL).execute(Tuple.of(fromTx, followedSource)).map(rows -> {
            long next = fromTx;
            Double lag = null;
            List<AccessChange> changes = new ArrayList<>();
            for (Row r : rows) {
                next = r.getLong("xmin");
                lag = r.getDouble("lag");
                if (r.getLong("id") != null) {
                    changes.add(change(r));
                }
            }
            return new Batch(next, changes, lag);
        });
    }

    /**
     * A watermark of {@code source} was applied on {@code partition}: all it committed before {@code producedAt} is in
     * this database. An older one arriving late never moves it back.
     */
    public Uni<Void> watermarkSeen(String source, int partition, Instant producedAt) {
        return pool.preparedQuery(WATERMARK).execute(Tuple.of(source, partition, producedAt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** One repeatable-read transaction: the tables, streamed into {@code sink}, and the feed as of the same instant. */
    public Uni<Snapshot> snapshot(SnapshotSink sink) {
        return pool.withTransaction(c -> c.query("set transaction isolation level repeatable read, read only").execute()
                .chain(() -> c.query("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin").execute())
                .map(rows -> rows.iterator().next().getLong("xmin"))
                .call(() -> stream(c, MEMBERSHIPS,
                        r -> sink.membership(r.getUUID("organization_id"), r.getUUID("user_id"), r.getString("role"))))
                // one statement after the other: a connection runs one at a time
                .call(() -> Multi.createFrom().iterable(OTHER_FACTS)
                        .onItem().transformToUniAndConcatenate(sql -> stream(c, sql, r -> sink.fact(fact(r))))
                        .collect().last())
                .chain(from -> c.preparedQuery(CHANGES_SEEN).execute(Tuple.of(from)).map(rows -> new Snapshot(from, changes(rows)))));
    }

    public Uni<Integer> deleteOlderThan(Duration age) {
        return pool.preparedQuery("delete from access_change where changed_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) age.toMillis() / 1000)).map(RowSet::rowCount);
    }

    /** The lowest change id left in the feed, null when it is empty. */
    public Uni<Long> oldestId() {
        return pool.query("select min(id) as id from access_change").execute().map(rows -> rows.iterator().next().getLong("id"));
    }

    /** Every row of {@code sql} to {@code each}, a fetch at a time through a cursor (inside the snapshot's transaction). */
    private static Uni<Void> stream(SqlConnection c, String sql, Consumer<Row> each) {
        return c.prepare(sql).chain(statement -> {
            Cursor cursor = statement.cursor();
            return Multi.createBy().repeating().uni(() -> cursor.read(SNAPSHOT_FETCH)).whilst(rows -> cursor.hasMore())
                    .onItem().invoke(rows -> rows.forEach(each))
                    .collect().last().replaceWithVoid()
                    .eventually(() -> cursor.close().chain(statement::close));
        });
    }

    private static List<AccessChange> changes(RowSet<Row> rows) {
        List<AccessChange> changes = new ArrayList<>();
        rows.forEach(r -> changes.add(change(r)));
        return changes;
    }

    private static AccessChange change(Row r) {
        return new AccessChange(r.getLong("id"), r.getBoolean("deleted"), fact(r));
    }

    private static AccessFact fact(Row r) {
        return new AccessFact(r.getString("fact"), r.getJsonObject("row"));
    }
}
