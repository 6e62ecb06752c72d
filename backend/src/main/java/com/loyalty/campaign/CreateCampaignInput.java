package com.loyalty.campaign;

import com.loyalty.notify.Channel;
import com.loyalty.segment.LifecycleStage;
import com.loyalty.segment.MemberFilter;
import com.loyalty.segment.RfmSegment;
import java.time.Instant;
import java.util.List;

/** GraphQL input of {@code createCampaign}; {@code updateCampaign} merges its changes into one to check them the same way. */
public record CreateCampaignInput(String name, Instant startsAt, Instant endsAt, Campaign.Audience audience,
                                  List<Integer> tiers, List<Long> memberIds, Campaign.Benefit benefit, Long packId,
                                  Long points, Double multiplier, Integer controlPercent, Long budget,
                                  List<Long> tagIds, List<LifecycleStage> stages, Campaign.Kind kind,
                                  Integer memberDay, Campaign.Recurrence recurrence, List<RfmSegment> segments,
                                  Integer topPercent, Integer windowDays, MemberFilter filter, String message,
                                  Channel messageChannel, Long savedFilterId) {

    /**
     * The input with a saved filter's definition in place of {@code savedFilterId}: the campaign
     * stores this copy, so editing or deleting the saved filter later never changes it.
     */
    CreateCampaignInput withFilter(MemberFilter copied) {
        return new CreateCampaignInput(name, startsAt, endsAt, audience, tiers, memberIds, benefit, packId, points,
                multiplier, controlPercent, budget, tagIds, stages, kind, memberDay, recurrence, segments, topPercent,
                windowDays, copied, message, messageChannel, null);
    }

    /** The kind asked for; STANDARD when left out. */
    public Campaign.Kind kindOrStandard() {
        return kind == null ? Campaign.Kind.STANDARD : kind;
    }

    /** The recurrence asked for; NONE when left out. */
    public Campaign.Recurrence recurrenceOrNone() {
        return recurrence == null ? Campaign.Recurrence.NONE : recurrence;
    }

    /** The message, stripped; null when there is none. */
    public String messageText() {
        return message == null || message.isBlank() ? null : message.strip();
    }

    /** The message's channel: as asked, SMS when left out; null without a message. */
    public Channel channel() {
        return messageText() == null ? null : messageChannel == null ? Channel.SMS : messageChannel;
    }

    /** Who it is for. */
    public CampaignAudienceInput audienceInput() {
        return new CampaignAudienceInput(audience, tiers, memberIds, tagIds, stages, segments, topPercent, windowDays,
                filter, savedFilterId);
    }
}
