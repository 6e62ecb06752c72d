package com.loyalty.wallet.ledger;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for the append-only stored-value books: transactions and their entries. */
@Repository
public class LedgerRepository {

    private final DatabaseClient db;

    public LedgerRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Long> insertTxn(NewTxn t) {
        return db.sql("""
                        insert into wallet_txn (brand_id, member_id, kind, store_id, recharge_id, purchase_id, refund_id,
                                                staff_id, reference, created_at)
                        values (:brand, :member, :kind, :store, :recharge, :purchase, :refund, :staff, :reference, :at)
                        returning id
                        """)
                .bind("brand", t.brandId()).bind("member", t.memberId()).bind("kind", t.kind().name())
                .bind("store", Parameter.fromOrEmpty(t.storeId(), Long.class))
                .bind("recharge", Parameter.fromOrEmpty(t.rechargeId(), Long.class))
                .bind("purchase", Parameter.fromOrEmpty(t.purchaseId(), Long.class))
                .bind("refund", Parameter.fromOrEmpty(t.refundId(), Long.class))
                .bind("staff", Parameter.fromOrEmpty(t.staffId(), Long.class))
                .bind("reference", Parameter.fromOrEmpty(t.reference(), String.class))
                .bind("at", t.at())
                .map(row -> row.get("id", Long.class)).one();
    }

    /** One entry of a transaction; member and lot only for the member's accounts. */
    public record Entry(Account account, Long memberId, Long rechargeId, Long storeId, long amountCents) {
    }

    /** Inserts all the entries of a transaction in one statement. */
    public Mono<Void> insertEntries(long txnId, List<Entry> entries) {
        StringBuilder sql = new StringBuilder(
                "insert into wallet_entry (txn_id, account, member_id, recharge_id, store_id, amount_cents) values ");
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:txn, :account").append(i).append(", :member").append(i)
                    .append(", :recharge").append(i).append(", :store").append(i).append(", :amount").append(i).append(')');
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("txn", txnId);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            spec = spec.bind("account" + i, e.account().name())
                    .bind("member" + i, Parameter.fromOrEmpty(e.memberId(), Long.class))
                    .bind("recharge" + i, Parameter.fromOrEmpty(e.rechargeId(), Long.class))
                    .bind("store" + i, Parameter.fromOrEmpty(e.storeId(), Long.class))
                    .bind("amount" + i, e.amountCents());
        }
        return spec.then();
    }

    /** Net of the member's accounts per lot over the transactions of a purchase, by kind: what it took and gave back. */
    public Flux<LotMove> purchaseMoves(long purchaseId, TxnKind kind) {
        return db.sql("""
                        select e.recharge_id, min(e.store_id) as store_id,
                               coalesce(sum(e.amount_cents) filter (where e.account = 'MEMBER_PRINCIPAL'), 0)::bigint as p,
                               coalesce(sum(e.amount_cents) filter (where e.account = 'MEMBER_BONUS'), 0)::bigint as b
                        from wallet_txn t join wallet_entry e on e.txn_id = t.id
                        where t.purchase_id = :purchase and t.kind = :kind and e.recharge_id is not null
                        group by e.recharge_id order by e.recharge_id
                        """)
                .bind("purchase", purchaseId).bind("kind", kind.name())
                .map(row -> new LotMove(row.get("recharge_id", Long.class), row.get("store_id", Long.class),
                        row.get("p", Long.class), row.get("b", Long.class)))
                .all();
    }
}
