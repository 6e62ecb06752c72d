package com.loyalty.segment;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Nightly: scores every member (RFM, quadrant, lifecycle stage). */
@Component
public class MemberSegmentsJob implements ScheduledJob {

    private final SegmentService segments;

    public MemberSegmentsJob(SegmentService segments) {
        this.segments = segments;
    }

    @Override
    public JobName job() {
        return JobName.MEMBER_SEGMENTS;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        return segments.refreshAll(asOf)
                .map(r -> "scored " + r.scored() + " members, " + r.stageChanges() + " stage changes");
    }
}
