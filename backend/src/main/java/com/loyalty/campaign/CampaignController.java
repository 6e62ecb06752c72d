package com.loyalty.campaign;

import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Campaigns are brand-wide marketing: marketers and admins create and launch them; store managers
 * may read them.
 */
@Controller
@PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
class CampaignController {

    private final CampaignService campaigns;
    private final CampaignRepository rows;

    CampaignController(CampaignService campaigns, CampaignRepository rows) {
        this.campaigns = campaigns;
        this.rows = rows;
    }

    @MutationMapping
    public Mono<CampaignPayload> createCampaign(@Argument CreateCampaignInput input,
                                                @AuthenticationPrincipal Viewer viewer) {
        return campaigns.create(viewer, input).map(CampaignPayload::of).transform(Payloads.recover(CampaignPayload::failed));
    }

    @MutationMapping
    public Mono<CampaignPayload> launchCampaign(@Argument Long campaignId, @AuthenticationPrincipal Viewer viewer) {
        return campaigns.launch(viewer, campaignId).map(CampaignPayload::of)
                .transform(Payloads.recover(CampaignPayload::failed));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Campaign> campaign(@Argument Long id, @AuthenticationPrincipal Viewer viewer) {
        return rows.find(viewer.brandId(), id);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @SchemaMapping(typeName = "Campaign")
    public Mono<CampaignStats> stats(Campaign campaign, @AuthenticationPrincipal Viewer viewer) {
        return campaigns.stats(viewer, campaign.id());
    }
}
