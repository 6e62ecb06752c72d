package com.loyalty.campaign;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of creating or launching a campaign. */
public record CampaignPayload(Campaign campaign, List<UserError> userErrors) {

    public static CampaignPayload of(Campaign campaign) {
        return new CampaignPayload(campaign, List.of());
    }

    public static CampaignPayload failed(UserError error) {
        return new CampaignPayload(null, List.of(error));
    }
}
