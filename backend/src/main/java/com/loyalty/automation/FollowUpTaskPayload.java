package com.loyalty.automation;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code updateFollowUpTask}. */
public record FollowUpTaskPayload(FollowUpTask task, List<UserError> userErrors) {

    public static FollowUpTaskPayload of(FollowUpTask task) {
        return new FollowUpTaskPayload(task, List.of());
    }

    public static FollowUpTaskPayload failed(UserError error) {
        return new FollowUpTaskPayload(null, List.of(error));
    }
}
