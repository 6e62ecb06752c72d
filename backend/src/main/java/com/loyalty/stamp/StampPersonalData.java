package com.loyalty.stamp;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's stamp cards and their stamps, for their data export. */
@Component
class StampPersonalData implements PersonalData {

    private final StampRepository cards;

    StampPersonalData(StampRepository cards) {
        this.cards = cards;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return cards.exportOf(memberId).map(json -> new ExportSection("stampCards", json)).flux();
    }
}
