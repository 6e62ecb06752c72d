package com.loyalty.coupon;

import com.loyalty.shared.EarlyAccessWindow;
import com.loyalty.tier.Tier;
import java.time.Instant;
import java.util.List;

/**
 * Early access to a coupon of the coupon centre (优先领), and the GraphQL input that sets it: members
 * whose tier is one of {@code tierLevels} may claim or buy it from {@code earlyFrom}, everyone from
 * {@code generalFrom}, nobody before {@code earlyFrom}. Staff issues, packs, campaigns and rewards
 * are not held back by it.
 */
public record CouponEarlyAccess(List<Integer> tierLevels, Instant earlyFrom, Instant generalFrom) {

    /** The most tiers one coupon names. */
    static final int MAX_TIERS = 20;

    public EarlyAccessWindow window() {
        return new EarlyAccessWindow(earlyFrom, generalFrom);
    }

    /** Whether a member of this tier level has the early access. */
    public boolean includes(int level) {
        return tierLevels.contains(level);
    }

    /** The early tiers' names among the brand's {@code tiers} (等级N for a level they no longer have). */
    public List<String> tierNames(List<Tier> tiers) {
        return tierLevels.stream().map(level -> tiers.stream().filter(t -> t.level() == level).map(Tier::name)
                .findFirst().orElse("等级" + level)).toList();
    }

    /** The same, with the levels sorted and each once (as stored and compared). */
    CouponEarlyAccess normalised() {
        return new CouponEarlyAccess(tierLevels.stream().distinct().sorted().toList(), earlyFrom, generalFrom);
    }
}
