package com.loyalty.wallet.recharge;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code rechargeAtTill} and {@code refundRecharge}; {@code replayed} when it was done before. */
public record RechargePayload(Recharge recharge, boolean replayed, List<UserError> userErrors) {

    public static RechargePayload of(Recharge recharge, boolean replayed) {
        return new RechargePayload(recharge, replayed, List.of());
    }

    public static RechargePayload failed(UserError error) {
        return new RechargePayload(null, false, List.of(error));
    }
}
