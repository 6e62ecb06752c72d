package com.loyalty.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A member's scores and stage as last computed; scores are null without a purchase in the RFM window. */
public record MemberSegment(
        long memberId,
        LocalDate asOf,
        int orders,
        Instant lastPurchaseAt,
        BigDecimal usualIntervalDays,
        Integer recencyDays,
        Integer frequency,
        Long monetaryCents,
        Long avgOrderCents,
        Integer rScore,
        Integer fScore,
        Integer mScore,
        Integer aScore,
        RfmSegment rfmSegment,
        Quadrant quadrant,
        LifecycleStage stage,
        LocalDate stageSince) {

    /** The RFM part, or null when the member has no purchase in the window. */
    public Rfm rfm() {
        return rScore == null ? null : new Rfm(rScore, fScore, mScore, recencyDays, frequency, monetaryCents,
                rfmSegment, rfmSegment.label());
    }

    /** The member's RFM scores 1..5, the values behind them and their segment. */
    public record Rfm(int recencyScore, int frequencyScore, int monetaryScore, int recencyDays, int frequency,
                      long monetaryCents, RfmSegment segment, String segmentName) {
    }
}
