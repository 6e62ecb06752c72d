package com.loyalty.wallet.card;

import com.loyalty.wallet.ledger.TxnKind;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read-only SQL for the member's stored-value card: what they can spend, and pages of their history. */
@Repository
class WalletCardRepository {

    private final DatabaseClient db;

    public WalletCardRepository(DatabaseClient db) {
        this.db = db;
    }

    /** What the member can spend at {@code now}: principal, and bonus still valid. */
    public Mono<Wallet> balance(long memberId, Instant now) {
        return db.sql("""
                        select coalesce(sum(principal_remaining), 0)::bigint as principal,
                               coalesce(sum(bonus_remaining) filter (where bonus_expires_at is null
                                                                     or bonus_expires_at > :now), 0)::bigint as bonus
                        from wallet_recharge where member_id = :id
                        """)
                .bind("id", memberId).bind("now", now)
                .map(row -> new Wallet(memberId, row.get("principal", Long.class), row.get("bonus", Long.class)))
                .one();
    }

    /** A page of the member's history, newest first, after the transaction id {@code beforeId} (exclusive). */
    public Flux<WalletEntry> history(long memberId, Long beforeId, int limit) {
        return db.sql("""
                        select t.id, t.kind, t.store_id, t.reference, t.created_at, p.order_no,
                               coalesce(sum(e.amount_cents) filter (where e.account = 'MEMBER_PRINCIPAL'), 0)::bigint as principal,
                               coalesce(sum(e.amount_cents) filter (where e.account = 'MEMBER_BONUS'), 0)::bigint as bonus
                        from wallet_txn t join wallet_entry e on e.txn_id = t.id
                        left join purchase p on p.id = t.purchase_id
                        where t.member_id = :member and (cast(:before as bigint) is null or t.id < :before)
                        group by t.id, p.order_no order by t.id desc limit :limit
                        """)
                .bind("member", memberId).bind("before", Parameter.fromOrEmpty(beforeId, Long.class))
                .bind("limit", limit)
                .map(WalletCardRepository::toEntry).all();
    }

    public Mono<Long> countHistory(long memberId) {
        return db.sql("select count(*) as n from wallet_txn where member_id = :member")
                .bind("member", memberId).map(row -> row.get("n", Long.class)).one();
    }

    /**
     * The member's recharges (lots of principal and bonus), for their data export: where and how each
     * was paid, what is left, and any refund of it.
     */
    public Mono<String> exportRecharges(long memberId) {
        return db.sql(com.loyalty.privacy.PersonalData.asJsonArray("""
                        select id, store_id, channel, reference, pay_cents, bonus_cents, principal_remaining,
                               bonus_remaining, bonus_expires_at, status, created_at, refunded_at, refunded_cents,
                               forfeited_cents
                        from wallet_recharge where member_id = :m order by id"""))
                .bind("m", memberId).mapValue(String.class).one();
    }

    /** Every movement of the member's stored value, oldest first, for their data export. */
    public Mono<String> exportHistory(long memberId) {
        return db.sql(com.loyalty.privacy.PersonalData.asJsonArray("""
                        select t.id, t.kind, t.store_id, t.recharge_id, t.purchase_id, t.reference, t.created_at,
                               coalesce(sum(e.amount_cents) filter (where e.account = 'MEMBER_PRINCIPAL'), 0)::bigint
                                   as principal_cents,
                               coalesce(sum(e.amount_cents) filter (where e.account = 'MEMBER_BONUS'), 0)::bigint
                                   as bonus_cents
                        from wallet_txn t join wallet_entry e on e.txn_id = t.id
                        where t.member_id = :m group by t.id order by t.id"""))
                .bind("m", memberId).mapValue(String.class).one();
    }

    /** The member's online recharges started in the mini-program (paid or not), for their data export. */
    public Mono<String> exportRechargeOrders(long memberId) {
        return db.sql(com.loyalty.privacy.PersonalData.asJsonArray("""
                        select out_trade_no, store_id, amount_cents, status, transaction_id, recharge_id, created_at, paid_at
                        from wallet_recharge_order where member_id = :m order by id"""))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private static WalletEntry toEntry(Readable row) {
        return new WalletEntry(row.get("id", Long.class), TxnKind.valueOf(row.get("kind", String.class)),
                row.get("principal", Long.class), row.get("bonus", Long.class), row.get("store_id", Long.class),
                row.get("reference", String.class), row.get("order_no", String.class),
                row.get("created_at", Instant.class));
    }
}
