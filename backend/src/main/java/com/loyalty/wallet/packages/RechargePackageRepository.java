package com.loyalty.wallet.packages;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for recharge packages. */
@Repository
class RechargePackageRepository {

    private final DatabaseClient db;

    public RechargePackageRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<RechargePackage> insert(long brandId, CreateRechargePackageInput in, long staffId, Instant at) {
        return db.sql("""
                        insert into recharge_package (brand_id, name, pay_cents, bonus_cents, bonus_valid_days, bonus_points,
                                                      coupon_pack_id, store_ids, created_by, created_at)
                        values (:brand, :name, :pay, :bonus, :days, :points, :pack, :stores, :staff, :at)
                        returning *
                        """)
                .bind("brand", brandId).bind("name", in.name().strip()).bind("pay", in.payCents())
                .bind("bonus", in.bonusCents() == null ? 0L : in.bonusCents())
                .bind("days", Parameter.fromOrEmpty(in.bonusValidDays(), Integer.class))
                .bind("points", in.bonusPoints() == null ? 0L : in.bonusPoints())
                .bind("pack", Parameter.fromOrEmpty(in.couponPackId(), Long.class))
                .bind("stores", Parameter.fromOrEmpty(in.storeIds() == null ? null : in.storeIds().toArray(Long[]::new),
                        Long[].class))
                .bind("staff", staffId).bind("at", at)
                .map(RechargePackageRepository::toPackage).one();
    }

    public Mono<RechargePackage> find(long brandId, long id) {
        return db.sql("select * from recharge_package where brand_id = :brand and id = :id")
                .bind("brand", brandId).bind("id", id).map(RechargePackageRepository::toPackage).one();
    }

    public Mono<RechargePackage> setActive(long brandId, long id, boolean active) {
        return db.sql("update recharge_package set active = :active where brand_id = :brand and id = :id returning *")
                .bind("brand", brandId).bind("id", id).bind("active", active)
                .map(RechargePackageRepository::toPackage).one();
    }

    /** Saves the name, price, bonus and its validity, and points of a package, for recharges from now on. */
    public Mono<RechargePackage> update(long brandId, long id, CreateRechargePackageInput in) {
        return db.sql("""
                        update recharge_package set name = :name, pay_cents = :pay, bonus_cents = :bonus,
                            bonus_valid_days = :days, bonus_points = :points
                        where brand_id = :brand and id = :id returning *
                        """)
                .bind("brand", brandId).bind("id", id).bind("name", in.name().strip()).bind("pay", in.payCents())
                .bind("bonus", in.bonusCents()).bind("days", Parameter.fromOrEmpty(in.bonusValidDays(), Integer.class))
                .bind("points", in.bonusPoints())
                .map(RechargePackageRepository::toPackage).one();
    }

    private static final String FILTER = """
            brand_id = :brand and (cast(:active as boolean) is null or active = :active)
              and (cast(:store as bigint) is null or store_ids is null or :store = any(store_ids))
            """;

    /** A page of the brand's packages matching the filter, newest first, before id {@code beforeId}. */
    public Flux<RechargePackage> page(long brandId, RechargePackageFilter f, Long beforeId, int limit) {
        return bindFilter(db.sql("select * from recharge_package where " + FILTER
                        + " and (cast(:before as bigint) is null or id < :before) order by id desc limit :limit"), brandId, f)
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(RechargePackageRepository::toPackage).all();
    }

    public Mono<Long> count(long brandId, RechargePackageFilter f) {
        return bindFilter(db.sql("select count(*) as n from recharge_package where " + FILTER), brandId, f)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindFilter(DatabaseClient.GenericExecuteSpec spec, long brandId,
                                                                RechargePackageFilter f) {
        return spec.bind("brand", brandId).bind("active", Parameter.fromOrEmpty(f.active(), Boolean.class))
                .bind("store", Parameter.fromOrEmpty(f.storeId(), Long.class));
    }

    /** The brand's packages (only active ones unless {@code all}), cheapest first. */
    public Flux<RechargePackage> list(long brandId, boolean all) {
        return db.sql("""
                        select * from recharge_package where brand_id = :brand and (active or :all) order by pay_cents, id
                        """)
                .bind("brand", brandId).bind("all", all).map(RechargePackageRepository::toPackage).all();
    }

    static RechargePackage toPackage(Readable row) {
        Long[] stores = row.get("store_ids", Long[].class);
        return new RechargePackage(row.get("id", Long.class), row.get("brand_id", Long.class),
                row.get("name", String.class), row.get("pay_cents", Long.class), row.get("bonus_cents", Long.class),
                row.get("bonus_valid_days", Integer.class), row.get("bonus_points", Long.class),
                row.get("coupon_pack_id", Long.class), stores == null ? null : List.copyOf(Arrays.asList(stores)),
                row.get("active", Boolean.class), row.get("created_at", Instant.class));
    }
}
