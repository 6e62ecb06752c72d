package com.loyalty.lottery;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

public record LotteryPayload(Lottery lottery, List<UserError> userErrors) {

    static LotteryPayload of(Lottery lottery) {
        return new LotteryPayload(lottery, List.of());
    }

    static LotteryPayload failed(UserError error) {
        return new LotteryPayload(null, List.of(error));
    }
}
