package com.loyalty.segment;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import com.loyalty.tag.RuleTagService;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Nightly: scores every member (RFM, quadrant, lifecycle stage) and recomputes rule tags. */
@Component
public class MemberSegmentsJob implements ScheduledJob {

    private final SegmentService segments;
    private final RuleTagService ruleTags;

    public MemberSegmentsJob(SegmentService segments, RuleTagService ruleTags) {
        this.segments = segments;
        this.ruleTags = ruleTags;
    }

    @Override
    public JobName job() {
        return JobName.MEMBER_SEGMENTS;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        return segments.refreshAll(asOf).zipWith(ruleTags.refreshAll(asOf),
                (scoring, tagChanges) -> "scored " + scoring.scored() + " members, " + scoring.stageChanges()
                        + " stage changes, " + tagChanges + " rule tag changes");
    }
}
