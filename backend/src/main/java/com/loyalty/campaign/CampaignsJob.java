package com.loyalty.campaign;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Campaigns run themselves (every five minutes; the job lock lets one instance at a time do it):
 * scheduled campaigns start at their start time, MONTHLY ones run again once a business month
 * (from the 1st), and campaigns past their end time end. The time is now (the business date is
 * not used); each step is idempotent.
 */
@Component
class CampaignsJob implements ScheduledJob {

    private final CampaignService campaigns;
    private final Clock clock;

    CampaignsJob(CampaignService campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public JobName job() {
        return JobName.CAMPAIGNS;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        return campaigns.sweep(clock.instant()).map(CampaignService.Sweep::toString);
    }
}
