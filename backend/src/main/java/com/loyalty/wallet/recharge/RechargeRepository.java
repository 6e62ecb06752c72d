package com.loyalty.wallet.recharge;

import com.loyalty.wallet.packages.RechargePackage;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for recharges (the lots of the wallet). */
@Repository
public class RechargeRepository {

    private final DatabaseClient db;

    public RechargeRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Inserts the recharge with nothing left yet (the books add its money) unless the store already
     * has that reference; empty in that case.
     */
    public Mono<Recharge> insertIfAbsent(long brandId, long memberId, long storeId, RechargePackage p,
                                         RechargeChannel channel, String reference, Instant bonusExpiresAt,
                                         Long staffId, Instant at) {
        return db.sql("""
                        insert into wallet_recharge (brand_id, member_id, store_id, package_id, channel, reference, pay_cents,
                                                     bonus_cents, principal_remaining, bonus_remaining, bonus_expires_at,
                                                     recorded_by, created_at)
                        values (:brand, :member, :store, :package, :channel, :reference, :pay, :bonus, 0, 0, :expires,
                                :staff, :at)
                        on conflict (store_id, reference) do nothing
                        returning *
                        """)
                .bind("brand", brandId).bind("member", memberId).bind("store", storeId).bind("package", p.id())
                .bind("channel", channel.name()).bind("reference", reference).bind("pay", p.payCents())
                .bind("bonus", p.bonusCents()).bind("expires", Parameter.fromOrEmpty(bonusExpiresAt, Instant.class))
                .bind("staff", Parameter.fromOrEmpty(staffId, Long.class)).bind("at", at)
                .map(RechargeRepository::toRecharge).one();
    }

    public Mono<Recharge> findByReference(long storeId, String reference) {
        return db.sql("select * from wallet_recharge where store_id = :store and reference = :reference")
                .bind("store", storeId).bind("reference", reference).map(RechargeRepository::toRecharge).one();
    }

    public Mono<Recharge> find(long brandId, long id) {
        return db.sql("select * from wallet_recharge where brand_id = :brand and id = :id")
                .bind("brand", brandId).bind("id", id).map(RechargeRepository::toRecharge).one();
    }

    /** The member's recharges, newest first. */
    public Flux<Recharge> ofMember(long memberId, int limit) {
        return db.sql("select * from wallet_recharge where member_id = :member order by id desc limit :limit")
                .bind("member", memberId).bind("limit", limit).map(RechargeRepository::toRecharge).all();
    }

    public Mono<Recharge> markRefunded(long id, long staffId, Instant at, String reason, long refunded, long forfeited) {
        return db.sql("""
                        update wallet_recharge set status = 'REFUNDED', refunded_at = :at, refunded_by = :staff,
                                                   refund_reason = :reason, refunded_cents = :refunded,
                                                   forfeited_cents = :forfeited
                        where id = :id returning *
                        """)
                .bind("id", id).bind("at", at).bind("staff", staffId).bind("reason", reason)
                .bind("refunded", refunded).bind("forfeited", forfeited)
                .map(RechargeRepository::toRecharge).one();
    }

    static Recharge toRecharge(Readable row) {
        return new Recharge(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("member_id", Long.class),
                row.get("store_id", Long.class), row.get("package_id", Long.class),
                RechargeChannel.valueOf(row.get("channel", String.class)), row.get("reference", String.class),
                row.get("pay_cents", Long.class), row.get("bonus_cents", Long.class),
                row.get("principal_remaining", Long.class), row.get("bonus_remaining", Long.class),
                row.get("bonus_expires_at", Instant.class), Recharge.Status.valueOf(row.get("status", String.class)),
                row.get("created_at", Instant.class), row.get("refunded_at", Instant.class),
                row.get("refunded_cents", Long.class), row.get("forfeited_cents", Long.class),
                row.get("refund_reason", String.class));
    }
}
