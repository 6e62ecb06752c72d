package com.loyalty.campaign;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The campaigns the member was in, for their data export. */
@Component
class CampaignPersonalData implements PersonalData {

    private final CampaignRepository campaigns;

    CampaignPersonalData(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return campaigns.exportCampaigns(memberId).map(json -> new ExportSection("campaigns", json)).flux();
    }
}
