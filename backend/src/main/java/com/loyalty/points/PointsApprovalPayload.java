package com.loyalty.points;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of approving or rejecting a points adjustment. */
public record PointsApprovalPayload(PointsApproval approval, List<UserError> userErrors) {

    public static PointsApprovalPayload of(PointsApproval approval) {
        return new PointsApprovalPayload(approval, List.of());
    }

    public static PointsApprovalPayload failed(UserError error) {
        return new PointsApprovalPayload(null, List.of(error));
    }
}
