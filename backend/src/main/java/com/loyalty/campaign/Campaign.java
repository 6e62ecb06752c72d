package com.loyalty.campaign;

import com.loyalty.segment.LifecycleStage;
import com.loyalty.segment.MemberFilter;
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
        Instant launchedAt,
        List<Long> audienceTags,
        List<LifecycleStage> audienceStages,
        Kind kind,
        Integer memberDay) {

    /** Who the campaign is for. */
    public enum Audience { EVERYONE, TIERS, MEMBERS, TAGS, STAGES }

    /** Built-in kinds run by themselves once launched: member day and birthday. */
    public enum Kind { STANDARD, MEMBER_DAY, BIRTHDAY }

    /** The audience as a member filter; null for an explicit member list. */
    public MemberFilter audienceFilter() {
        return switch (audience) {
            case EVERYONE -> MemberFilter.EVERYONE;
            case TIERS -> new MemberFilter(null, audienceTiers, null, null, null, null, null, null, null, null, null);
            case TAGS -> new MemberFilter(audienceTags, null, null, null, null, null, null, null, null, null, null);
            case STAGES -> new MemberFilter(null, null, audienceStages, null, null, null, null, null, null, null, null);
            case MEMBERS -> null;
        };
    }

    /** What the treated members get. */
    public enum Benefit { COUPON_PACK, POINTS, MULTIPLIER }
}
