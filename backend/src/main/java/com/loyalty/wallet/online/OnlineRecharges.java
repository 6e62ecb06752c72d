package com.loyalty.wallet.online;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseHistory;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.Store;
import com.loyalty.store.StoreService;
import com.loyalty.wallet.packages.RechargePackageService;
import com.loyalty.wechat.pay.WeChatPayClient;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Recharges the member pays in the mini-program with WeChat Pay: an order (JSAPI unified order)
 * that waits for WeChat Pay's verified notification ({@link PaymentNotifications}). Repeating the
 * idempotency key returns the same order, signed again for wx.requestPayment.
 */
@Service
class OnlineRecharges {

    private final RechargeOrderRepository orders;
    private final RechargePackageService packages;
    private final MemberService members;
    private final WeChatPayClient pay;
    private final PurchaseHistory history;
    private final StoreService stores;
    private final Clock clock;

    public OnlineRecharges(RechargeOrderRepository orders, RechargePackageService packages, MemberService members,
                           WeChatPayClient pay, PurchaseHistory history, StoreService stores, Clock clock) {
        this.orders = orders;
        this.stores = stores;
        this.packages = packages;
        this.members = members;
        this.pay = pay;
        this.history = history;
        this.clock = clock;
    }

    public Mono<StartWalletRechargePayload> start(Viewer viewer, StartWalletRechargeInput in) {
        if (in.idempotencyKey() == null || in.idempotencyKey().isBlank() || in.idempotencyKey().length() > 60) {
            return Mono.error(BusinessException.invalid("idempotencyKey", "需要 1 到 60 个字符的幂等键"));
        }
        return members.get(viewer.id()).flatMap(member -> orders.findByKey(member.id(), in.idempotencyKey())
                .switchIfEmpty(Mono.defer(() -> storeFor(member, in)
                        .switchIfEmpty(Mono.error(() -> BusinessException.invalid("storeId",
                                "请先到门店消费或在门店充值一次，再在线充值")))
                        .flatMap(storeId -> packages.soldAt(member.brandId(), in.packageId(), storeId)
                                .flatMap(p -> orders.insertIfAbsent(member.brandId(), member.id(), storeId, p,
                                        in.idempotencyKey(), "WR" + UUID.randomUUID().toString().replace("-", ""),
                                        clock.instant())))
                        .switchIfEmpty(Mono.defer(() -> orders.findByKey(member.id(), in.idempotencyKey())))))
                .flatMap(order -> {
                    if (order.prepayId() != null) {
                        return Mono.fromCallable(() -> StartWalletRechargePayload.of(order, pay.payParams(order.prepayId())))
                                .subscribeOn(Schedulers.boundedElastic());
                    }
                    return packages.find(member.brandId(), order.packageId(), "packageId")
                            .flatMap(p -> pay.jsapiOrder(order.outTradeNo(), p.name(), order.amountCents(), member.openid()))
                            .flatMap(params -> orders.setPrepayId(order.id(), prepayOf(params.packageValue()))
                                    .then(orders.findByTradeNo(order.outTradeNo()))
                                    .map(saved -> StartWalletRechargePayload.of(saved, params)));
                }));
    }

    /**
     * The store the recharge belongs to (money is owed by an open store of the brand): the one named
     * (STORE_NOT_FOUND or STORE_CLOSED when it is not such a store), else the first open one of where
     * the member registered, the package's only store and where the member last bought; empty when
     * none of these is known and open.
     */
    private Mono<Long> storeFor(Member member, StartWalletRechargeInput in) {
        if (in.storeId() != null) {
            return stores.requireOpen(member.brandId(), in.storeId(), "storeId").map(Store::id);
        }
        Mono<Long> packageOnly = packages.find(member.brandId(), in.packageId(), "packageId")
                .flatMap(p -> p.storeIds() != null && p.storeIds().size() == 1 ? Mono.just(p.storeIds().get(0)) : Mono.empty());
        Mono<Long> lastBought = history.latestOfMembers(List.of(member.id()), 1).next().map(Purchase::storeId);
        return Flux.concat(Mono.justOrEmpty(member.registrationStoreId()), packageOnly, lastBought)
                .concatMap(storeId -> stores.find(member.brandId(), storeId).filter(Store::open).map(Store::id))
                .next();
    }

    /** The member's own order, for the page that waits for the payment to count. */
    public Mono<RechargeOrder> order(Viewer viewer, String outTradeNo) {
        return orders.findByTradeNo(outTradeNo).filter(o -> o.memberId() == viewer.id());
    }

    /** {@code prepay_id=wx...} as wx.requestPayment's package carries it. */
    private static String prepayOf(String packageValue) {
        return packageValue.startsWith("prepay_id=") ? packageValue.substring("prepay_id=".length()) : packageValue;
    }
}
