package com.loyalty.mall;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for the mall's goods, their versions and their stock. */
@Repository
class MallRepository {

    private static final String GOODS = """
            select g.id, g.brand_id, g.status, g.fulfilment, g.stock_scope, g.current_version, g.early_notice_version,
                   g.updated_at, v.name, v.description, v.picture_url, v.points_price, v.cash_cents, v.limit_per_member,
                   v.limit_period, v.min_tier_level, v.early_access_level, v.early_access_from, v.open_from,
                   coalesce((select sum(s.remaining) from mall_stock s where s.goods_id = g.id), 0) as stock_left
            from mall_goods g join mall_goods_version v on v.goods_id = g.id and v.version = g.current_version
            """;

    private static final String FILTER = """
             where g.brand_id = :brandId
              and (cast(:status as text) is null or g.status = :status)
              and (cast(:fulfilment as text) is null or g.fulfilment = :fulfilment)
              and (cast(:search as text) is null or v.name ilike :search)
            """;

    private final DatabaseClient db;

    MallRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts the goods as a draft with version 1 of its terms; returns its id. */
    Mono<Long> insert(long brandId, MallGoods.Fulfilment fulfilment, MallGoods.StockScope scope, long staffId, Instant at) {
        return db.sql("""
                        insert into mall_goods (brand_id, fulfilment, stock_scope, created_by, created_at, updated_at)
                        values (:brandId, :fulfilment, :scope, :staff, :at, :at) returning id
                        """)
                .bind("brandId", brandId).bind("fulfilment", fulfilment.name()).bind("scope", scope.name())
                .bind("staff", staffId).bind("at", at)
                .map(row -> row.get("id", Long.class)).one();
    }

    /** Records a version of the goods' terms. */
    Mono<Void> insertVersion(long goodsId, int version, MallGoods.Terms t, long staffId, Instant at) {
        return db.sql("""
                        insert into mall_goods_version (goods_id, version, name, description, picture_url, points_price,
                            cash_cents, limit_per_member, limit_period, min_tier_level, early_access_level,
                            early_access_from, open_from, created_by, created_at)
                        values (:g, :v, :name, :description, :picture, :points, :cash, :limit, :period, :minTier,
                            :earlyLevel, :earlyFrom, :openFrom, :staff, :at)
                        """)
                .bind("g", goodsId).bind("v", version).bind("name", t.name())
                .bind("description", Parameter.fromOrEmpty(t.description(), String.class))
                .bind("picture", Parameter.fromOrEmpty(t.pictureUrl(), String.class))
                .bind("points", t.pointsPrice()).bind("cash", t.cashCents())
                .bind("limit", Parameter.fromOrEmpty(t.limitPerMember(), Integer.class))
                .bind("period", t.limitPeriod().name()).bind("minTier", t.minTierLevel())
                .bind("earlyLevel", Parameter.fromOrEmpty(t.earlyAccessTierLevel(), Integer.class))
                .bind("earlyFrom", Parameter.fromOrEmpty(t.earlyAccessFrom(), Instant.class))
                .bind("openFrom", Parameter.fromOrEmpty(t.openFrom(), Instant.class))
                .bind("staff", staffId).bind("at", at)
                .then();
    }

    /** Moves the goods to their next version; returns its number (empty: not the brand's). */
    Mono<Integer> nextVersion(long brandId, long goodsId, Instant at) {
        return db.sql("""
                        update mall_goods set current_version = current_version + 1, updated_at = :at
                        where id = :g and brand_id = :brandId returning current_version
                        """)
                .bind("g", goodsId).bind("brandId", brandId).bind("at", at)
                .map(row -> row.get("current_version", Integer.class)).one();
    }

    /** Sets the units left at one stock row (store 0: brand-wide). */
    Mono<Void> setStock(long goodsId, long storeId, int remaining) {
        return db.sql("""
                        insert into mall_stock (goods_id, store_id, remaining) values (:g, :s, :n)
                        on conflict (goods_id, store_id) do update set remaining = excluded.remaining
                        """)
                .bind("g", goodsId).bind("s", storeId).bind("n", remaining).then();
    }

    /**
     * Takes {@code units} from the stock row, all or none; false when fewer are left (the row stays
     * locked until the transaction ends).
     */
    Mono<Boolean> takeUnits(long goodsId, long storeId, int units) {
        return db.sql("update mall_stock set remaining = remaining - :n where goods_id = :g and store_id = :s and remaining >= :n")
                .bind("g", goodsId).bind("s", storeId).bind("n", units).fetch().rowsUpdated().map(n -> n == 1);
    }

    Mono<Void> giveUnitsBack(long goodsId, long storeId, int units) {
        return db.sql("update mall_stock set remaining = remaining + :n where goods_id = :g and store_id = :s")
                .bind("g", goodsId).bind("s", storeId).bind("n", units).then();
    }

    /** The units left at one stock row (store 0: brand-wide); empty when the goods have no such row. */
    Mono<Integer> remaining(long goodsId, long storeId) {
        return db.sql("select remaining from mall_stock where goods_id = :g and store_id = :s")
                .bind("g", goodsId).bind("s", storeId).map(row -> row.get("remaining", Integer.class)).one();
    }

