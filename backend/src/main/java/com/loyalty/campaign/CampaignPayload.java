package com.loyalty.campaign;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of creating or launching a campaign; {@code launch} says what a launch did. */
public record CampaignPayload(Campaign campaign, CampaignLaunch.Counts launch, List<UserError> userErrors) {

    public static CampaignPayload of(Campaign campaign) {
        return new CampaignPayload(campaign, null, List.of());
    }

    public static CampaignPayload of(CampaignLaunch launched) {
        return new CampaignPayload(launched.campaign(), launched.counts(), List.of());
    }

    public static CampaignPayload failed(UserError error) {
        return new CampaignPayload(null, null, List.of(error));
    }
}
