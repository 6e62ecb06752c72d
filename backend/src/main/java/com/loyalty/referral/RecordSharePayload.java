package com.loyalty.referral;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code recordShare}: recorded for analytics, never rewarded. */
public record RecordSharePayload(boolean recorded, List<UserError> userErrors) {

    public static RecordSharePayload failed(UserError error) {
        return new RecordSharePayload(false, List.of(error));
    }
}
