package com.loyalty.wallet.payment;

import java.util.Collection;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Read-only SQL for what the stored-value card paid of purchases and what their refunds gave back to it. */
@Repository
class WalletPaymentRepository {

    private final DatabaseClient db;

    public WalletPaymentRepository(DatabaseClient db) {
        this.db = db;
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
}
