package com.loyalty.wallet.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.wallet.ledger.Lot;
import com.loyalty.wallet.ledger.LotMove;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

    @Test
    void proportionalRoundsTheBonusDownAndNeverAsksThePrincipalForMoreThanItHolds() {
        assertThat(SpendPlan.split(11_000, 50_000, 5_000, SpendOrder.PROPORTIONAL))
                .isEqualTo(new SpendPlan.Split(10_000, 1_000));
        assertThat(SpendPlan.split(1, 2, 1, SpendOrder.PROPORTIONAL)).isEqualTo(new SpendPlan.Split(1, 0));
        assertThat(SpendPlan.split(3, 2, 1, SpendOrder.PROPORTIONAL)).isEqualTo(new SpendPlan.Split(2, 1));
        assertThat(SpendPlan.split(5, 0, 5, SpendOrder.PROPORTIONAL)).isEqualTo(new SpendPlan.Split(0, 5));
    }

    @Test
    void principalFirstAndBonusFirstUseUpOneSideBeforeTheOther() {
        assertThat(SpendPlan.split(600, 500, 300, SpendOrder.PRINCIPAL_FIRST)).isEqualTo(new SpendPlan.Split(500, 100));
        assertThat(SpendPlan.split(600, 500, 300, SpendOrder.BONUS_FIRST)).isEqualTo(new SpendPlan.Split(300, 300));
    }

    @Test
    void principalComesFromTheOldestRechargeAndBonusFromTheSoonestExpiring() {
        Lot old = new Lot(1, 10, 1_000, 100, NOW.plusSeconds(86_400 * 30));
        Lot newer = new Lot(2, 20, 1_000, 100, NOW.plusSeconds(86_400));
        Lot expired = new Lot(3, 20, 0, 500, NOW.minusSeconds(1));

        List<LotMove> moves = SpendPlan.take(List.of(old, newer, expired), 2_150, SpendOrder.PRINCIPAL_FIRST, NOW);

        // the expired lot's bonus is not touched; the newer lot's bonus expires first
        assertThat(moves).containsExactly(new LotMove(1, 10, -1_000, -50), new LotMove(2, 20, -1_000, -100));
    }

    @Test
    void givingBackNeverReturnsMoreToALotThanItGave() {
        List<LotMove> stillTaken = List.of(new LotMove(1, 10, 300, 30), new LotMove(2, 10, 200, 0));

        assertThat(SpendPlan.giveBack(stillTaken, 400, 30))
                .containsExactly(new LotMove(1, 10, 300, 30), new LotMove(2, 10, 100, 0));
    }
}
