package com.loyalty.privacy;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's consent history for their data export. */
@Component
class ConsentPersonalData implements PersonalData {

    private final PrivacyRepository privacy;

    ConsentPersonalData(PrivacyRepository privacy) {
        this.privacy = privacy;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return privacy.exportConsents(memberId).map(json -> new ExportSection("consents", json)).flux();
    }
}
