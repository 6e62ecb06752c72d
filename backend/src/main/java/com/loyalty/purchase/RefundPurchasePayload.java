package com.loyalty.purchase;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code refundPurchase}. */
public record RefundPurchasePayload(Refund refund, Purchase purchase, boolean replayed, List<UserError> userErrors) {

    public static RefundPurchasePayload of(Refund refund, Purchase purchase, boolean replayed) {
        return new RefundPurchasePayload(refund, purchase, replayed, List.of());
    }

    public static RefundPurchasePayload failed(UserError error) {
        return new RefundPurchasePayload(null, null, false, List.of(error));
    }
}
