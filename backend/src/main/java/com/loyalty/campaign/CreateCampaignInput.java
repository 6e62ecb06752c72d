package com.loyalty.campaign;

import java.time.Instant;
import java.util.List;

/** GraphQL input of {@code createCampaign}. */
public record CreateCampaignInput(String name, Instant startsAt, Instant endsAt, Campaign.Audience audience,
                                  List<Integer> tiers, List<Long> memberIds, Campaign.Benefit benefit, Long packId,
                                  Long points, Double multiplier, Integer controlPercent, Long budget) {
}
