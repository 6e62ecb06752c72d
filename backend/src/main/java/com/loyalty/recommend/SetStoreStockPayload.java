package com.loyalty.recommend;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code setStoreStock}: the flag as it now stands, and whether this call changed it. */
public record SetStoreStockPayload(StoreStock stock, boolean changed, List<UserError> userErrors) {

    public static SetStoreStockPayload of(StoreStock stock, boolean changed) {
        return new SetStoreStockPayload(stock, changed, List.of());
    }

    public static SetStoreStockPayload failed(UserError error) {
        return new SetStoreStockPayload(null, false, List.of(error));
    }
}
