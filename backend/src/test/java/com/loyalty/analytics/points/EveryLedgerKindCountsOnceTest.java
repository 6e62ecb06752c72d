package com.loyalty.analytics.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.shared.LedgerKinds;
import com.loyalty.points.EntryKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every kind of points ledger entry counts in exactly one figure of the points economy, on the side
 * it belongs to, so the figures always add up to what balances changed by; and the kinds that are
 * members spending points are the ones the spending index covers. A new EntryKind fails to compile
 * until LedgerKinds places it, and fails here if the figures lose it.
 */
class EveryLedgerKindCountsOnceTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Test
    void eachKindMovesOneFigureAndTheNetByExactlyWhatItMoved() {
        for (EntryKind kind : EntryKind.values()) {
            PointsFlow f = PointsFlow.of(DAY, DAY, List.of(new PointsEconomyRepository.KindDay(DAY, kind.name(), 7, 3)));
            assertThat(f.net()).as(kind + ": net is credited - debited").isEqualTo(4);
            List<Long> figures = List.of(f.earned(), f.checkIn(), f.referral(), f.campaign(), f.stampCards(), f.events(),
                    f.lotteryPrizes(), f.rechargeBonus(), f.redeemedAtTill(), f.couponExchange(), f.makeUp(),
                    f.mallRedemptions(), f.lotteryDraws(), f.expired(), f.reversedByRefunds(), f.returnedByRefunds(),
                    f.imported());
            long moved = figures.stream().filter(n -> n != 0).count();
            if (kind == EntryKind.ADJUST) {
                assertThat(moved).isZero();
                assertThat(List.of(f.adjustedUp(), f.adjustedDown())).containsExactly(7L, 3L);
            } else {
                assertThat(moved).as(kind + " moves one figure").isEqualTo(1);
                assertThat(f.adjustedUp() + f.adjustedDown()).as(kind + " is no adjustment").isZero();
            }
        }
    }

    @Test
    void earningKindsAreIssuedAndSpendingKindsRedeemed() {
        Set<EntryKind> issued = kindsOn(LedgerKinds.Side.ISSUED);
        Set<EntryKind> spent = kindsOn(LedgerKinds.Side.SPENT);

        assertThat(issued).containsExactlyInAnyOrder(EntryKind.EARN, EntryKind.CHECK_IN, EntryKind.REFERRAL,
                EntryKind.CAMPAIGN, EntryKind.STAMP_CARD, EntryKind.EVENT, EntryKind.LOTTERY_PRIZE, EntryKind.RECHARGE);
        assertThat(spent).containsExactlyInAnyOrder(EntryKind.REDEEM, EntryKind.COUPON_EXCHANGE, EntryKind.MAKE_UP,
                EntryKind.MALL_REDEEM, EntryKind.MALL_RETURN, EntryKind.LOTTERY_DRAW);
        assertThat(LedgerKinds.SPENDING).containsExactlyInAnyOrder(EntryKind.REDEEM, EntryKind.COUPON_EXCHANGE,
                EntryKind.MAKE_UP, EntryKind.MALL_REDEEM, EntryKind.LOTTERY_DRAW);
        // a mall return gives spending back: 500 paid, 200 returned is 300 spent in the mall
        PointsFlow mall = PointsFlow.of(DAY, DAY, List.of(new PointsEconomyRepository.KindDay(DAY, "MALL_REDEEM", 0, 500),
                new PointsEconomyRepository.KindDay(DAY, "MALL_RETURN", 200, 0),
                new PointsEconomyRepository.KindDay(DAY, "LOTTERY_DRAW", 0, 40),
                new PointsEconomyRepository.KindDay(DAY, "LOTTERY_PRIZE", 25, 0)));
        assertThat(List.of(mall.mallRedemptions(), mall.lotteryDraws(), mall.redeemed(), mall.lotteryPrizes(),
                mall.issued(), mall.net())).containsExactly(300L, 40L, 340L, 25L, 25L, -315L);
    }

    @Test
    void theSpendingIndexCoversExactlyTheSpendingKinds() throws IOException {
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V90__points_spending_index.sql"));
        Matcher predicate = Pattern.compile("where kind in \\(([^)]*)\\)").matcher(migration);
        assertThat(predicate.find()).isTrue();
        Set<String> indexed = Arrays.stream(predicate.group(1).split(","))
                .map(s -> s.strip().replace("'", "")).collect(Collectors.toSet());
        assertThat(indexed).isEqualTo(LedgerKinds.SPENDING.stream().map(Enum::name).collect(Collectors.toSet()));
        assertThat(LedgerKinds.SPENDING_SQL).isEqualTo("(" + predicate.group(1) + ")");
    }

    private static Set<EntryKind> kindsOn(LedgerKinds.Side side) {
        return Arrays.stream(EntryKind.values()).filter(k -> LedgerKinds.figureOf(k).side() == side)
                .collect(Collectors.toSet());
    }
}
