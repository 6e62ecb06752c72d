package com.loyalty.campaign;

import com.loyalty.notify.Channel;
import com.loyalty.segment.LifecycleStage;
import com.loyalty.segment.MemberFilter;
import com.loyalty.segment.RfmSegment;
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
        Integer memberDay,
        Status status,
        Instant endedAt,
        Recurrence recurrence,
        List<RfmSegment> audienceSegments,
        Integer topPercent,
        Integer windowDays,
        MemberFilter audienceMemberFilter,
        String message,
        Channel messageChannel,
        String lastPeriod) {

    /** Who the campaign is for. */
    public enum Audience { EVERYONE, TIERS, MEMBERS, TAGS, STAGES, SEGMENTS, TOP_SPENDERS, FILTER }

    /** Built-in kinds run by themselves once launched: member day and birthday. */
    public enum Kind { STANDARD, MEMBER_DAY, BIRTHDAY }

    /** What the treated members get. */
    public enum Benefit { COUPON_PACK, POINTS, MULTIPLIER }

    /**
     * Where the campaign stands: DRAFT until launched; SCHEDULED when launched before its start (the
     * audience is fixed when it starts); RUNNING; PAUSED (gives nothing); ENDED (by its end time or by hand).
     */
    public enum Status { DRAFT, SCHEDULED, RUNNING, PAUSED, ENDED }

    /** NONE: the benefit is given once; MONTHLY: again on the 1st of each month of the window. */
    public enum Recurrence { NONE, MONTHLY }

    /** Who it is for, as the audience code selects by. */
    public CampaignAudienceInput audienceInput() {
        return new CampaignAudienceInput(audience, audienceTiers, audienceMembers, audienceTags, audienceStages,
                audienceSegments, topPercent, windowDays, audienceMemberFilter, null);
    }

    /** The end of the stats window: its end time, or when it was ended by hand if earlier. */
    public Instant statsEnd() {
        return endedAt != null && endedAt.isBefore(endsAt) ? endedAt : endsAt;
    }

    /** The recurrence; NONE for rows from before recurrences. */
    public boolean monthly() {
        return recurrence == Recurrence.MONTHLY;
    }
}
