package com.loyalty.wallet.recharge;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.wallet.ledger.Account;
import com.loyalty.wallet.ledger.LotMove;
import com.loyalty.wallet.ledger.NewTxn;
import com.loyalty.wallet.ledger.Posting;
import com.loyalty.wallet.ledger.TxnKind;
import com.loyalty.wallet.ledger.WalletBooks;
import com.loyalty.wallet.packages.RechargePackage;
import com.loyalty.wallet.packages.RechargePackageService;
import com.loyalty.wechat.pay.WeChatPayClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Refunds a recharge (manager of its store, or admin): pays back the principal the member has not
 * spent (cash or card at the counter, WeChat Pay through WeChat Pay's refund), forfeits what is
 * left of its bonus and takes back the package's points. Refunding it again changes nothing.
 */
@Service
class RechargeRefunds {

    private final RechargeRepository recharges;
    private final RechargePackageService packages;
    private final WalletBooks books;
    private final PointsService points;
    private final WeChatPayClient pay;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    public RechargeRefunds(RechargeRepository recharges, RechargePackageService packages, WalletBooks books,
                           PointsService points, WeChatPayClient pay, StaffAuditLog audit, Clock clock,
                           TransactionalOperator tx) {
        this.recharges = recharges;
        this.packages = packages;
        this.books = books;
        this.points = points;
        this.pay = pay;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<RechargePayload> refund(Viewer staff, RefundRechargeInput in) {
        if (in.reason() == null || in.reason().isBlank() || in.reason().length() > 200) {
            return Mono.error(BusinessException.invalid("reason", "请填写退款原因（200 字以内）"));
        }
        Instant now = clock.instant();
        return (in.rechargeId() == null ? Mono.<Recharge>empty() : recharges.find(staff.brandId(), in.rechargeId()))
                .filter(r -> staff.role() == Role.ADMIN || Long.valueOf(r.storeId()).equals(staff.storeId()))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("rechargeId",
                        ErrorCode.RECHARGE_NOT_FOUND, "本店没有这笔充值"))))
                .flatMap(found -> packages.find(staff.brandId(), found.packageId(), "rechargeId")
                        .flatMap(p -> (p.bonusPoints() > 0 ? points.lock(found.memberId()) : Mono.just(0L))
                                .then(books.lock(staff.brandId(), found.memberId(), now))
                                .then(recharges.find(staff.brandId(), found.id()))
                                .flatMap(r -> r.status() == Recharge.Status.REFUNDED
                                        ? Mono.just(RechargePayload.of(r, true))
                                        : refundNew(staff, r, p, in.reason().strip(), now)))
                        .as(tx::transactional));
    }

    private Mono<RechargePayload> refundNew(Viewer staff, Recharge r, RechargePackage p, String reason, Instant now) {
        long principal = r.principalRemainingCents();
        long bonus = r.bonusRemainingCents();
        Mono<Void> payOut = r.channel() == RechargeChannel.WECHAT_PAY && principal > 0
                ? pay.refund(r.reference(), "RR" + r.id(), principal, r.payCents(), reason) : Mono.empty();
        Mono<Void> takePoints = p.bonusPoints() > 0
                ? points.debit(new NewEntry(r.brandId(), r.memberId(), EntryKind.RECHARGE, null, null, r.storeId(),
                        staff.id(), "退充值 " + r.reference(), "recharge-refund:" + r.id(), now), p.bonusPoints(), null, true)
                        .then()
                : Mono.empty();
        return books.post(new NewTxn(r.brandId(), r.memberId(), TxnKind.RECHARGE_REFUND, r.storeId(), r.id(), null,
                                null, staff.id(), r.reference(), now),
                        List.of(new LotMove(r.id(), r.storeId(), -principal, -bonus)),
                        List.of(new Posting(r.channel().account(), r.storeId(), principal),
                                new Posting(Account.BONUS_FORFEIT, r.storeId(), bonus)))
                .then(takePoints)
                .then(recharges.markRefunded(r.id(), staff.id(), now, reason, principal, bonus))
                .flatMap(done -> audit.record(staff, r.storeId(), "REFUND_RECHARGE", r.memberId(), r.reference()
                                + " paid back " + principal + " cents, bonus forfeited " + bonus + " cents: " + reason)
                        // money leaves through WeChat Pay last, so a refusal there undoes the booking
                        .then(payOut)
                        .thenReturn(RechargePayload.of(done, false)));
    }
}
