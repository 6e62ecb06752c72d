package com.loyalty.points;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for points approvals and for the caps they guard (what a staff member granted today). */
@Repository
class PointsApprovalRepository {

    private final DatabaseClient db;

    PointsApprovalRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Files the request unless one with the key exists for the member; empty in that case. */
    public Mono<PointsApproval> insertIfAbsent(long brandId, long memberId, long delta, String reason, String key,
                                               long staffId, Long storeId, Instant at, String capReason) {
        return db.sql("""
                        insert into points_approval (brand_id, member_id, delta, reason, idempotency_key, requested_by,
                            requested_store, requested_at, cap_reason)
                        values (:b, :m, :d, :r, :k, :s, :store, :at, :cap)
                        on conflict (member_id, idempotency_key) do nothing
                        returning *
                        """)
                .bind("b", brandId).bind("m", memberId).bind("d", delta).bind("r", reason).bind("k", key)
                .bind("s", staffId).bind("store", Parameter.fromOrEmpty(storeId, Long.class)).bind("at", at)
                .bind("cap", capReason)
                .map(PointsApprovalRepository::toApproval).one();
    }

    public Mono<PointsApproval> findByKey(long memberId, String key) {
        return db.sql("select * from points_approval where member_id = :m and idempotency_key = :k")
                .bind("m", memberId).bind("k", key).map(PointsApprovalRepository::toApproval).one();
    }

    public Mono<PointsApproval> find(long brandId, long id) {
        return db.sql("select * from points_approval where brand_id = :b and id = :id")
                .bind("b", brandId).bind("id", id).map(PointsApprovalRepository::toApproval).one();
    }

    /**
     * Decides a pending request (never by its requester); empty when it is no longer pending. The
     * row lock makes parallel decisions wait and then find it decided.
     */
    public Mono<PointsApproval> decide(long id, PointsApproval.Status status, long deciderId, Instant at, String note,
                                       Long balanceBefore, Long balanceAfter) {
        return db.sql("""
                        update points_approval set status = :status, decided_by = :decider, decided_at = :at,
                            decision_note = :note, balance_before = :before, balance_after = :after
                        where id = :id and status = 'PENDING' and requested_by <> :decider
                        returning *
                        """)
                .bind("id", id).bind("status", status.name()).bind("decider", deciderId).bind("at", at)
                .bind("note", Parameter.fromOrEmpty(note, String.class))
                .bind("before", Parameter.fromOrEmpty(balanceBefore, Long.class))
                .bind("after", Parameter.fromOrEmpty(balanceAfter, Long.class))
                .map(PointsApprovalRepository::toApproval).one();
    }

    /** Up to {@code limit} requests of the brand before {@code beforeId}, newest first, of a status if given. */
    public Flux<PointsApproval> page(long brandId, PointsApproval.Status status, Long beforeId, int limit) {
        return db.sql("select * from points_approval where brand_id = :b"
                        + " and (cast(:status as text) is null or status = :status)"
                        + " and (cast(:before as bigint) is null or id < :before) order by id desc limit :limit")
                .bind("b", brandId).bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(PointsApprovalRepository::toApproval).all();
    }

    public Mono<Long> count(long brandId, PointsApproval.Status status) {
        return db.sql("select count(*) as n from points_approval where brand_id = :b"
                        + " and (cast(:status as text) is null or status = :status)")
                .bind("b", brandId).bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .map(row -> row.get("n", Long.class)).one();
    }

    /**
     * Locks the staff member's grants for this transaction (their row) so that two parallel grants
     * cannot both fit under the daily cap, and returns the points their own adjustments added since
     * {@code since} (approved requests are not counted: a second person allowed them).
     */
    public Mono<Long> lockAndSumGrantedSince(long staffId, Instant since) {
        return db.sql("select id from staff where id = :s for update").bind("s", staffId).then()
                .then(db.sql("""
                                select coalesce(sum(delta), 0) as granted from points_ledger
                                where staff_id = :s and kind = 'ADJUST' and delta > 0 and created_at >= :since
                                  and idempotency_key like 'adjust:%'
                                """)
                        .bind("s", staffId).bind("since", since)
                        .map(row -> ((Number) row.get("granted")).longValue()).one());
    }

    private static PointsApproval toApproval(Readable row) {
        return new PointsApproval(row.get("id", Long.class), row.get("brand_id", Long.class),
                row.get("member_id", Long.class), row.get("delta", Long.class), row.get("reason", String.class),
                row.get("requested_by", Long.class), row.get("requested_store", Long.class),
                row.get("requested_at", Instant.class), row.get("cap_reason", String.class),
                PointsApproval.Status.valueOf(row.get("status", String.class)), row.get("decided_by", Long.class),
                row.get("decided_at", Instant.class), row.get("decision_note", String.class),
                row.get("balance_before", Long.class), row.get("balance_after", Long.class));
    }
}
