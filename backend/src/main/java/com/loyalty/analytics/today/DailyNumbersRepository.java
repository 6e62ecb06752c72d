package com.loyalty.analytics.today;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Counts behind today's numbers: new members, orders and buyers of a store or brand in a time window. */
@Repository
class DailyNumbersRepository {

    private final DatabaseClient db;

    public DailyNumbersRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Members who registered in [from, to), at the store when storeId is given. */
    public Mono<Integer> newMembers(long brandId, Long storeId, Instant from, Instant to) {
        return db.sql("select count(*) as n from member where brand_id = :b and registered_at >= :from"
                        + " and registered_at < :to and (cast(:s as bigint) is null or registration_store_id = :s)")
                .bind("b", brandId).bind("from", from).bind("to", to).bind("s", store(storeId))
                .map(row -> row.get("n", Long.class).intValue()).one();
    }

    /** Members' orders (guest orders left out) and their total in [from, to). */
    public record Sales(int orders, long cents) {
    }

    public Mono<Sales> sales(long brandId, Long storeId, Instant from, Instant to) {
        return db.sql("select count(*) as n, coalesce(sum(amount_cents), 0) as cents from purchase"
                        + " where brand_id = :b and occurred_at >= :from and occurred_at < :to"
                        + " and member_id is not null and (cast(:s as bigint) is null or store_id = :s)")
                .bind("b", brandId).bind("from", from).bind("to", to).bind("s", store(storeId))
                .map(row -> new Sales(row.get("n", Long.class).intValue(), row.get("cents", Long.class)))
                .one();
    }

    /** Members with at least one and with at least two orders in [from, to). */
    public record Buyers(int once, int twice) {
    }

    public Mono<Buyers> buyers(long brandId, Long storeId, Instant from, Instant to) {
        return db.sql("select count(*) as once, count(*) filter (where orders >= 2) as twice from ("
                        + " select member_id, count(*) as orders from purchase where brand_id = :b"
                        + " and occurred_at >= :from and occurred_at < :to and member_id is not null"
                        + " and (cast(:s as bigint) is null or store_id = :s) group by member_id) per_member")
                .bind("b", brandId).bind("from", from).bind("to", to).bind("s", store(storeId))
                .map(row -> new Buyers(row.get("once", Long.class).intValue(), row.get("twice", Long.class).intValue()))
                .one();
    }

    /** Points the brand's members hold and can spend: the sum of positive balances. */
    public Mono<Long> pointsLiability(long brandId) {
        return db.sql("select coalesce(sum(p.balance), 0) as points from member_points p join member m on m.id = p.member_id"
                        + " where m.brand_id = :b and p.balance > 0")
                .bind("b", brandId).map(row -> row.get("points", Long.class)).one();
    }

    private static Parameter store(Long storeId) {
        return Parameter.fromOrEmpty(storeId, Long.class);
    }
}
