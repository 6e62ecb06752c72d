package com.loyalty.campaign;

import java.time.Instant;
import java.util.List;

/** A benefit for an audience in a window, with a held-out control group to measure its effect. */
public record Campaign(
        long id,
        long brandId,
        String name,
        Instant startsAt,
        Instant endsAt,
        Audience audience,
        List<Integer> audienceTiers,
        List<Long> audienceMembers,
        Benefit benefit,
        Long packId,
        Long points,
        Double multiplier,
        int controlPercent,
        Long budget,
        Instant launchedAt) {

    /** Who the campaign is for. */
    public enum Audience { EVERYONE, TIERS, MEMBERS }

    /** What the treated members get. */
    public enum Benefit { COUPON_PACK, POINTS, MULTIPLIER }
}
