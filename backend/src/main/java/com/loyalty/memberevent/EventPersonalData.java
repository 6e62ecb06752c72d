package com.loyalty.memberevent;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's event sign-ups and attendance, for their data export. */
@Component
class EventPersonalData implements PersonalData {

    private final EventSignUpRepository signUps;

    EventPersonalData(EventSignUpRepository signUps) {
        this.signUps = signUps;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return signUps.exportOf(memberId).map(json -> new ExportSection("eventSignUps", json)).flux();
    }
}
