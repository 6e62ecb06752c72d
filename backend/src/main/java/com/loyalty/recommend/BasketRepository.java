package com.loyalty.recommend;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads baskets (the distinct SKUs of one purchase; fully refunded purchases left out): the
 * brand's most recent ones for mining, and one member's recent ones for their recommendations.
 */
@Repository
class BasketRepository {

    /** Joins a basket's SKUs into one text value, cheaper to read than an array; split again here. */
    private static final String SEPARATOR = "\u001f";

    private final DatabaseClient db;

    BasketRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A member's basket: when and where they bought, and the SKUs. */
    public record MemberBasket(long purchaseId, long storeId, Instant occurredAt, List<String> skus) {
    }

    /**
     * The SKUs of each of the brand's purchases in {@code [from, to)}, the most recent {@code cap}
     * purchases only; purchases without items are baskets of nothing and left out.
     */
    public Flux<List<String>> recent(long brandId, Instant from, Instant to, int cap) {
        return db.sql("""
                        with recent as (
                            select id from purchase
                            where brand_id = :b and occurred_at >= :from and occurred_at < :to
                              and refunded_cents < amount_cents
                            order by occurred_at desc, id desc
                            limit :cap
                        )
                        select string_agg(distinct i.sku, :sep) as skus
                        from recent r join purchase_item i on i.purchase_id = r.id
                        group by r.id
                        """)
                .bind("b", brandId).bind("from", from).bind("to", to).bind("cap", cap).bind("sep", SEPARATOR)
                .map(row -> List.of(row.get("skus", String.class).split(SEPARATOR)))
                .all();
    }

    /** The member's latest baskets since {@code since}, newest first, at most {@code limit}. */
    public Flux<MemberBasket> ofMember(long memberId, Instant since, int limit) {
        return db.sql("""
                        select p.id, p.store_id, p.occurred_at, array_agg(distinct i.sku) as skus
                        from (select id, store_id, occurred_at from purchase
                              where member_id = :m and occurred_at >= :since and refunded_cents < amount_cents
                              order by occurred_at desc, id desc limit :n) p
                        join purchase_item i on i.purchase_id = p.id
                        group by p.id, p.store_id, p.occurred_at
                        order by p.occurred_at desc, p.id desc
                        """)
                .bind("m", memberId).bind("since", since).bind("n", limit)
                .map(row -> new MemberBasket(row.get("id", Long.class), row.get("store_id", Long.class),
                        row.get("occurred_at", Instant.class), List.of(row.get("skus", String[].class))))
                .all();
    }

    /** The store of the member's latest purchase, if they have one. */
    public Mono<Long> lastStore(long memberId) {
        return db.sql("""
                        select store_id from purchase where member_id = :m order by occurred_at desc, id desc limit 1
                        """)
                .bind("m", memberId)
                .map(row -> row.get("store_id", Long.class))
                .one();
    }
}
