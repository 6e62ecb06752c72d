package com.loyalty.wallet.payment;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.member.Member;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.RecordPurchaseInput;
import com.loyalty.purchase.TillPayment;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.shared.security.Viewer;
import com.loyalty.wallet.ledger.Account;
import com.loyalty.wallet.ledger.LedgerRepository;
import com.loyalty.wallet.ledger.LotMove;
import com.loyalty.wallet.ledger.NewTxn;
import com.loyalty.wallet.ledger.Posting;
import com.loyalty.wallet.ledger.TxnKind;
import com.loyalty.wallet.ledger.WalletBooks;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Pays part of a purchase from the member's stored-value card. Only with the member at the till
 * (their fresh code, or the proof its scan returned: PurchaseService checks); rate limited per member; under the member's wallet lock, so parallel
 * payments never take the card below zero. The bonus part earns no points.
 */
@Service
class WalletPayments implements TillPayment {

    private final WalletBooks books;
    private final RateLimits limits;
    private final WalletProperties properties;
    private final StaffAuditLog audit;
    private final BrandProperties brand;
    private final LedgerRepository ledger;

    public WalletPayments(WalletBooks books, RateLimits limits, WalletProperties properties, StaffAuditLog audit,
                          BrandProperties brand, LedgerRepository ledger) {
        this.ledger = ledger;
        this.books = books;
        this.limits = limits;
        this.properties = properties;
        this.audit = audit;
        this.brand = brand;
    }

    @Override
    public Mono<Long> paidOn(Purchase purchase) {
        return ledger.purchaseMoves(purchase.id(), TxnKind.PAYMENT)
                .map(move -> -(move.principalCents() + move.bonusCents()))
                .reduce(0L, Long::sum);
    }

    @Override
    public Mono<Held> hold(Viewer staff, long storeId, Member member, RecordPurchaseInput in, long payableCents,
                           Instant now) {
        long amount = in.walletAmountCents() == null ? 0 : in.walletAmountCents();
        if (amount == 0) {
            return Mono.just(NONE);
        }
        // the purchase checked the amount's range and that the member is at the till (code or till proof)
        if (amount > payableCents) {
            return Mono.error(BusinessException.invalid("walletAmountCents", "储值支付金额不能超过应付金额（" + payableCents + " 分）"));
        }
        return limits.acquire(RateLimitedAction.WALLET_OPERATION, member.id())
                .then(books.lock(brand.id(), member.id(), now))
                .flatMap(lots -> {
                    long available = lots.stream().mapToLong(l -> l.principalRemaining() + l.spendableBonus(now)).sum();
                    if (amount > available) {
                        return Mono.error(new BusinessException(UserError.onInput("walletAmountCents",
                                ErrorCode.INSUFFICIENT_BALANCE, "储值余额不足：可用 " + available + " 分，需要 " + amount + " 分")));
                    }
                    List<LotMove> moves = SpendPlan.take(lots, amount, properties.spendOrder(), now);
                    long bonus = -moves.stream().mapToLong(LotMove::bonusCents).sum();
                    return Mono.just(new Held(bonus, purchase -> books.post(
                                    new NewTxn(brand.id(), member.id(), TxnKind.PAYMENT, storeId, null, purchase.id(), null,
                                            staff.staffId(), purchase.orderNo(), now),
                                    moves, List.of(new Posting(Account.SALES, storeId, amount)))
                            .then(audit.record(staff, storeId, "WALLET_PAYMENT", member.id(), purchase.orderNo() + " "
                                    + amount + " cents (principal " + (amount - bonus) + ", bonus " + bonus + ")"))));
                });
    }
}
