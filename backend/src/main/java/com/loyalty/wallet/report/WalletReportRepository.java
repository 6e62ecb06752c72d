package com.loyalty.wallet.report;

import com.loyalty.wallet.ledger.Account;
import com.loyalty.wallet.ledger.TxnKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** SQL of the stored-value report: flows by business day, and what is owed per store. */
@Repository
class WalletReportRepository {

    private final DatabaseClient db;

    public WalletReportRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A day's cents on one member account for one kind of transaction, and how many transactions. */
    public record DayRow(LocalDate day, TxnKind kind, Account account, long cents, long txns) {
    }

    /** Member-account movements per business day, kind and account, of the brand or one store (where it happened). */
    public Flux<DayRow> flows(long brandId, Long storeId, Instant from, Instant until, ZoneId zone) {
        return db.sql("""
                        select (t.created_at at time zone :zone)::date as day, t.kind, e.account,
                               sum(e.amount_cents)::bigint as cents, count(distinct t.id) as txns
                        from wallet_txn t join wallet_entry e on e.txn_id = t.id
                        where t.brand_id = :brand and (cast(:store as bigint) is null or t.store_id = :store)
                          and t.created_at >= :from and t.created_at < :until and e.recharge_id is not null
                        group by 1, 2, 3
                        """)
                .bind("brand", brandId).bind("store", Parameter.fromOrEmpty(storeId, Long.class))
                .bind("from", from).bind("until", until).bind("zone", zone.getId())
                .map(row -> new DayRow(row.get("day", LocalDate.class), TxnKind.valueOf(row.get("kind", String.class)),
                        Account.valueOf(row.get("account", String.class)), row.get("cents", Long.class),
                        row.get("txns", Long.class)))
                .all();
    }

    /** Unspent principal and still-valid bonus at {@code now}, per store of recharge. */
    public Flux<Liability.StoreLiability> liability(long brandId, Long storeId, Instant now) {
        return db.sql("""
                        select store_id, coalesce(sum(principal_remaining), 0)::bigint as principal,
                               coalesce(sum(bonus_remaining) filter (where bonus_expires_at is null
                                                                     or bonus_expires_at > :now), 0)::bigint as bonus
                        from wallet_recharge
                        where brand_id = :brand and (cast(:store as bigint) is null or store_id = :store)
                          and (principal_remaining > 0 or bonus_remaining > 0)
                        group by store_id order by store_id
                        """)
                .bind("brand", brandId).bind("store", Parameter.fromOrEmpty(storeId, Long.class)).bind("now", now)
                .map(row -> new Liability.StoreLiability(row.get("store_id", Long.class), row.get("principal", Long.class),
                        row.get("bonus", Long.class)))
                .all();
    }
}
