package com.loyalty.campaign;

import java.util.List;

/**
 * Who an audience would take now: how many members match, how many of them lack marketing consent
 * (they would be left out), and a sample of up to 10 with masked nicknames.
 */
public record AudiencePreview(long count, long withoutMarketingConsent, List<Sample> sample) {

    /** A member of the sample, nickname masked as staff views show it (小爱 → 小*). */
    public record Sample(long id, String nickname) {
    }
}
