package dev.orgplatform.user.access.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.access.AccessChange;
import dev.orgplatform.user.access.AccessFact;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
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

    /** Every access fact as of one snapshot, the changes that snapshot already shows, and where polling starts. */
    public record Snapshot(long from, List<AccessFact> facts, List<AccessChange> changes) {
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
    private static final List<String> TABLES = List.of(
            "select 'organization' as fact, to_jsonb(t) as \"row\" from organization_node t",
            "select 'membership' as fact, to_jsonb(t) as \"row\" from membership t",
            "select 'suspension' as fact, to_jsonb(t) as \"row\" from user_profile t where t.status = 'SUSPENDED'",
            "select 'member_suspension' as fact, to_jsonb(t) as \"row\" from member_suspension t",
            "select 'product_permission' as fact, to_jsonb(t) as \"row\" from product_permission t",
            "select 'api_key' as fact, to_jsonb(t) as \"row\" from api_key t where t.revoked_at is null");

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

    /** One repeatable-read transaction: the tables and the feed as of the same instant. */
    public Uni<Snapshot> snapshot() {
        return pool.withTransaction(c -> c.query("set transaction isolation level repeatable read, read only").execute()
                .chain(() -> c.query("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin").execute())
                .map(rows -> rows.iterator().next().getLong("xmin"))
                .chain(from -> facts(c).chain(facts -> c.preparedQuery(CHANGES_SEEN).execute(Tuple.of(from))
                        .map(rows -> new Snapshot(from, facts, changes(rows))))));
    }

    public Uni<Integer> deleteOlderThan(Duration age) {
        return pool.preparedQuery("delete from access_change where changed_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) age.toMillis() / 1000)).map(RowSet::rowCount);
    }

    /** The lowest change id left in the feed, null when it is empty. */
    public Uni<Long> oldestId() {
        return pool.query("select min(id) as id from access_change").execute().map(rows -> rows.iterator().next().getLong("id"));
    }

    private static Uni<List<AccessFact>> facts(SqlConnection c) {
        // one statement after the other: a connection runs one at a time
        return Multi.createFrom().iterable(TABLES).onItem().transformToUniAndConcatenate(sql -> c.query(sql).execute())
                .collect().in(ArrayList<AccessFact>::new, (all, rows) -> rows.forEach(r -> all.add(fact(r))))
                .map(List::copyOf);
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
