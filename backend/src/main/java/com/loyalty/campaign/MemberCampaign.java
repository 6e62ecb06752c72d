package com.loyalty.campaign;

import java.time.Instant;

/** A campaign a member was in: the group they were drawn into and whether the benefit reached them. */
public record MemberCampaign(long memberId, long campaignId, String name, Campaign.Status status, Campaign.Kind kind,
                             Campaign.Benefit benefit, Group group, Instant startsAt, Instant endsAt,
                             Instant reachedAt) {

    public boolean reached() {
        return reachedAt != null;
    }

    /** TREATED members get the benefit; CONTROL members are held out to measure the campaign. */
    public enum Group { TREATED, CONTROL }
}
