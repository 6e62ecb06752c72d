package com.loyalty.lottery;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** A draw's result: the draw, the balance after it, whether it repeats an earlier request. */
public record DrawLotteryPayload(LotteryDraw draw, Long pointsBalance, boolean replayed, List<UserError> userErrors) {

    static DrawLotteryPayload failed(UserError error) {
        return new DrawLotteryPayload(null, null, false, List.of(error));
    }
}
