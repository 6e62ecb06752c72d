package com.loyalty.points;

import com.loyalty.member.Member;
import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code adjustPoints}. */
public record AdjustPointsPayload(Member member, boolean replayed, List<UserError> userErrors) {

    public static AdjustPointsPayload of(Member member, boolean replayed) {
        return new AdjustPointsPayload(member, replayed, List.of());
    }

    public static AdjustPointsPayload failed(UserError error) {
        return new AdjustPointsPayload(null, false, List.of(error));
    }
}
