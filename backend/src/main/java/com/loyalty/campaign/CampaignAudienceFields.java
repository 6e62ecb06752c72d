package com.loyalty.campaign;

import com.loyalty.segment.LifecycleStage;
import com.loyalty.segment.MemberFilter;
import com.loyalty.segment.RfmSegment;
import java.util.List;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * What a campaign's audience was set up with, read-only, so an editor can show a draft as it is.
 * Nothing is loaded: the campaign row holds it. A Campaign is reached only through campaign,
 * campaigns and the campaign mutations, which check who may call them.
 */
@Controller
class CampaignAudienceFields {

    @SchemaMapping(typeName = "Campaign")
    public List<Integer> tiers(Campaign campaign) {
        return campaign.audienceTiers();
    }

    @SchemaMapping(typeName = "Campaign")
    public List<Long> memberIds(Campaign campaign) {
        return campaign.audienceMembers();
    }

    @SchemaMapping(typeName = "Campaign")
    public List<Long> tagIds(Campaign campaign) {
        return campaign.audienceTags();
    }

    @SchemaMapping(typeName = "Campaign")
    public List<LifecycleStage> stages(Campaign campaign) {
        return campaign.audienceStages();
    }

    @SchemaMapping(typeName = "Campaign")
    public List<RfmSegment> segments(Campaign campaign) {
        return campaign.audienceSegments();
    }

    @SchemaMapping(typeName = "Campaign")
    public MemberFilter filter(Campaign campaign) {
        return campaign.audienceMemberFilter();
    }
}
