package com.loyalty.coupon;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for coupon packs. */
@Repository
class CouponPackRepository {

    private final DatabaseClient db;

    CouponPackRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Long> insertPack(long brandId, String name, long staffId, Instant at) {
        return db.sql("insert into coupon_pack (brand_id, name, created_by, created_at) values (:b, :n, :s, :at) "
                        + "returning id")
                .bind("b", brandId).bind("n", name).bind("s", staffId).bind("at", at)
                .map(row -> row.get("id", Long.class)).one();
    }

    public Mono<Void> insertItem(long packId, long templateId, int quantity) {
        return db.sql("insert into coupon_pack_item (pack_id, template_id, quantity) values (:p, :t, :q)")
                .bind("p", packId).bind("t", templateId).bind("q", quantity).then();
    }

    public Mono<CouponPack> find(long brandId, long packId) {
        return db.sql("select id, name from coupon_pack where brand_id = :b and id = :p")
                .bind("b", brandId).bind("p", packId)
                .map(row -> new Object[] {row.get("id", Long.class), row.get("name", String.class)}).one()
                .flatMap(head -> items((Long) head[0]).collectList()
                        .map(items -> new CouponPack((Long) head[0], brandId, (String) head[1], items)));
    }

    private Flux<CouponPack.Item> items(long packId) {
        return db.sql("select template_id, quantity from coupon_pack_item where pack_id = :p order by template_id")
                .bind("p", packId)
                .map(row -> new CouponPack.Item(row.get("template_id", Long.class), row.get("quantity", Integer.class)))
                .all();
    }
}
