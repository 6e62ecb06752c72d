package com.loyalty.mall;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for members' redemptions of mall goods. */
@Repository
class MallRedemptionRepository {

    private static final String REDEMPTION = """
            select r.*, v.name, v.picture_url from mall_redemption r
            join mall_goods_version v on v.goods_id = r.goods_id and v.version = r.version
            """;

    private static final String FILTER = """
             where r.brand_id = :brandId
              and (cast(:member as bigint) is null or r.member_id = :member)
              and (cast(:state as text) is null or r.state = :state)
              and (cast(:store as bigint) is null or r.pickup_store_id = :store)
              and (cast(:goods as bigint) is null or r.goods_id = :goods)
              and (cast(:fulfilment as text) is null or r.fulfilment = :fulfilment)
            """;

    private final DatabaseClient db;

    MallRedemptionRepository(DatabaseClient db) {
        this.db = db;
    }

    /** What a new redemption records. */
    record NewRedemption(long brandId, MallGoods goods, long memberId, MallRedemption.State state,
                         long stockStoreId, Long pickupStoreId, String pickupCode, Instant pickupBy,
                         byte[] addressCipher, String addressMasked, String idempotencyKey, Instant at,
                         int quantity, MallRedemption.Source source) {

        /** A prize costs nothing: 0 points and 0 cash a unit. */
        boolean prize() {
            return source == MallRedemption.Source.LOTTERY;
        }
    }

    Mono<Long> insert(NewRedemption n) {
        return db.sql("""
                        insert into mall_redemption (brand_id, goods_id, version, member_id, state, points_price,
                            cash_cents, fulfilment, stock_store_id, pickup_store_id, pickup_code, pickup_by,
                            address_cipher, address_masked, idempotency_key, created_at, quantity, source)
                        values (:brandId, :goods, :version, :member, :state, :points, :cash, :fulfilment, :stockStore,
                            :pickupStore, :code, :pickupBy, :cipher, :masked, :key, :at, :quantity, :source)
                        returning id
                        """)
                .bind("brandId", n.brandId()).bind("goods", n.goods().id()).bind("version", n.goods().version())
                .bind("member", n.memberId()).bind("state", n.state().name())
                .bind("points", n.prize() ? 0L : n.goods().pointsPrice()).bind("cash", n.prize() ? 0L : n.goods().cashCents())
                .bind("fulfilment", n.goods().fulfilment().name()).bind("stockStore", n.stockStoreId())
                .bind("pickupStore", Parameter.fromOrEmpty(n.pickupStoreId(), Long.class))
                .bind("code", Parameter.fromOrEmpty(n.pickupCode(), String.class))
                .bind("pickupBy", Parameter.fromOrEmpty(n.pickupBy(), Instant.class))
                .bind("cipher", Parameter.fromOrEmpty(n.addressCipher(), byte[].class))
                .bind("masked", Parameter.fromOrEmpty(n.addressMasked(), String.class))
                .bind("key", n.idempotencyKey()).bind("at", n.at())
                .bind("quantity", n.quantity()).bind("source", n.source().name())
                .map(row -> row.get("id", Long.class)).one();
    }

    Mono<MallRedemption> find(long brandId, long id) {
        return db.sql(REDEMPTION + " where r.id = :id and r.brand_id = :brandId")
                .bind("id", id).bind("brandId", brandId).map(MallRedemptionRepository::toRedemption).one();
    }

    Mono<MallRedemption> findByKey(long memberId, MallRedemption.Source source, String key) {
        return db.sql(REDEMPTION + " where r.member_id = :m and r.source = :source and r.idempotency_key = :key")
                .bind("m", memberId).bind("source", source.name()).bind("key", key).map(MallRedemptionRepository::toRedemption).one();
    }

    Mono<MallRedemption> findByCode(long brandId, String code) {
        return db.sql(REDEMPTION + " where r.brand_id = :brandId and r.pickup_code = :code")
                .bind("brandId", brandId).bind("code", code).map(MallRedemptionRepository::toRedemption).one();
    }

