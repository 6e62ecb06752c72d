package com.loyalty.segment;

import com.loyalty.member.Member;

/** A member as staff see them: the member and their segment (scores and stage). */
public record MemberProfile(Member member, MemberSegment segment) {

    public long id() {
        return member.id();
    }

    public MemberSegment.Rfm rfm() {
        return segment.rfm();
    }

    public QuadrantInfo quadrant() {
        return segment.quadrant() == null ? null : QuadrantInfo.of(segment.quadrant());
    }

    public Lifecycle lifecycle() {
        return new Lifecycle(member.id(), segment.stage(), segment.stageSince(), segment.usualIntervalDays(),
                segment.lastPurchaseAt());
    }

    /** A quadrant with its Chinese name and suggested play. */
    public record QuadrantInfo(Quadrant quadrant, String name, String play) {
        static QuadrantInfo of(Quadrant q) {
            return new QuadrantInfo(q, q.label(), q.play());
        }
    }

    /** The member's lifecycle stage, since when, and their usual interval between purchase days. */
    public record Lifecycle(long memberId, LifecycleStage stage, java.time.LocalDate since,
                            java.math.BigDecimal usualIntervalDays, java.time.Instant lastPurchaseAt) {
    }

    /** A stage change of a member. */
    public record StageChange(LifecycleStage from, LifecycleStage to, java.time.LocalDate asOf,
                              java.time.Instant changedAt) {
    }
}
