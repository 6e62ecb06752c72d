package com.loyalty.wallet.packages;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of creating or changing a recharge package. */
public record RechargePackagePayload(RechargePackage rechargePackage, List<UserError> userErrors) {

    public static RechargePackagePayload of(RechargePackage p) {
        return new RechargePackagePayload(p, List.of());
    }

    public static RechargePackagePayload failed(UserError error) {
        return new RechargePackagePayload(null, List.of(error));
    }
}
