package com.loyalty.wallet.online;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import com.loyalty.wallet.recharge.Recharge;
import com.loyalty.wallet.recharge.RechargeRepository;
import com.loyalty.wechat.pay.JsapiPayParams;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Recharges the member pays online with WeChat Pay: starting one, its order and what it booked. */
@Controller
class OnlineRechargeController {

    private final OnlineRecharges onlineRecharges;
    private final RechargeRepository recharges;
    private final BrandProperties brand;

    OnlineRechargeController(OnlineRecharges onlineRecharges, RechargeRepository recharges,
                                    BrandProperties brand) {
        this.onlineRecharges = onlineRecharges;
        this.recharges = recharges;
        this.brand = brand;
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<RechargeOrder> walletRechargeOrder(@Argument String outTradeNo, @AuthenticationPrincipal Viewer viewer) {
        return onlineRecharges.order(viewer, outTradeNo);
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<StartWalletRechargePayload> startWalletRecharge(@Argument StartWalletRechargeInput input,
                                                                @AuthenticationPrincipal Viewer viewer) {
        return onlineRecharges.start(viewer, input).transform(Payloads.recover(StartWalletRechargePayload::failed));
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
