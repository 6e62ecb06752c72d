package com.loyalty.wallet.ledger;

import com.loyalty.wallet.WalletOpening;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * SQL of opening balances: the lots, their balanced transactions and the wallet rows, set-based
 * for a batch of members. The lots name the brand's inactive package {@value #PACKAGE} (created on
 * first use), since every lot names the package it came from.
 */
@Repository
public class OpeningRepository {

    /** The inactive package opening lots name: never sold. */
    public static final String PACKAGE = "期初储值（导入）";

    private final DatabaseClient db;

    public OpeningRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Long> open(long brandId, long staffId, List<WalletOpening> openings) {
        return db.sql("""
                        insert into recharge_package (brand_id, name, pay_cents, bonus_cents, active, created_by, created_at)
                        select :brand, :name, 1, 0, false, :staff, now()
                        where not exists (select 1 from recharge_package where brand_id = :brand and name = :name
                                                                          and not active)
                        """)
                .bind("brand", brandId).bind("name", PACKAGE).bind("staff", staffId)
                .then()
                .then(db.sql("""
                                with input as (
                                    select * from unnest(cast(:members as bigint[]), cast(:stores as bigint[]),
                                                         cast(:cents as bigint[]), cast(:ats as text[]))
                                        as t(member_id, store_id, cents, at)),
                                pkg as (
                                    select min(id) as id from recharge_package
                                    where brand_id = :brand and name = :name and not active),
                                lot as (
                                    insert into wallet_recharge (brand_id, member_id, store_id, package_id, channel, reference,
                                                                 pay_cents, bonus_cents, principal_remaining, bonus_remaining,
                                                                 recorded_by, created_at)
                                    select :brand, i.member_id, i.store_id, pkg.id, 'OPENING', 'OPENING-' || i.member_id,
                                           i.cents, 0, i.cents, 0, :staff, cast(i.at as timestamptz)
                                    from input i, pkg
                                    -- a member's opening lot already there (wallet_recharge_opening) is left as it is
                                    on conflict do nothing
                                    returning id, member_id, store_id, pay_cents, created_at),
                                txn as (
                                    insert into wallet_txn (brand_id, member_id, kind, store_id, recharge_id, staff_id,
                                                            reference, created_at)
                                    select :brand, member_id, 'OPENING', store_id, id, :staff, 'OPENING', created_at from lot
                                    returning id, recharge_id),
                                entries as (
                                    insert into wallet_entry (txn_id, account, member_id, recharge_id, store_id, amount_cents)
                                    select t.id, 'MEMBER_PRINCIPAL', l.member_id, l.id, l.store_id, l.pay_cents
                                    from txn t join lot l on l.id = t.recharge_id
                                    union all
                                    select t.id, 'OPENING_BALANCE', null, null, l.store_id, -l.pay_cents
                                    from txn t join lot l on l.id = t.recharge_id),
                                wallet as (
                                    insert into member_wallet (member_id, brand_id, principal_cents)
                                    select member_id, :brand, pay_cents from lot
                                    on conflict (member_id) do update
                                        set principal_cents = member_wallet.principal_cents + excluded.principal_cents
                                    returning member_id)
                                select count(*) as n from wallet
                                """)
                        .bind("brand", brandId).bind("name", PACKAGE).bind("staff", staffId)
                        .bind("members", openings.stream().map(WalletOpening::memberId).toArray(Long[]::new))
                        .bind("stores", openings.stream().map(WalletOpening::storeId).toArray(Long[]::new))
                        .bind("cents", openings.stream().map(WalletOpening::cents).toArray(Long[]::new))
                        .bind("ats", openings.stream().map(o -> o.at().toString()).toArray(String[]::new))
                        .map(row -> row.get("n", Long.class))
                        .one());
    }
}
