package com.loyalty.wallet.ledger;

import com.loyalty.wallet.WalletChange;
import com.loyalty.wallet.WalletEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The only way money moves on stored-value cards: each movement is one transaction whose entries
 * add up to zero, and it changes the member's lots and wallet row by exactly the member's entries.
 * Callers run inside one database transaction and hold the member's lock ({@link #lock}).
 */
@Service
public class WalletBooks {

    private final WalletRepository wallets;
    private final LedgerRepository ledger;
    private final ObjectProvider<WalletEvents> events;

    public WalletBooks(WalletRepository wallets, LedgerRepository ledger, ObjectProvider<WalletEvents> events) {
        this.wallets = wallets;
        this.ledger = ledger;
        this.events = events;
    }

    /**
     * Locks the member's wallet for this transaction, forfeits bonus past its validity, and returns
     * the open lots as they are then.
     */
    public Mono<List<Lot>> lock(long brandId, long memberId, Instant now) {
        return wallets.lock(brandId, memberId)
                .then(wallets.openLots(memberId).collectList())
                .flatMap(lots -> Flux.fromIterable(lots).filter(lot -> lot.bonusExpired(now))
                        .concatMap(lot -> post(new NewTxn(brandId, memberId, TxnKind.BONUS_EXPIRY, lot.storeId(),
                                        lot.id(), null, null, null, null, now),
                                List.of(new LotMove(lot.id(), lot.storeId(), 0, -lot.bonusRemaining())),
                                List.of(new Posting(Account.BONUS_FORFEIT, lot.storeId(), lot.bonusRemaining()))))
                        .then(wallets.openLots(memberId).collectList()));
    }

    /**
     * Books one balanced transaction: the moves of the member's lots and the counter-postings;
     * throws if they do not add up to zero. Returns the transaction id.
     */
    public Mono<Long> post(NewTxn txn, List<LotMove> moves, List<Posting> counters) {
        List<LedgerRepository.Entry> entries = new ArrayList<>();
        long sum = 0;
        long principal = 0;
        long bonus = 0;
        for (LotMove move : moves) {
            if (move.principalCents() != 0) {
                entries.add(new LedgerRepository.Entry(Account.MEMBER_PRINCIPAL, txn.memberId(), move.lotId(),
                        move.storeId(), move.principalCents()));
            }
            if (move.bonusCents() != 0) {
                entries.add(new LedgerRepository.Entry(Account.MEMBER_BONUS, txn.memberId(), move.lotId(),
                        move.storeId(), move.bonusCents()));
            }
            principal += move.principalCents();
            bonus += move.bonusCents();
        }
        sum += principal + bonus;
        for (Posting p : counters) {
            if (p.amountCents() != 0) {
                entries.add(new LedgerRepository.Entry(p.account(), null, null, p.storeId(), p.amountCents()));
            }
            sum += p.amountCents();
        }
        if (sum != 0) {
            return Mono.error(new IllegalStateException("unbalanced wallet transaction " + txn + ": " + sum));
        }
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        long principalDelta = principal;
        long bonusDelta = bonus;
        return ledger.insertTxn(txn).flatMap(id -> ledger.insertEntries(id, entries)
                .then(Flux.fromIterable(moves)
                        .concatMap(m -> wallets.addToLot(m.lotId(), m.principalCents(), m.bonusCents())).then())
                .then(wallets.addReturning(txn.memberId(), principalDelta, bonusDelta))
                .flatMap(after -> Flux.fromStream(events::orderedStream).concatMap(e -> e.walletChanged(
                                new WalletChange(txn.brandId(), txn.memberId(), txn.kind().name(), txn.storeId(),
                                        txn.purchaseId(), txn.rechargeId(), principalDelta, bonusDelta, after[0], after[1],
                                        txn.at())))
                        .then())
                .thenReturn(id));
    }
}
