package com.loyalty.campaign;

import com.loyalty.segment.LifecycleStage;
import com.loyalty.segment.MemberFilter;
import com.loyalty.segment.RfmSegment;
import java.util.List;

/**
 * Who a campaign is for: what {@code campaignAudiencePreview} takes, what a campaign stores and
 * what its launch and monthly runs select by (the same SQL, {@code CampaignRepository.who}). A FILTER
 * audience takes a member filter inline ({@code filter}) or a saved one ({@code savedFilterId}),
 * whose definition is copied in before anything else looks at it.
 */
public record CampaignAudienceInput(Campaign.Audience audience, List<Integer> tiers, List<Long> memberIds,
                                    List<Long> tagIds, List<LifecycleStage> stages, List<RfmSegment> segments,
                                    Integer topPercent, Integer windowDays, MemberFilter filter,
                                    Long savedFilterId) {

    /**
     * The audience with a saved filter's definition in place of {@code savedFilterId}: a copy, so
     * later changes to the saved filter do not reach what was built from it.
     */
    CampaignAudienceInput withFilter(MemberFilter copied) {
        return new CampaignAudienceInput(audience, tiers, memberIds, tagIds, stages, segments, topPercent, windowDays,
                copied, null);
    }

    /** The audience as a member filter (TOP_SPENDERS adds its own condition); null for an explicit member list. */
    public MemberFilter memberFilter() {
        return switch (audience) {
            case EVERYONE, TOP_SPENDERS -> MemberFilter.EVERYONE;
            case TIERS -> new MemberFilter(null, tiers, null, null, null, null, null, null, null, null, null);
            case TAGS -> new MemberFilter(tagIds, null, null, null, null, null, null, null, null, null, null);
            case STAGES -> new MemberFilter(null, null, stages, null, null, null, null, null, null, null, null);
            case SEGMENTS -> new MemberFilter(null, null, null, segments, null, null, null, null, null, null, null);
            case FILTER -> filter == null ? MemberFilter.EVERYONE : filter;
            case MEMBERS -> null;
        };
    }
}