    /**
     * The units of the goods the member holds against the limit since then: bought (prizes do not
     * count), not cancelled or expired.
     */
    Mono<Long> heldSince(long memberId, long goodsId, Instant since) {
        return db.sql("""
                        select coalesce(sum(quantity), 0) as n from mall_redemption where member_id = :m and goods_id = :g
                          and source = 'REDEEM' and state not in ('CANCELLED', 'EXPIRED') and created_at >= :since
                        """)
                .bind("m", memberId).bind("g", goodsId).bind("since", since)
                .map(row -> row.get("n", Long.class)).one();
    }

    /** Per goods: the units the member holds against the limit, ever and since the month's start. */
    Flux<Held> held(long memberId, Collection<Long> goodsIds, Instant monthStart) {
        return db.sql("""
                        select goods_id, sum(quantity) as ever,
                               coalesce(sum(quantity) filter (where created_at >= :month), 0) as month
                        from mall_redemption where member_id = :m and goods_id = any(:ids)
                          and source = 'REDEEM' and state not in ('CANCELLED', 'EXPIRED')
                        group by goods_id
                        """)
                .bind("m", memberId).bind("ids", goodsIds.toArray(Long[]::new)).bind("month", monthStart)
                .map(row -> new Held(row.get("goods_id", Long.class), row.get("ever", Long.class),
                        row.get("month", Long.class)))
                .all();
    }

    record Held(long goodsId, long ever, long month) {
    }

