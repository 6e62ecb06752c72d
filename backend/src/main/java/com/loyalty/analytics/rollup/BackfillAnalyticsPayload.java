package com.loyalty.analytics.rollup;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code backfillAnalytics}: how many days were rolled up (into every analytics rollup). */
public record BackfillAnalyticsPayload(Integer days, List<UserError> userErrors) {

    public static BackfillAnalyticsPayload failed(UserError error) {
        return new BackfillAnalyticsPayload(null, List.of(error));
    }
}
