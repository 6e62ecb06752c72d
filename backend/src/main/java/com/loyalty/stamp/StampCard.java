package com.loyalty.stamp;

import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseLine;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * A stamp card as one version of its terms says (the current one for the console; the one a
 * member's card started under for that card), with the definition's status now.
 */
public record StampCard(long id, long brandId, Long storeId, Status status, int version, String name, int stampsNeeded,
                        String category, Long minPaidCents, Period period, Integer periodDays, Long rewardPoints,
                        Long rewardCouponTemplateId, Instant createdAt, Instant updatedAt) {

    /** Where a definition stands: ACTIVE stamps orders, PAUSED stamps none until resumed, STOPPED is over. */
    public enum Status { ACTIVE, PAUSED, STOPPED }

    /** How long a member has to fill the card. */
    public enum Period { CALENDAR_MONTH, DAYS }

    /** When a card whose first stamp came at {@code firstStamp} ends: the month's end, or N days later. */
    Instant endsFor(Instant firstStamp, ZoneId zone) {
        return period == Period.DAYS ? firstStamp.plus(java.time.Duration.ofDays(periodDays))
                : YearMonth.from(firstStamp.atZone(zone)).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /**
     * Whether the order earns a stamp: made since the card exists (never retroactive: an order imported
     * from before does not stamp), at this card's store (if it names one), with the category and the
     * amount paid.
     */
    boolean qualifies(Purchase purchase, List<PurchaseLine> lines) {
        return !purchase.occurredAt().isBefore(createdAt)
                && (storeId == null || storeId == purchase.storeId())
                && (minPaidCents == null || purchase.paidCents() >= minPaidCents)
                && (category == null || lines.stream().anyMatch(l -> category.equals(l.category())));
    }

    /**
     * Whether a stamped order no longer earns its stamp after its refunds: refunded in full, or (a card
     * with a minimum) what is left paid, in proportion, fell below the minimum.
     */
    boolean lostBy(Purchase purchase) {
        if (purchase.refundedCents() >= purchase.amountCents()) {
            return true;
        }
        if (minPaidCents == null || purchase.amountCents() <= 0) {
            return false;
        }
        long paidLeft = Math.multiplyExact(purchase.paidCents(), purchase.amountCents() - purchase.refundedCents())
                / purchase.amountCents();
        return paidLeft < minPaidCents;
    }

    /** What qualifies, for members and staff: 「购买咖啡类商品，且实付满 30 元」. */
    public String rule() {
        String buy = category == null ? "单笔消费" : "购买「" + category + "」类商品";
        return minPaidCents == null ? buy : buy + (category == null ? "" : "，且") + "实付满 "
                + com.loyalty.shared.Money.yuan(minPaidCents);
    }

    /** How long a card runs: 「自然月内」 or 「首次集章起 30 天内」. */
    public String periodText() {
        return period == Period.DAYS ? "首次集章起 " + periodDays + " 天内" : "自然月内（当月底结束）";
    }
}
