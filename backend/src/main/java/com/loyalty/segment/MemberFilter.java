package com.loyalty.segment;

import java.time.Instant;
import java.util.List;

/**
 * Which members to list or target; every condition given must hold, and a list condition holds
 * when the member matches any value in it.
 */
public record MemberFilter(List<Long> tags, List<Integer> tiers, List<LifecycleStage> stages,
                           List<RfmSegment> rfmSegments, List<Quadrant> quadrants, Instant lastPurchaseBefore,
                           Instant lastPurchaseAfter, Instant registeredAfter, Instant registeredBefore, Long storeId,
                           Integer birthdayMonth) {

    /** Everyone. */
    public static final MemberFilter EVERYONE =
            new MemberFilter(null, null, null, null, null, null, null, null, null, null, null);

    /**
     * What is wrong with the filter as given, or null when nothing is: the one check a filter goes
     * through wherever it is given (members(filter:), a saved filter, a campaign audience).
     */
    public String problem() {
        if (birthdayMonth != null && (birthdayMonth < 1 || birthdayMonth > 12)) {
            return "生日月份需为 1 到 12";
        }
        return null;
    }
}
