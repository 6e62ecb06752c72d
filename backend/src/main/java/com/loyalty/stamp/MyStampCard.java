package com.loyalty.stamp;

import java.time.Instant;

/**
 * One stamp card as the member sees it: their running card (under the terms it started with), or an
 * empty one under the current terms; {@code endsAt} is null until the first stamp starts the period.
 */
public record MyStampCard(long cardId, String name, Long storeId, int version, int stampsNeeded, int stamps,
                          String rule, String period, Long rewardPoints, Long rewardCouponTemplateId,
                          Instant startedAt, Instant endsAt, boolean paused, long completedCount) {

    static MyStampCard of(MemberStampCard card, StampCard.Status status, long completed) {
        StampCard t = card.terms();
        return new MyStampCard(t.id(), t.name(), t.storeId(), t.version(), t.stampsNeeded(), card.stamps(), t.rule(),
                t.periodText(), t.rewardPoints(), t.rewardCouponTemplateId(), card.startedAt(), card.endsAt(),
                status == StampCard.Status.PAUSED, completed);
    }
}
