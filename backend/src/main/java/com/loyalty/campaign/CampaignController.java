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
 * Campaigns are brand-wide marketing: marketers and admins create, launch, change, pause, resume
 * and end them; store managers may read them.
 */
@Controller
@PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
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

    @MutationMapping
    public Mono<CampaignPayload> updateCampaign(@Argument UpdateCampaignInput input,
                                                @AuthenticationPrincipal Viewer viewer) {
        return campaigns.update(viewer, input).map(CampaignPayload::of)
                .transform(Payloads.recover(CampaignPayload::failed));
    }

    @MutationMapping
    public Mono<CampaignPayload> pauseCampaign(@Argument Long campaignId, @AuthenticationPrincipal Viewer viewer) {
        return campaigns.pause(viewer, campaignId).map(CampaignPayload::of)
                .transform(Payloads.recover(CampaignPayload::failed));
    }

    @MutationMapping
    public Mono<CampaignPayload> resumeCampaign(@Argument Long campaignId, @AuthenticationPrincipal Viewer viewer) {
        return campaigns.resume(viewer, campaignId).map(CampaignPayload::of)
                .transform(Payloads.recover(CampaignPayload::failed));
    }

    @MutationMapping
    public Mono<CampaignPayload> endCampaign(@Argument Long campaignId, @AuthenticationPrincipal Viewer viewer) {
        return campaigns.end(viewer, campaignId).map(CampaignPayload::of)
                .transform(Payloads.recover(CampaignPayload::failed));
    }

    @QueryMapping
    public Mono<AudiencePreview> campaignAudiencePreview(@Argument CampaignAudienceInput input,
                                                         @AuthenticationPrincipal Viewer viewer) {
        return campaigns.preview(viewer, input);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<CampaignConnection> campaigns(@Argument CampaignFilter filter, @Argument Integer first,
                                              @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return campaigns.list(viewer, filter, first, after);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Campaign> campaign(@Argument Long id, @AuthenticationPrincipal Viewer viewer) {
        return campaigns.find(viewer, id);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @SchemaMapping(typeName = "Campaign")
    public Mono<CampaignStats> stats(Campaign campaign, @AuthenticationPrincipal Viewer viewer) {
        return campaigns.stats(viewer, campaign.id());
    }
}
