package com.loyalty.checkin;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's check-ins, for their data export. */
@Component
class CheckInPersonalData implements PersonalData {

    private final CheckInRepository checkIns;

    CheckInPersonalData(CheckInRepository checkIns) {
        this.checkIns = checkIns;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return checkIns.exportCheckIns(memberId).map(json -> new ExportSection("checkIns", json)).flux();
    }
}
