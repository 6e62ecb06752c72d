package com.loyalty.points;

import com.loyalty.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for the points ledger, its grants (buckets), allocations and the per-member balance row. */
@Repository
class PointsLedgerRepository {

    private final DatabaseClient db;

    PointsLedgerRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Locks the member's balance row for the rest of the transaction and returns the balance;
     * creates the row first only when the member has none yet (one statement in the usual case).
     */
    public Mono<Long> lockBalance(long memberId) {
        Mono<Long> lock = Mono.defer(() -> db.sql("select balance from member_points where member_id = :id for update")
                .bind("id", memberId)
                .map(row -> row.get("balance", Long.class))
                .one());
        return lock.switchIfEmpty(Mono.defer(() -> db.sql(
                        "insert into member_points (member_id) values (:id) on conflict do nothing")
                .bind("id", memberId).then()
                .then(lock)));
    }

    /** Adds to the balance and returns the new balance. */
    public Mono<Long> addToBalance(long memberId, long delta) {
        return db.sql("update member_points set balance = balance + :delta where member_id = :id returning balance")
                .bind("id", memberId).bind("delta", delta)
                .map(row -> row.get("balance", Long.class)).one();
    }

    public Mono<Long> insert(NewEntry e, long delta, Instant expiresAt) {
        return bindEntry(db.sql("insert into points_ledger " + ENTRY_COLUMNS + " values " + ENTRY_VALUES
                        + " returning id"), e, delta, expiresAt)
                .map(row -> row.get("id", Long.class))
                .one();
    }

    /**
     * Credits points in one statement: the entry, a bucket of what is left after paying off any
     * debt (see {@link #debt}), and the balance. The debt and the balance are read from the
     * statement's snapshot, before its own writes; the caller holds the member's balance lock.
     */
    public Mono<Credited> credit(NewEntry e, long points, Instant expiresAt) {
        return bindEntry(db.sql("with owed as (" + DEBT + "),"
                        + " entry as (insert into points_ledger " + ENTRY_COLUMNS + " values " + ENTRY_VALUES
                        + " returning id),"
                        + " bucket as (insert into points_grant (ledger_id, member_id, amount, remaining, expires_at)"
                        + "  select entry.id, :memberId, :delta - least(owed.debt, :delta), :delta - least(owed.debt, :delta),"
                        + "  :expiresAt from entry, owed where owed.debt < :delta),"
                        + " balance as (update member_points set balance = balance + :delta where member_id = :memberId"
                        + "  returning balance)"
                        + " select entry.id, balance.balance from entry, balance"), e, points, expiresAt)
                .map(row -> new Credited(row.get("id", Long.class), row.get("balance", Long.class)))
                .one();
    }

    /** A credit's ledger entry and the balance after it. */
    public record Credited(long entryId, long balance) {
    }

    private static final String ENTRY_COLUMNS = "(brand_id, member_id, kind, delta, purchase_id, refund_id, store_id,"
            + " staff_id, reason, expires_at, idempotency_key, created_at)";
    private static final String ENTRY_VALUES = "(:brandId, :memberId, :kind, :delta, :purchaseId, :refundId, :storeId,"
            + " :staffId, :reason, :expiresAt, :key, :at)";

    private static DatabaseClient.GenericExecuteSpec bindEntry(DatabaseClient.GenericExecuteSpec spec, NewEntry e,
                                                               long delta, Instant expiresAt) {
        return spec.bind("brandId", e.brandId())
                .bind("memberId", e.memberId())
                .bind("kind", e.kind().name())
                .bind("delta", delta)
                .bind("purchaseId", Parameter.fromOrEmpty(e.purchaseId(), Long.class))
                .bind("refundId", Parameter.fromOrEmpty(e.refundId(), Long.class))
                .bind("storeId", Parameter.fromOrEmpty(e.storeId(), Long.class))
                .bind("staffId", Parameter.fromOrEmpty(e.staffId(), Long.class))
                .bind("reason", Parameter.fromOrEmpty(e.reason(), String.class))
                .bind("expiresAt", Parameter.fromOrEmpty(expiresAt, Instant.class))
                .bind("key", Parameter.fromOrEmpty(e.idempotencyKey(), String.class))
                .bind("at", e.at());
    }

