package com.loyalty.wallet.payment;

import com.loyalty.member.Member;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseEvents;
import com.loyalty.purchase.Refund;
import com.loyalty.wallet.ledger.Account;
import com.loyalty.wallet.ledger.LedgerRepository;
import com.loyalty.wallet.ledger.LotMove;
import com.loyalty.wallet.ledger.NewTxn;
import com.loyalty.wallet.ledger.Posting;
import com.loyalty.wallet.ledger.TxnKind;
import com.loyalty.wallet.ledger.WalletBooks;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives stored value back when a purchase paid from the card is refunded: principal and bonus in
 * proportion to the refunded share of the order (counted on the running total, so refunds adding
 * up to the whole order give back exactly what was paid), into the lots they came from.
 */
@Component
class WalletRefunds implements PurchaseEvents {

    private final LedgerRepository ledger;
    private final WalletBooks books;

    public WalletRefunds(LedgerRepository ledger, WalletBooks books) {
        this.ledger = ledger;
        this.books = books;
    }

    @Override
    public Mono<Void> purchaseRecorded(Purchase purchase, Member member) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> purchaseRefunded(Purchase purchase, Refund refund) {
        return ledger.purchaseMoves(purchase.id(), TxnKind.PAYMENT).collectList().flatMap(paid -> paid.isEmpty()
                ? Mono.<Void>empty()
                : books.lock(purchase.brandId(), purchase.memberId(), refund.createdAt())
                        .then(ledger.purchaseMoves(purchase.id(), TxnKind.PURCHASE_REFUND).collectList())
                        .flatMap(back -> giveBack(purchase, refund, paid, back)));
    }

    private Mono<Void> giveBack(Purchase purchase, Refund refund, List<LotMove> paid, List<LotMove> back) {
        long paidP = -paid.stream().mapToLong(LotMove::principalCents).sum();
        long paidB = -paid.stream().mapToLong(LotMove::bonusCents).sum();
        long backP = back.stream().mapToLong(LotMove::principalCents).sum();
        long backB = back.stream().mapToLong(LotMove::bonusCents).sum();
        long p = share(paidP, purchase.refundedCents(), purchase.amountCents()) - backP;
        long b = share(paidB, purchase.refundedCents(), purchase.amountCents()) - backB;
        Map<Long, LotMove> returned = back.stream().collect(Collectors.toMap(LotMove::lotId, Function.identity()));
        List<LotMove> stillTaken = new ArrayList<>();
        for (LotMove took : paid) {
            LotMove r = returned.get(took.lotId());
            stillTaken.add(new LotMove(took.lotId(), took.storeId(),
                    -took.principalCents() - (r == null ? 0 : r.principalCents()),
                    -took.bonusCents() - (r == null ? 0 : r.bonusCents())));
        }
        return books.post(new NewTxn(purchase.brandId(), purchase.memberId(), TxnKind.PURCHASE_REFUND,
                        purchase.storeId(), null, purchase.id(), refund.id(), null, refund.refundNo(), refund.createdAt()),
                SpendPlan.giveBack(stillTaken, p, b),
                List.of(new Posting(Account.SALES, purchase.storeId(), -(p + b)))).then();
    }

    /** floor(cents x part / whole), exact for any size of order. */
    static long share(long cents, long part, long whole) {
        return BigInteger.valueOf(cents).multiply(BigInteger.valueOf(part)).divide(BigInteger.valueOf(whole))
                .longValueExact();
    }
}
