package com.loyalty.wallet.online;

import com.loyalty.wallet.packages.RechargePackageService;
import com.loyalty.wallet.payment.WalletProperties;
import com.loyalty.wallet.recharge.RechargeChannel;
import com.loyalty.wallet.recharge.Recharger;
import com.loyalty.wechat.pay.NotificationRejected;
import com.loyalty.wechat.pay.PaidTransaction;
import com.loyalty.wechat.pay.PayNotification;
import com.loyalty.wechat.pay.WeChatPayClient;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * WeChat Pay's payment notifications: a recharge counts only after one is verified (signature,
 * key, age) and matches our order (merchant, app, out_trade_no, amount, success). A duplicate
 * changes nothing; a forged or mismatching one changes nothing and is kept for review (up to
 * {@code loyalty.wallet.rejected-notifications-kept-per-hour}).
 */
@Service
class PaymentNotifications {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

    private final WeChatPayClient pay;
    private final RechargeOrderRepository orders;
    private final RechargePackageService packages;
    private final Recharger recharger;
    private final Clock clock;
    private final TransactionalOperator tx;
    private final WalletProperties wallet;

    public PaymentNotifications(WeChatPayClient pay, RechargeOrderRepository orders, RechargePackageService packages,
                                Recharger recharger, Clock clock, TransactionalOperator tx, WalletProperties wallet) {
        this.wallet = wallet;
        this.pay = pay;
        this.orders = orders;
        this.packages = packages;
        this.recharger = recharger;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<NotifyOutcome> receive(PayNotification n) {
        Instant now = clock.instant();
        return pay.verify(n)
                .flatMap(paid -> book(paid, now)
                        .flatMap(outcome -> orders.logNotification(now, outcome, null, paid.outTradeNo(),
                                paid.transactionId(), n.serial(), n.body()).thenReturn(outcome))
                        .onErrorResume(NotificationRejected.class, e -> rejected(n, now, e.getMessage(), paid)))
                .onErrorResume(NotificationRejected.class, e -> rejected(n, now, e.getMessage(), null));
    }

    /** Books the order's recharge once, inside one transaction holding the order's lock. */
    private Mono<NotifyOutcome> book(PaidTransaction paid, Instant now) {
        return orders.lockByTradeNo(paid.outTradeNo())
                .switchIfEmpty(Mono.error(() -> new NotificationRejected("unknown out_trade_no")))
                .flatMap(order -> {
                    if (!paid.succeeded()) {
                        return Mono.error(new NotificationRejected("trade_state " + paid.tradeState()));
                    }
                    if (!pay.mchId().equals(paid.mchId()) || !pay.appId().equals(paid.appId())) {
                        return Mono.error(new NotificationRejected("merchant or app id differs"));
                    }
                    if (paid.totalCents() != order.amountCents()) {
                        return Mono.error(new NotificationRejected("amount " + paid.totalCents() + " differs from "
                                + order.amountCents()));
                    }
                    if (order.status() == RechargeOrder.Status.PAID) {
                        return Mono.just(NotifyOutcome.DUPLICATE);
                    }
                    return packages.find(order.brandId(), order.packageId(), "packageId")
                            .flatMap(p -> recharger.book(order.memberId(), order.storeId(), p,
                                    RechargeChannel.WECHAT_PAY, order.outTradeNo(), null, now))
                            .flatMap(r -> orders.markPaid(order.id(), paid.transactionId(), r.id(), now))
                            .thenReturn(NotifyOutcome.CREDITED);
                })
                .as(tx::transactional);
    }

    /** Keeps a rejected notification for review, up to the hourly cap (anyone can post them). */
    private Mono<NotifyOutcome> rejected(PayNotification n, Instant now, String reason, PaidTransaction paid) {
        return orders.logRejected(now, wallet.rejectedNotificationsKeptPerHour(), reason,
                        paid == null ? null : paid.outTradeNo(), paid == null ? null : paid.transactionId(),
                        n.serial(), n.body())
                .doOnNext(kept -> log.warn("WeChat Pay notification rejected{}: {}",
                        kept ? "" : " (not stored: over loyalty.wallet.rejected-notifications-kept-per-hour)", reason))
                .thenReturn(NotifyOutcome.REJECTED);
    }
}
