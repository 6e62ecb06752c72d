package com.loyalty.points;

import com.loyalty.member.Member;
import com.loyalty.shared.graphql.UserError;
import java.util.List;

/**
 * Result of {@code adjustPoints}: applied, or (above the caller's cap) waiting in
 * {@code pendingApproval} with nothing moved yet.
 */
public record AdjustPointsPayload(Member member, boolean replayed, PointsApproval pendingApproval,
                                  List<UserError> userErrors) {

    public static AdjustPointsPayload of(Member member, boolean replayed) {
        return new AdjustPointsPayload(member, replayed, null, List.of());
    }

    public static AdjustPointsPayload pending(Member member, PointsApproval request, boolean replayed) {
        return new AdjustPointsPayload(member, replayed, request, List.of());
    }

    public static AdjustPointsPayload failed(UserError error) {
        return new AdjustPointsPayload(null, false, null, List.of(error));
    }
}
