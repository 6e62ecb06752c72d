package com.loyalty.segment;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's segment and lifecycle history, for their data export. */
@Component
class SegmentPersonalData implements PersonalData {

    private final SegmentReadRepository segments;

    SegmentPersonalData(SegmentReadRepository segments) {
        this.segments = segments;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return Flux.concat(
                segments.exportSegment(memberId).map(json -> new ExportSection("segment", json)),
                segments.exportLifecycleHistory(memberId).map(json -> new ExportSection("lifecycleHistory", json)));
    }
}
