package com.loyalty.lottery;

import java.time.Instant;
import java.util.List;

/** A lottery as the member sees it: the odds of the version in force and the draws they have left today. */
public record MemberLottery(long id, String title, String rulesText, Lottery.Status status, Instant startsAt,
                            Instant endsAt, long costPoints, int dailyLimit, Integer totalLimit, int drawsLeftToday,
                            List<Odds> odds) {

    /** One prize and its probability, as shown to members. */
    public record Odds(Prize.Kind kind, String name, Long points, int probabilityBp, String probabilityText,
                       boolean inStock) {
    }
}
