package com.loyalty.stamp;

import com.loyalty.staff.StaffRef;
import java.time.Instant;
import java.util.List;

/**
 * One version of a stamp card's terms as the console's history shows it: whether orders stamp under
 * it now, from when until when new cards started under it, who saved it, what it changed from the
 * version before (in Chinese), and the members' cards still running under it.
 */
public record StampCardVersion(int version, boolean current, Instant effectiveFrom, Instant effectiveUntil,
                               StaffRef changedBy, String name, int stampsNeeded, String category, Long minPaidCents,
                               StampCard.Period period, Integer periodDays, Long rewardPoints, Long rewardCouponTemplateId,
                               String rule, String periodText, String reward, List<String> changes, long runningCards) {
}