    /** Grants with points left that are still valid at {@code now}: the preferred one first, then soonest expiry. */
    public Flux<OpenGrant> openGrants(long memberId, Instant now, Long preferredGrantId) {
        return db.sql("""
                        select ledger_id, remaining, expires_at from points_grant
                        where member_id = :memberId and remaining > 0 and expires_at > :now
                        order by (ledger_id = :preferred) desc nulls last, expires_at, ledger_id
                        """)
                .bind("memberId", memberId).bind("now", now)
                .bind("preferred", Parameter.fromOrEmpty(preferredGrantId, Long.class))
                .map(PointsLedgerRepository::toGrant)
                .all();
    }

    /** Grants with points left whose validity ended before {@code cutoff}. */
    public Flux<DueGrant> dueGrants(Instant cutoff) {
        return db.sql("""
                        select g.ledger_id, g.member_id, g.remaining, g.expires_at, l.brand_id from points_grant g
                        join points_ledger l on l.id = g.ledger_id
                        where g.remaining > 0 and g.expires_at < :cutoff
                        order by g.member_id, g.expires_at
                        """)
                .bind("cutoff", cutoff)
                .map(PointsLedgerRepository::toDueGrant)
                .all();
    }

    /** What is left of one grant (locked by the caller's member lock). */
    public Mono<Long> remaining(long grantId) {
        return db.sql("select remaining from points_grant where ledger_id = :id")
                .bind("id", grantId).map(row -> row.get("remaining", Long.class)).one();
    }

    /** Points per member and expiry time that expire in {@code (from, until]}. */
    public Flux<DueGrant> expiringBetween(Instant from, Instant until) {
        return db.sql("""
                        select min(g.ledger_id) as ledger_id, g.member_id, min(l.brand_id) as brand_id,
                               sum(g.remaining)::bigint as remaining, g.expires_at
                        from points_grant g join points_ledger l on l.id = g.ledger_id
                        where g.remaining > 0 and g.expires_at > :from and g.expires_at <= :until
                        group by g.member_id, g.expires_at order by g.member_id, g.expires_at
                        """)
                .bind("from", from).bind("until", until)
                .map(PointsLedgerRepository::toDueGrant)
                .all();
    }

    /** A grant as the expiry and reminder jobs see it. */
    public record DueGrant(long grantId, long memberId, long brandId, long remaining, Instant expiresAt) {
    }

    /**
     * Points still owed after reversals took more than the member had: sum of buckets minus balance.
     * Only buckets with points left count (the rest add 0), which lets the partial index
     * points_grant_open find them instead of scanning every bucket of every member.
     */
    private static final String DEBT = "select greatest(0, coalesce((select sum(remaining) from points_grant"
            + " where member_id = :memberId and remaining > 0), 0)"
            + " - (select balance from member_points where member_id = :memberId))::bigint as debt";

    /** Takes points from a grant and records which entry took them. */
    public Mono<Void> allocate(long ledgerId, long grantId, long amount) {
        return db.sql("update points_grant set remaining = remaining - :amount where ledger_id = :grantId")
                .bind("grantId", grantId).bind("amount", amount).then()
                .then(db.sql("insert into points_allocation (ledger_id, grant_id, amount) values (:l, :g, :a)")
                        .bind("l", ledgerId).bind("g", grantId).bind("a", amount).then());
    }

    /** The id of the EARN entry of a purchase, if it made a grant. */
    public Mono<Long> earnGrantOf(long purchaseId) {
        return db.sql("""
                        select g.ledger_id from points_grant g join points_ledger l on l.id = g.ledger_id
                        where l.purchase_id = :purchaseId and l.kind = 'EARN'
                        """)
                .bind("purchaseId", purchaseId)
                .map(row -> row.get("ledger_id", Long.class))
                .one();
    }

    public Mono<Long> findByIdempotencyKey(long memberId, String key) {
        return db.sql("select id from points_ledger where member_id = :m and idempotency_key = :k")
                .bind("m", memberId).bind("k", key)
                .map(row -> row.get("id", Long.class))
                .one();
    }

    public Flux<BalanceRow> balances(Collection<Long> memberIds) {
        return db.sql("select member_id, balance from member_points where member_id = any(:ids)")
                .bind("ids", memberIds.toArray(Long[]::new))
                .map(row -> new BalanceRow(row.get("member_id", Long.class), row.get("balance", Long.class)))
                .all();
    }

    /** A member's balance from the balance row. */
    public record BalanceRow(long memberId, long balance) {
    }

    /** Open points grouped by expiry day, for those expiring before {@code until}. */
    public Flux<OpenGrant> expiring(long memberId, Instant now, Instant until) {
        return db.sql("""
                        select min(ledger_id) as ledger_id, sum(remaining)::bigint as remaining, expires_at from points_grant
                        where member_id = :memberId and remaining > 0 and expires_at > :now and expires_at <= :until
                        group by expires_at order by expires_at
                        """)
                .bind("memberId", memberId).bind("now", now).bind("until", until)
                .map(PointsLedgerRepository::toGrant)
                .all();
    }

