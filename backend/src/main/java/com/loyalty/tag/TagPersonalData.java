package com.loyalty.tag;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's tags, for their data export. */
@Component
class TagPersonalData implements PersonalData {

    private final TagRepository tags;

    TagPersonalData(TagRepository tags) {
        this.tags = tags;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return tags.exportTags(memberId).map(json -> new ExportSection("tags", json)).flux();
    }
}
