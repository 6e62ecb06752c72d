package com.loyalty.wallet.ledger;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for the member's wallet row (the lock) and the lots (remainders of recharges) it is made of. */
@Repository
class WalletRepository {

    private final DatabaseClient db;

    public WalletRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Locks the member's wallet row for the rest of the transaction, creating it first if need be. */
    public Mono<Void> lock(long brandId, long memberId) {
        Mono<Long> lock = Mono.defer(() -> db.sql("select member_id from member_wallet where member_id = :id for update")
                .bind("id", memberId).map(row -> row.get("member_id", Long.class)).one());
        return lock.switchIfEmpty(Mono.defer(() -> db.sql("""
                                insert into member_wallet (member_id, brand_id) values (:id, :brand) on conflict do nothing
                                """)
                        .bind("id", memberId).bind("brand", brandId).then()
                        .then(lock)))
                .then();
    }

    /** Adds to the wallet row's totals (the caller holds the lock). */
    public Mono<Void> add(long memberId, long principalDelta, long bonusDelta) {
        return addReturning(memberId, principalDelta, bonusDelta).then();
    }

    /** Adds to the member's wallet row and answers the principal and bonus after, in cents. */
    public Mono<long[]> addReturning(long memberId, long principalDelta, long bonusDelta) {
        return db.sql("""
                        update member_wallet set principal_cents = principal_cents + :p, bonus_cents = bonus_cents + :b
                        where member_id = :id returning principal_cents, bonus_cents
                        """)
                .bind("id", memberId).bind("p", principalDelta).bind("b", bonusDelta)
                .map(row -> new long[] {row.get("principal_cents", Long.class), row.get("bonus_cents", Long.class)})
                .one();
    }

    /** The member's lots with anything left, oldest first. */
    public Flux<Lot> openLots(long memberId) {
        return db.sql("""
                        select id, store_id, principal_remaining, bonus_remaining, bonus_expires_at from wallet_recharge
                        where member_id = :id and (principal_remaining > 0 or bonus_remaining > 0) order by id
                        """)
                .bind("id", memberId).map(WalletRepository::toLot).all();
    }

    /** Adds to what is left of a lot (the caller holds the member's lock). */
    public Mono<Void> addToLot(long lotId, long principalDelta, long bonusDelta) {
        return db.sql("""
                        update wallet_recharge set principal_remaining = principal_remaining + :p,
                                                   bonus_remaining = bonus_remaining + :b
                        where id = :id
                        """)
                .bind("id", lotId).bind("p", principalDelta).bind("b", bonusDelta).then();
    }

    /** A member holding a card, and their brand. */
    public record Holder(long brandId, long memberId) {
    }

    /** Every card holding bonus whose validity ended before {@code cutoff}. */
    public Flux<Holder> holdersOfExpiredBonus(Instant cutoff) {
        return db.sql("""
                        select distinct brand_id, member_id from wallet_recharge
                        where bonus_remaining > 0 and bonus_expires_at < :cutoff order by member_id
                        """)
                .bind("cutoff", cutoff)
                .map(row -> new Holder(row.get("brand_id", Long.class), row.get("member_id", Long.class)))
                .all();
    }

    static Lot toLot(Readable row) {
        return new Lot(row.get("id", Long.class), row.get("store_id", Long.class),
                row.get("principal_remaining", Long.class), row.get("bonus_remaining", Long.class),
                row.get("bonus_expires_at", Instant.class));
    }
}
