package com.loyalty.campaign;

/** Which campaigns {@code campaigns(filter:)} lists; every condition given must hold. {@code search}: the name contains it. */
public record CampaignFilter(Campaign.Status status, Campaign.Kind kind, Campaign.Benefit benefit, String search) {

    static final CampaignFilter ALL = new CampaignFilter(null, null, null, null);
}
