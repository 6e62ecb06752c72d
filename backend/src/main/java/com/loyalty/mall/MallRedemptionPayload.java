package com.loyalty.mall;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

public record MallRedemptionPayload(MallRedemption redemption, boolean replayed, List<UserError> userErrors) {

    static MallRedemptionPayload of(MallRedemption redemption) {
        return new MallRedemptionPayload(redemption, false, List.of());
    }

    static MallRedemptionPayload replay(MallRedemption redemption) {
        return new MallRedemptionPayload(redemption, true, List.of());
    }

    static MallRedemptionPayload failed(UserError error) {
        return new MallRedemptionPayload(null, false, List.of(error));
    }
}
