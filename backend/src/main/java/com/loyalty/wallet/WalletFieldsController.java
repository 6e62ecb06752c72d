package com.loyalty.wallet;

import com.loyalty.member.Member;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.Refund;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.wechat.pay.JsapiPayParams;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Stored-value fields on other types: the member's card, what a purchase or refund moved. */
@Controller
public class WalletFieldsController {

    private final WalletRepository wallets;
    private final WalletHistoryRepository history;
    private final WalletPaymentRepository payments;
    private final RechargeRepository recharges;
    private final BrandProperties brand;
    private final Clock clock;

    public WalletFieldsController(WalletRepository wallets, WalletHistoryRepository history,
                                  WalletPaymentRepository payments, RechargeRepository recharges, BrandProperties brand,
                                  Clock clock) {
        this.wallets = wallets;
        this.history = history;
        this.payments = payments;
        this.recharges = recharges;
        this.brand = brand;
        this.clock = clock;
    }

    /** The member's card: to the member themself, and to staff of the brand serving them. */
    @SchemaMapping(typeName = "Member")
    public Mono<Wallet> wallet(Member member, @AuthenticationPrincipal Viewer viewer) {
        boolean self = viewer.role() == Role.MEMBER && viewer.id() == member.id();
        if (!self && !(viewer.role().isStaff() && viewer.brandId() == member.brandId())) {
            return Mono.error(new AccessDeniedException("only the member and their brand's staff see the card"));
        }
        return wallets.balance(member.id(), clock.instant());
    }

    @SchemaMapping(typeName = "Wallet")
    public Mono<Pages.Page<WalletEntry>> history(Wallet wallet, @Argument Integer first, @Argument String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, "wallet");
        return history.history(wallet.memberId(), before, size + 1).collectList()
                .zipWith(history.countHistory(wallet.memberId()),
                        (entries, total) -> Pages.of(entries, size, WalletEntry::id, "wallet", before != null, total));
    }

    @SchemaMapping(typeName = "Wallet")
    public Mono<List<Recharge>> recharges(Wallet wallet, @Argument Integer first) {
        return recharges.ofMember(wallet.memberId(), Pages.size(first)).collectList();
    }

    @BatchMapping(typeName = "Purchase")
    public Mono<Map<Purchase, WalletPayment>> walletPayment(List<Purchase> purchases) {
        return payments.payments(purchases.stream().map(Purchase::id).toList())
                .map(byId -> purchases.stream().filter(p -> byId.containsKey(p.id()))
                        .collect(Collectors.toMap(Function.identity(), p -> byId.get(p.id()), (a, b) -> a)));
    }

    @SchemaMapping(typeName = "Refund")
    public Mono<Long> walletReturnedCents(Refund refund) {
        return payments.returnedBy(refund.id());
    }

    @SchemaMapping(typeName = "WalletRechargeOrder")
    public Mono<Recharge> recharge(RechargeOrder order) {
        return order.rechargeId() == null ? Mono.empty() : recharges.find(brand.id(), order.rechargeId());
    }

    @SchemaMapping(typeName = "WeChatPayParams", field = "package")
    public String packageValue(JsapiPayParams params) {
        return params.packageValue();
    }
}