    /** Units redeemed or won and not cancelled or expired, per goods. */
    Mono<Map<Long, Long>> redeemedCounts(Collection<Long> goodsIds) {
        return db.sql("""
                        select goods_id, sum(quantity) as n from mall_redemption
                        where goods_id = any(:ids) and state not in ('CANCELLED', 'EXPIRED') group by goods_id
                        """)
                .bind("ids", goodsIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("goods_id", Long.class), row.get("n", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Closes an open redemption (cancelled or expired): true for the one call that moved it from
     * awaiting pickup or shipment; false when it was already closed.
     */
    Mono<Boolean> close(long id, MallRedemption.State to, Long staffId, String reason, Instant at) {
        return db.sql("""
                        update mall_redemption set state = :to, cancelled_at = :at, cancelled_by = :staff, cancel_reason = :reason
                        where id = :id and state in ('AWAITING_PICKUP', 'AWAITING_SHIPMENT')
                        """)
                .bind("to", to.name()).bind("at", at).bind("staff", Parameter.fromOrEmpty(staffId, Long.class))
                .bind("reason", reason).bind("id", id)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    /**
     * Hands a pickup over at the store (recorded as where it was collected when any store could);
     * false when it is no longer awaiting pickup or its deadline passed.
     */
    Mono<Boolean> pickUp(long id, long storeId, long staffId, Instant at) {
        return db.sql("""
                        update mall_redemption set state = 'PICKED_UP', picked_up_at = :at, picked_up_by = :staff,
                            cash_collected_cents = cash_cents * quantity, pickup_store_id = coalesce(pickup_store_id, :store)
                        where id = :id and state = 'AWAITING_PICKUP' and pickup_by > :at
                        """)
                .bind("at", at).bind("staff", staffId).bind("id", id).bind("store", storeId)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    Mono<Boolean> ship(long id, long staffId, String tracking, Instant at) {
        return db.sql("""
                        update mall_redemption set state = 'SHIPPED', shipped_at = :at, shipped_by = :staff,
                            tracking_number = :tracking
                        where id = :id and state = 'AWAITING_SHIPMENT'
                        """)
                .bind("at", at).bind("staff", staffId).bind("tracking", tracking).bind("id", id)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    /** Pickups past their deadline, oldest first. */
    Flux<MallRedemption> overdue(Instant now, int limit) {
        return db.sql(REDEMPTION + " where r.state = 'AWAITING_PICKUP' and r.pickup_by <= :now order by r.pickup_by limit :limit")
                .bind("now", now).bind("limit", limit).map(MallRedemptionRepository::toRedemption).all();
    }

    /** All of the member's redemptions, oldest first, for their data export. */
    Flux<MallRedemption> allOf(long memberId) {
        return db.sql(REDEMPTION + " where r.member_id = :m order by r.id")
                .bind("m", memberId).map(MallRedemptionRepository::toRedemption).all();
    }

    /** The member's redemptions still to be handed over (awaiting pickup or shipment). */
    Mono<Long> openOf(long memberId) {
        return db.sql("select count(*) as n from mall_redemption where member_id = :m"
                        + " and state in ('AWAITING_PICKUP', 'AWAITING_SHIPMENT')")
                .bind("m", memberId).map(row -> row.get("n", Long.class)).one();
    }

    /**
     * Erases what an erased member's redemptions say about them: the delivery address (sealed and
     * masked), the tracking number that leads to it at the courier, and the reason they gave when
     * they cancelled. What was redeemed, when, for how many points and where it was picked up stay.
     */
    Mono<Long> forget(long memberId) {
        return db.sql("""
                        update mall_redemption set address_cipher = null, address_masked = null, tracking_number = null,
                            cancel_reason = case when cancelled_by is null and state = 'CANCELLED' then null else cancel_reason end
                        where member_id = :m
                        """)
                .bind("m", memberId).fetch().rowsUpdated();
    }

    Flux<MallRedemption> page(long brandId, Long memberId, MallRedemptionFilter f, Long before, int limit) {
        return bindFilter(db.sql(REDEMPTION + FILTER + " and (cast(:before as bigint) is null or r.id < :before)"
                        + " order by r.id desc limit :limit"), brandId, memberId, f)
                .bind("before", Parameter.fromOrEmpty(before, Long.class)).bind("limit", limit)
                .map(MallRedemptionRepository::toRedemption).all();
    }

    Mono<Long> count(long brandId, Long memberId, MallRedemptionFilter f) {
        return bindFilter(db.sql("select count(*) as n from mall_redemption r" + FILTER), brandId, memberId, f)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindFilter(DatabaseClient.GenericExecuteSpec spec, long brandId,
                                                                Long memberId, MallRedemptionFilter f) {
        return spec.bind("brandId", brandId)
                .bind("member", Parameter.fromOrEmpty(memberId, Long.class))
                .bind("state", Parameter.fromOrEmpty(f.state() == null ? null : f.state().name(), String.class))
                .bind("store", Parameter.fromOrEmpty(f.storeId(), Long.class))
                .bind("goods", Parameter.fromOrEmpty(f.goodsId(), Long.class))
                .bind("fulfilment", Parameter.fromOrEmpty(f.fulfilment() == null ? null : f.fulfilment().name(), String.class));
    }

    static MallRedemption toRedemption(Readable row) {
        return new MallRedemption(
                row.get("id", Long.class),
                row.get("brand_id", Long.class),
                row.get("goods_id", Long.class),
                row.get("version", Integer.class),
                row.get("member_id", Long.class),
                MallRedemption.State.valueOf(row.get("state", String.class)),
                row.get("name", String.class),
                row.get("picture_url", String.class),
                row.get("points_price", Long.class),
                row.get("cash_cents", Long.class),
                MallGoods.Fulfilment.valueOf(row.get("fulfilment", String.class)),
                row.get("stock_store_id", Long.class),
                row.get("pickup_store_id", Long.class),
                row.get("pickup_code", String.class),
                row.get("pickup_by", Instant.class),
                row.get("picked_up_at", Instant.class),
                row.get("cash_collected_cents", Long.class),
                row.get("address_cipher", byte[].class),
                row.get("address_masked", String.class),
                row.get("tracking_number", String.class),
                row.get("shipped_at", Instant.class),
                row.get("cancelled_at", Instant.class),
                row.get("cancel_reason", String.class),
                row.get("quantity", Integer.class),
                MallRedemption.Source.valueOf(row.get("source", String.class)),
                row.get("created_at", Instant.class));
    }
}
