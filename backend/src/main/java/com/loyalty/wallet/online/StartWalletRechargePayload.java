package com.loyalty.wallet.online;

import com.loyalty.shared.graphql.UserError;
import com.loyalty.wechat.pay.JsapiPayParams;
import java.util.List;

/** Result of {@code startWalletRecharge}: the pending order and the arguments of wx.requestPayment. */
public record StartWalletRechargePayload(RechargeOrder order, JsapiPayParams payParams, List<UserError> userErrors) {

    public static StartWalletRechargePayload of(RechargeOrder order, JsapiPayParams params) {
        return new StartWalletRechargePayload(order, params, List.of());
    }

    public static StartWalletRechargePayload failed(UserError error) {
        return new StartWalletRechargePayload(null, null, List.of(error));
    }
}
