package com.loyalty.wallet.recharge;

import com.loyalty.membercode.MemberCodeService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.StoreScope;
import com.loyalty.wallet.packages.RechargePackageService;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Recharges at the counter, paid in cash or by card: the member confirms with their fresh code,
 * the receipt number makes it idempotent (store + receipt: a repeat returns the first recharge).
 */
@Service
class TillRecharges {

    private final RechargeRepository recharges;
    private final RechargePackageService packages;
    private final Recharger recharger;
    private final MemberCodeService memberCodes;
    private final RateLimits limits;
    private final StoreScope storeScope;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    public TillRecharges(RechargeRepository recharges, RechargePackageService packages, Recharger recharger,
                         MemberCodeService memberCodes, RateLimits limits, StoreScope storeScope, StaffAuditLog audit,
                         Clock clock, TransactionalOperator tx) {
        this.recharges = recharges;
        this.packages = packages;
        this.recharger = recharger;
        this.memberCodes = memberCodes;
        this.limits = limits;
        this.storeScope = storeScope;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<RechargePayload> recharge(Viewer staff, RechargeAtTillInput in) {
        if (in.receiptNo() == null || in.receiptNo().isBlank() || in.receiptNo().length() > 64) {
            return Mono.error(BusinessException.invalid("receiptNo", "小票号需为 1 到 64 个字符"));
        }
        if (in.memberCodeToken() == null || in.memberCodeToken().isBlank()) {
            return Mono.error(BusinessException.invalid("memberCodeToken", "储值需扫描会员的动态会员码确认"));
        }
        if (in.paidBy() != RechargeChannel.CASH && in.paidBy() != RechargeChannel.CARD) {
            return Mono.error(BusinessException.invalid("paidBy", "门店充值只收现金或银行卡"));
        }
        String receipt = in.receiptNo().strip();
        return storeScope.openStoreFor(staff, in.storeId()).flatMap(storeId -> recharges.findByReference(storeId, receipt)
                .map(existing -> RechargePayload.of(existing, true))
                .switchIfEmpty(Mono.defer(() -> memberCodes.redeem(staff, in.memberCodeToken(),
                                "recharge:" + storeId + ":" + receipt)
                        .flatMap(member -> limits.acquire(RateLimitedAction.WALLET_OPERATION, member.id())
                                .then(packages.soldAt(staff.brandId(), in.packageId(), storeId))
                                .flatMap(p -> recharger.book(member.id(), storeId, p, in.paidBy(), receipt, staff.id(),
                                        clock.instant()))
                                .flatMap(r -> audit.record(staff, storeId, "WALLET_RECHARGE", member.id(),
                                                receipt + " " + r.payCents() + "+" + r.bonusCents() + " cents " + in.paidBy())
                                        .thenReturn(RechargePayload.of(r, false)))
                                // a concurrent request booked the receipt first
                                .switchIfEmpty(Mono.defer(() -> recharges.findByReference(storeId, receipt)
                                        .map(existing -> RechargePayload.of(existing, true))))
                                .as(tx::transactional)))));
    }
}
