package com.loyalty.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** How the brand's members spread over RFM segments, quadrants (with their plays) and lifecycle stages. */
public record SegmentOverview(List<RfmCount> rfmSegments, List<QuadrantCount> quadrants, List<StageCount> stages) {

    /** Members in an RFM segment. */
    public record RfmCount(RfmSegment segment, String name, long members) {
    }

    /** Members in a quadrant, with the play suggested for them. */
    public record QuadrantCount(Quadrant quadrant, String name, String play, long members) {
    }

    /** Members at a lifecycle stage. */
    public record StageCount(LifecycleStage stage, long members) {
    }

    /** Every segment, quadrant and stage, with zero where no member is in it. */
    static SegmentOverview of(Map<String, Long> rfm, Map<String, Long> quadrants, Map<String, Long> stages) {
        return new SegmentOverview(
                Arrays.stream(RfmSegment.values())
                        .map(s -> new RfmCount(s, s.label(), rfm.getOrDefault(s.name(), 0L))).toList(),
                Arrays.stream(Quadrant.values())
                        .map(q -> new QuadrantCount(q, q.label(), q.play(), quadrants.getOrDefault(q.name(), 0L)))
                        .toList(),
                Arrays.stream(LifecycleStage.values())
                        .map(s -> new StageCount(s, stages.getOrDefault(s.name(), 0L))).toList());
    }
}
