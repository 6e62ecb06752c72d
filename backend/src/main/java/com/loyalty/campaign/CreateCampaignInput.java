package com.loyalty.campaign;

import com.loyalty.segment.LifecycleStage;
import java.time.Instant;
import java.util.List;

/** GraphQL input of {@code createCampaign}. */
public record CreateCampaignInput(String name, Instant startsAt, Instant endsAt, Campaign.Audience audience,
                                  List<Integer> tiers, List<Long> memberIds, Campaign.Benefit benefit, Long packId,
                                  Long points, Double multiplier, Integer controlPercent, Long budget,
                                  List<Long> tagIds, List<LifecycleStage> stages, Campaign.Kind kind,
                                  Integer memberDay) {

    /** The kind asked for; STANDARD when left out. */
    public Campaign.Kind kindOrStandard() {
        return kind == null ? Campaign.Kind.STANDARD : kind;
    }
}
