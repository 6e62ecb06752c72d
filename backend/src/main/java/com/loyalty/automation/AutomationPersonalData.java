package com.loyalty.automation;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The automated actions taken for the member and the staff's follow-up calls, for their data export. */
@Component
class AutomationPersonalData implements PersonalData {

    private final AutomationRepository automation;
    private final FollowUpRepository followUps;

    AutomationPersonalData(AutomationRepository automation, FollowUpRepository followUps) {
        this.automation = automation;
        this.followUps = followUps;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return Flux.concat(
                automation.exportActions(memberId).map(json -> new ExportSection("automatedActions", json)),
                followUps.exportFollowUps(memberId).map(json -> new ExportSection("staffFollowUps", json)));
    }
}