    /** A page of a member's history, newest first, after the entry id {@code beforeId} (exclusive). */
    public Flux<LedgerEntry> history(long memberId, Long beforeId, int limit) {
        return db.sql("""
                        select l.*, p.order_no from points_ledger l left join purchase p on p.id = l.purchase_id
                        where l.member_id = :memberId and (cast(:before as bigint) is null or l.id < :before)
                        order by l.id desc limit :limit
                        """)
                .bind("memberId", memberId)
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class))
                .bind("limit", limit)
                .map(PointsLedgerRepository::toEntry)
                .all();
    }

    public Mono<Long> countEntries(long memberId) {
        return db.sql("select count(*) as n from points_ledger where member_id = :id")
                .bind("id", memberId).map(row -> row.get("n", Long.class)).one();
    }

    /** The member's points balance, for their data export. */
    public Mono<String> exportBalance(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select balance from member_points where member_id = :m"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    /** The member's points ledger, for their data export. */
    public Mono<String> exportLedger(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select id, kind, delta, purchase_id, refund_id, store_id, reason, expires_at, created_at from points_ledger where member_id = :m order by id"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    /** The member's points grants (buckets), for their data export. */
    public Mono<String> exportGrants(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select ledger_id, amount, remaining, expires_at from points_grant where member_id = :m order by ledger_id"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private static DueGrant toDueGrant(Readable row) {
        return new DueGrant(row.get("ledger_id", Long.class), row.get("member_id", Long.class),
                row.get("brand_id", Long.class), row.get("remaining", Long.class), row.get("expires_at", Instant.class));
    }

    private static OpenGrant toGrant(Readable row) {
        return new OpenGrant(row.get("ledger_id", Long.class), row.get("remaining", Long.class),
                row.get("expires_at", Instant.class));
    }

    private static LedgerEntry toEntry(Readable row) {
        return new LedgerEntry(
                row.get("id", Long.class),
                row.get("member_id", Long.class),
                EntryKind.valueOf(row.get("kind", String.class)),
                row.get("delta", Long.class),
                row.get("purchase_id", Long.class),
                row.get("order_no", String.class),
                row.get("store_id", Long.class),
                row.get("reason", String.class),
                row.get("expires_at", Instant.class),
                row.get("created_at", Instant.class));
    }

    /**
     * Opening entries with their buckets and balances in one statement; a member who has an entry
     * with the key already is left as they are. How many entries were new.
     */
    public Mono<Long> openAll(long brandId, Long staffId, java.util.List<PointsOpening> openings, String key) {
        return db.sql("""
                        with input as (
                            select * from unnest(cast(:members as bigint[]), cast(:points as bigint[]),
                                                 cast(:expires as text[]), cast(:ats as text[]))
                                as t(member_id, points, expires_at, at)),
                        entry as (
                            insert into points_ledger (brand_id, member_id, kind, delta, staff_id, reason, expires_at,
                                                       idempotency_key, created_at)
                            select :brand, i.member_id, 'OPENING', i.points, :staff, '导入期初积分',
                                   cast(i.expires_at as timestamptz), :key, cast(i.at as timestamptz)
                            from input i
                            on conflict (member_id, idempotency_key) do nothing
                            returning id, member_id, delta, expires_at),
                        bucket as (
                            insert into points_grant (ledger_id, member_id, amount, remaining, expires_at)
                            select id, member_id, delta, delta, expires_at from entry),
                        balance as (
                            insert into member_points (member_id, balance)
                            select member_id, delta from entry
                            on conflict (member_id) do update set balance = member_points.balance + excluded.balance
                            returning member_id)
                        select count(*) as n from balance
                        """)
                .bind("brand", brandId)
                .bind("staff", Parameter.fromOrEmpty(staffId, Long.class))
                .bind("key", key)
                .bind("members", openings.stream().map(PointsOpening::memberId).toArray(Long[]::new))
                .bind("points", openings.stream().map(PointsOpening::points).toArray(Long[]::new))
                .bind("expires", openings.stream().map(o -> o.expiresAt().toString()).toArray(String[]::new))
                .bind("ats", openings.stream().map(o -> o.at().toString()).toArray(String[]::new))
                .map(row -> row.get("n", Long.class))
                .one();
    }
}
