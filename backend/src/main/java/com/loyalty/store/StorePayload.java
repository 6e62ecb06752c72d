package com.loyalty.store;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code createStore}, {@code updateStore}, {@code closeStore} and {@code reopenStore}. */
public record StorePayload(Store store, List<UserError> userErrors) {

    public static StorePayload of(Store store) {
        return new StorePayload(store, List.of());
    }

    public static StorePayload failed(UserError error) {
        return new StorePayload(null, List.of(error));
    }
}
