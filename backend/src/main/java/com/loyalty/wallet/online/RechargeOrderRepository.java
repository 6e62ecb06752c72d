package com.loyalty.wallet.online;

import com.loyalty.wallet.packages.RechargePackage;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** SQL for online recharge orders and the log of payment notifications. */
@Repository
class RechargeOrderRepository {

    private final DatabaseClient db;

    public RechargeOrderRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts the order unless the member already used the idempotency key; empty in that case. */
    public Mono<RechargeOrder> insertIfAbsent(long brandId, long memberId, long storeId, RechargePackage p, String key,
                                              String outTradeNo, Instant at) {
        return db.sql("""
                        insert into wallet_recharge_order (brand_id, member_id, store_id, package_id, idempotency_key,
                                                           out_trade_no, amount_cents, created_at)
                        values (:brand, :member, :store, :package, :key, :trade, :amount, :at)
                        on conflict (member_id, idempotency_key) do nothing
                        returning *
                        """)
                .bind("brand", brandId).bind("member", memberId).bind("store", storeId).bind("package", p.id())
                .bind("key", key).bind("trade", outTradeNo).bind("amount", p.payCents()).bind("at", at)
                .map(RechargeOrderRepository::toOrder).one();
    }

    public Mono<RechargeOrder> findByKey(long memberId, String key) {
        return db.sql("select * from wallet_recharge_order where member_id = :member and idempotency_key = :key")
                .bind("member", memberId).bind("key", key).map(RechargeOrderRepository::toOrder).one();
    }

    public Mono<RechargeOrder> findByTradeNo(String outTradeNo) {
        return db.sql("select * from wallet_recharge_order where out_trade_no = :trade")
                .bind("trade", outTradeNo).map(RechargeOrderRepository::toOrder).one();
    }

    /** The order, locked for the rest of the transaction (one notification at a time books it). */
    public Mono<RechargeOrder> lockByTradeNo(String outTradeNo) {
        return db.sql("select * from wallet_recharge_order where out_trade_no = :trade for update")
                .bind("trade", outTradeNo).map(RechargeOrderRepository::toOrder).one();
    }

    public Mono<Void> setPrepayId(long id, String prepayId) {
        return db.sql("update wallet_recharge_order set prepay_id = :prepay where id = :id")
                .bind("id", id).bind("prepay", prepayId).then();
    }

    public Mono<Void> markPaid(long id, String transactionId, long rechargeId, Instant at) {
        return db.sql("""
                        update wallet_recharge_order set status = 'PAID', transaction_id = :tx, recharge_id = :recharge,
                                                         paid_at = :at
                        where id = :id
                        """)
                .bind("id", id).bind("tx", transactionId).bind("recharge", rechargeId).bind("at", at).then();
    }

    /** Keeps what a notification was and what became of it. */
    /**
     * Stores a rejected notification for review unless {@code cap} were stored in the hour up to
     * {@code at}; true when stored.
     */
    public Mono<Boolean> logRejected(Instant at, int cap, String reason, String outTradeNo, String transactionId,
                                     String serial, String body) {
        return db.sql("""
                        insert into wechat_pay_notification (received_at, outcome, reason, out_trade_no, transaction_id,
                                                             serial, body)
                        select :at, 'REJECTED', :reason, :trade, :tx, :serial, :body
                        where (select count(*) from wechat_pay_notification
                               where outcome = 'REJECTED' and received_at > :since and received_at <= :at) < :cap
                        """)
                .bind("at", at).bind("since", at.minus(java.time.Duration.ofHours(1))).bind("cap", cap)
                .bind("reason", org.springframework.r2dbc.core.Parameter.fromOrEmpty(reason, String.class))
                .bind("trade", org.springframework.r2dbc.core.Parameter.fromOrEmpty(outTradeNo, String.class))
                .bind("tx", org.springframework.r2dbc.core.Parameter.fromOrEmpty(transactionId, String.class))
                .bind("serial", org.springframework.r2dbc.core.Parameter.fromOrEmpty(serial, String.class))
                .bind("body", org.springframework.r2dbc.core.Parameter.fromOrEmpty(truncated(body), String.class))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    public Mono<Void> logNotification(Instant at, NotifyOutcome outcome, String reason, String outTradeNo,
                                      String transactionId, String serial, String body) {
        return db.sql("""
                        insert into wechat_pay_notification (received_at, outcome, reason, out_trade_no, transaction_id,
                                                             serial, body)
                        values (:at, :outcome, :reason, :trade, :tx, :serial, :body)
                        """)
                .bind("at", at).bind("outcome", outcome.name())
                .bind("reason", org.springframework.r2dbc.core.Parameter.fromOrEmpty(reason, String.class))
                .bind("trade", org.springframework.r2dbc.core.Parameter.fromOrEmpty(outTradeNo, String.class))
                .bind("tx", org.springframework.r2dbc.core.Parameter.fromOrEmpty(transactionId, String.class))
                .bind("serial", org.springframework.r2dbc.core.Parameter.fromOrEmpty(serial, String.class))
                .bind("body", org.springframework.r2dbc.core.Parameter.fromOrEmpty(truncated(body), String.class))
                .then();
    }

    private static String truncated(String body) {
        return body == null || body.length() <= 8000 ? body : body.substring(0, 8000);
    }

    static RechargeOrder toOrder(Readable row) {
        return new RechargeOrder(row.get("id", Long.class), row.get("brand_id", Long.class),
                row.get("member_id", Long.class),
                row.get("store_id", Long.class), row.get("package_id", Long.class),
                row.get("out_trade_no", String.class), row.get("amount_cents", Long.class),
                row.get("prepay_id", String.class), RechargeOrder.Status.valueOf(row.get("status", String.class)),
                row.get("recharge_id", Long.class), row.get("created_at", Instant.class),
                row.get("paid_at", Instant.class));
    }
}
