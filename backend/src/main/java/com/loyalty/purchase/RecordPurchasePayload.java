package com.loyalty.purchase;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code recordPurchase}; {@code replayed} is true when the order was already recorded. */
public record RecordPurchasePayload(Purchase purchase, boolean replayed, List<UserError> userErrors) {

    public static RecordPurchasePayload of(Purchase purchase, boolean replayed) {
        return new RecordPurchasePayload(purchase, replayed, List.of());
    }

    public static RecordPurchasePayload failed(UserError error) {
        return new RecordPurchasePayload(null, false, List.of(error));
    }
}
