package com.loyalty.wallet;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read-only SQL for wallets: history pages, what purchases and refunds moved. */
@Repository
public class WalletQueries {

    private final DatabaseClient db;

    public WalletQueries(DatabaseClient db) {
        this.db = db;
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
                .map(WalletQueries::toEntry).all();
    }

    public Mono<Long> countHistory(long memberId) {
        return db.sql("select count(*) as n from wallet_txn where member_id = :member")
                .bind("member", memberId).map(row -> row.get("n", Long.class)).one();
    }

    /** What the card paid of each purchase that it paid part of, and what refunds gave back. */
    public Mono<Map<Long, WalletPayment>> payments(Collection<Long> purchaseIds) {
        return db.sql("""
                        select t.purchase_id,
                          coalesce(-sum(e.amount_cents) filter (where t.kind = 'PAYMENT' and e.account = 'MEMBER_PRINCIPAL'), 0)::bigint as p,
                          coalesce(-sum(e.amount_cents) filter (where t.kind = 'PAYMENT' and e.account = 'MEMBER_BONUS'), 0)::bigint as b,
                          coalesce(sum(e.amount_cents) filter (where t.kind = 'PURCHASE_REFUND' and e.account = 'MEMBER_PRINCIPAL'), 0)::bigint as rp,
                          coalesce(sum(e.amount_cents) filter (where t.kind = 'PURCHASE_REFUND' and e.account = 'MEMBER_BONUS'), 0)::bigint as rb
                        from wallet_txn t join wallet_entry e on e.txn_id = t.id
                        where t.purchase_id = any(:ids)
                        group by t.purchase_id
                        """)
                .bind("ids", purchaseIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("purchase_id", Long.class), new WalletPayment(row.get("p", Long.class),
                        row.get("b", Long.class), row.get("rp", Long.class), row.get("rb", Long.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** What one refund of a purchase gave back to the card, in cents. */
    public Mono<Long> returnedBy(long refundId) {
        return db.sql("""
                        select coalesce(sum(e.amount_cents), 0)::bigint as cents from wallet_txn t
                        join wallet_entry e on e.txn_id = t.id
                        where t.refund_id = :refund and t.kind = 'PURCHASE_REFUND' and e.recharge_id is not null
                        """)
                .bind("refund", refundId).map(row -> row.get("cents", Long.class)).one();
    }

    private static WalletEntry toEntry(Readable row) {
        return new WalletEntry(row.get("id", Long.class), TxnKind.valueOf(row.get("kind", String.class)),
                row.get("principal", Long.class), row.get("bonus", Long.class), row.get("store_id", Long.class),
                row.get("reference", String.class), row.get("order_no", String.class),
                row.get("created_at", Instant.class));
    }
}