    Mono<MallGoods> setStatus(long brandId, long goodsId, MallGoods.Status status, Instant at) {
        return db.sql("update mall_goods set status = :status, updated_at = :at where id = :g and brand_id = :brandId")
                .bind("status", status.name()).bind("at", at).bind("g", goodsId).bind("brandId", brandId)
                .then().then(find(brandId, goodsId));
    }

    Mono<MallGoods> find(long brandId, long goodsId) {
        return db.sql(GOODS + " where g.id = :g and g.brand_id = :brandId")
                .bind("g", goodsId).bind("brandId", brandId).map(MallRepository::toGoods).one();
    }

    /** These goods of the brand (those it has). */
    Flux<MallGoods> findAll(long brandId, Collection<Long> goodsIds) {
        return db.sql(GOODS + " where g.id = any(:ids) and g.brand_id = :brandId")
                .bind("ids", goodsIds.toArray(Long[]::new)).bind("brandId", brandId).map(MallRepository::toGoods).all();
    }

    /** A page of the brand's goods, newest first, before the keyset cursor. */
    Flux<MallGoods> page(long brandId, MallGoodsFilter f, String search, Long before, int limit) {
        return bindFilter(db.sql(GOODS + FILTER + " and (cast(:before as bigint) is null or g.id < :before)"
                        + " order by g.id desc limit :limit"), brandId, f, search)
                .bind("before", Parameter.fromOrEmpty(before, Long.class)).bind("limit", limit)
                .map(MallRepository::toGoods).all();
    }

    Mono<Long> count(long brandId, MallGoodsFilter f, String search) {
        return bindFilter(db.sql("select count(*) as n from mall_goods g join mall_goods_version v"
                        + " on v.goods_id = g.id and v.version = g.current_version" + FILTER), brandId, f, search)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindFilter(DatabaseClient.GenericExecuteSpec spec, long brandId,
                                                                MallGoodsFilter f, String search) {
        return spec.bind("brandId", brandId)
                .bind("status", Parameter.fromOrEmpty(f.status() == null ? null : f.status().name(), String.class))
                .bind("fulfilment", Parameter.fromOrEmpty(f.fulfilment() == null ? null : f.fulfilment().name(), String.class))
                .bind("search", Parameter.fromOrEmpty(search, String.class));
    }

    /** Units left per store of STORE-stock goods. */
    Flux<StockRow> storeStocks(Collection<Long> goodsIds) {
        return db.sql("select goods_id, store_id, remaining from mall_stock where goods_id = any(:ids) and store_id <> 0"
                        + " order by goods_id, store_id")
                .bind("ids", goodsIds.toArray(Long[]::new))
                .map(row -> new StockRow(row.get("goods_id", Long.class), row.get("store_id", Long.class),
                        row.get("remaining", Integer.class)))
                .all();
    }

    record StockRow(long goodsId, long storeId, int remaining) {
    }

    /** Goods on sale whose early access has opened and whose members were not yet told of this version's. */
    Flux<MallGoods> earlyAccessToAnnounce(Instant now) {
        return db.sql(GOODS + """
                         where g.status = 'ON_SALE' and v.early_access_level is not null
                          and v.early_access_from <= :now and (v.open_from is null or v.open_from > :now)
                          and g.early_notice_version is distinct from g.current_version
                        order by g.id
                        """)
                .bind("now", now).map(MallRepository::toGoods).all();
    }

    /** Marks the version's early access as announced; false when another run already did. */
    Mono<Boolean> markAnnounced(long goodsId, int version) {
        return db.sql("""
                        update mall_goods set early_notice_version = :v
                        where id = :g and current_version = :v and early_notice_version is distinct from :v
                        """)
                .bind("g", goodsId).bind("v", version).fetch().rowsUpdated().map(n -> n == 1);
    }

    static MallGoods toGoods(Readable row) {
        return new MallGoods(
                row.get("id", Long.class),
                row.get("brand_id", Long.class),
                MallGoods.Status.valueOf(row.get("status", String.class)),
                MallGoods.Fulfilment.valueOf(row.get("fulfilment", String.class)),
                MallGoods.StockScope.valueOf(row.get("stock_scope", String.class)),
                row.get("current_version", Integer.class),
                row.get("name", String.class),
                row.get("description", String.class),
                row.get("picture_url", String.class),
                row.get("points_price", Long.class),
                row.get("cash_cents", Long.class),
                row.get("limit_per_member", Integer.class),
                MallGoods.LimitPeriod.valueOf(row.get("limit_period", String.class)),
                row.get("min_tier_level", Integer.class),
                row.get("early_access_level", Integer.class),
                row.get("early_access_from", Instant.class),
                row.get("open_from", Instant.class),
                row.get("stock_left", Long.class).intValue(),
                row.get("early_notice_version", Integer.class),
                row.get("updated_at", Instant.class));
    }

    static List<Long> ids(Collection<MallGoods> goods) {
        return goods.stream().map(MallGoods::id).distinct().toList();
    }
}
