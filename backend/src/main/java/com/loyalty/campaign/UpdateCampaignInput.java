package com.loyalty.campaign;

import com.loyalty.notify.Channel;
import com.loyalty.segment.LifecycleStage;
import com.loyalty.segment.MemberFilter;
import com.loyalty.segment.RfmSegment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** GraphQL input of {@code updateCampaign}: the fields to change; a field left out (null) keeps its value. */
public record UpdateCampaignInput(Long campaignId, String name, Instant startsAt, Instant endsAt,
                                  Campaign.Audience audience, List<Integer> tiers, List<Long> memberIds,
                                  Campaign.Benefit benefit, Long packId, Long points, Double multiplier,
                                  Integer controlPercent, Long budget, List<Long> tagIds, List<LifecycleStage> stages,
                                  Campaign.Kind kind, Integer memberDay, Campaign.Recurrence recurrence,
                                  List<RfmSegment> segments, Integer topPercent, Integer windowDays,
                                  MemberFilter filter, String message, Channel messageChannel, Long savedFilterId) {

    /**
     * The changes with a saved filter's definition as the new {@code filter} (a copy: later changes
     * to the saved filter do not reach the campaign); {@code savedFilterId} is kept to name the field.
     */
    UpdateCampaignInput withFilter(MemberFilter copied) {
        return new UpdateCampaignInput(campaignId, name, startsAt, endsAt, audience, tiers, memberIds, benefit, packId,
                points, multiplier, controlPercent, budget, tagIds, stages, kind, memberDay, recurrence, segments,
                topPercent, windowDays, copied, message, messageChannel, savedFilterId);
    }

    /** The campaign with these changes, as a creation input: checked by the same rules as a new campaign. */
    CreateCampaignInput mergedInto(Campaign c) {
        return new CreateCampaignInput(or(name, c.name()), or(startsAt, c.startsAt()), or(endsAt, c.endsAt()),
                or(audience, c.audience()), or(tiers, c.audienceTiers()), or(memberIds, c.audienceMembers()),
                or(benefit, c.benefit()), or(packId, c.packId()), or(points, c.points()), or(multiplier, c.multiplier()),
                or(controlPercent, c.controlPercent()), or(budget, c.budget()), or(tagIds, c.audienceTags()),
                or(stages, c.audienceStages()), or(kind, c.kind()), or(memberDay, c.memberDay()),
                or(recurrence, c.recurrence()), or(segments, c.audienceSegments()), or(topPercent, c.topPercent()),
                or(windowDays, c.windowDays()), or(filter, c.audienceMemberFilter()), or(message, c.message()),
                or(messageChannel, c.messageChannel()), null);
    }

    /**
     * The fields given that a running or paused campaign cannot change (its audience, benefit,
     * start, kind, recurrence and control group are fixed once it runs): those that differ from its own.
     */
    List<String> fixedOnceRunning(Campaign c) {
        java.util.ArrayList<String> fixed = new java.util.ArrayList<>();
        differs(fixed, "startsAt", startsAt, c.startsAt());
        differs(fixed, "audience", audience, c.audience());
        differs(fixed, "tiers", tiers, c.audienceTiers());
        differs(fixed, "memberIds", memberIds, c.audienceMembers());
        differs(fixed, "benefit", benefit, c.benefit());
        differs(fixed, "packId", packId, c.packId());
        differs(fixed, "points", points, c.points());
        differs(fixed, "multiplier", multiplier, c.multiplier());
        differs(fixed, "controlPercent", controlPercent, c.controlPercent());
        differs(fixed, "tagIds", tagIds, c.audienceTags());
        differs(fixed, "stages", stages, c.audienceStages());
        differs(fixed, "kind", kind, c.kind());
        differs(fixed, "memberDay", memberDay, c.memberDay());
        differs(fixed, "recurrence", recurrence, c.recurrence());
        differs(fixed, "segments", segments, c.audienceSegments());
        differs(fixed, "topPercent", topPercent, c.topPercent());
        differs(fixed, "windowDays", windowDays, c.windowDays());
        differs(fixed, savedFilterId != null ? "savedFilterId" : "filter", filter, c.audienceMemberFilter());
        return fixed;
    }

    private static void differs(List<String> fixed, String field, Object given, Object current) {
        if (given != null && !Objects.equals(given, current)) {
            fixed.add(field);
        }
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }
}
