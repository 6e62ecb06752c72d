package com.loyalty.lottery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class LotteryTest extends LotteryIntegrationTest {

    @Test
    void aMemberPaysTheCostThroughTheLedgerAndWinsPointsThere() {
        HttpGraphQlTester marketer = newMarketer();
        String id = running(marketer, lotteryInput(10, 3, 1000, List.of(prize("POINTS", 50, 10, 10_000))));
        HttpGraphQlTester member = memberWithPoints(unique("win"), 100);

        draw(member, id, "d1")
                .path("drawLottery.userErrors").entityList(Object.class).hasSize(0)
                .path("drawLottery.draw.prizeKind").entity(String.class).isEqualTo("POINTS")
                .path("drawLottery.draw.pointsWon").entity(Long.class).isEqualTo(50L)
                .path("drawLottery.draw.poolVersion").entity(Integer.class).isEqualTo(1)
                .path("drawLottery.pointsBalance").entity(Long.class).isEqualTo(140L);

        assertThat(balance(member)).isEqualTo(140L);
        member.documentName("myPoints").execute()
                .path("me.pointsHistory.edges[*].node.kind").entityList(String.class)
                .containsExactly("LOTTERY_PRIZE", "LOTTERY_DRAW", "ADJUST");
        marketer.document(LOTTERY + "query($id: ID!) { lottery(id: $id) { ...L } }").variable("id", id).execute()
                .path("lottery.totals.draws").entity(Long.class).isEqualTo(1L)
                .path("lottery.totals.pointsTaken").entity(Long.class).isEqualTo(10L)
                .path("lottery.totals.prizesGiven").entity(Long.class).isEqualTo(1L)
                .path("lottery.totals.budgetPointsLeft").entity(Long.class).isEqualTo(950L)
                .path("lottery.poolVersions[0].prizes[0].remaining").entity(Integer.class).isEqualTo(9);
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstDrawAndChangesNothing() {
        String id = running(newMarketer(), lotteryInput(10, 5, 1000, List.of(prize("POINTS", 5, 100, 5000),
                prize("NOTHING", null, 0, 0))));
        HttpGraphQlTester member = memberWithPoints(unique("repeat"), 100);
        String first = draw(member, id, "same").path("drawLottery.draw.id").entity(String.class).get();
        long after = balance(member);

        List<String> repeats = inParallel(8, i -> draw(member, id, "same")
                .path("drawLottery.replayed").entity(Boolean.class).isEqualTo(true)
                .path("drawLottery.draw.id").entity(String.class).get());

        assertThat(repeats).containsOnly(first);
        assertThat(balance(member)).isEqualTo(after);
        assertThat(number("select count(*) from lottery_draw where lottery_id = :l", id)).isEqualTo(1);
    }

    @Test
    void sixtyMembersDrawingAtOnceNeverGetMoreThanTheStockTheBudgetOrTheirDailyLimit() {
        // the top prize (1000 points, 5 units) half the time, 10 points 40%; the budget covers the
        // five top prizes and 30 small ones only; each member may draw twice a day and tries three times
        String id = running(newMarketer(), lotteryInput(5, 2, 5_300, List.of(prize("POINTS", 1000, 5, 5000),
                prize("POINTS", 10, 1000, 4000), prize("NOTHING", null, 0, 0))));
        List<HttpGraphQlTester> members = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            members.add(memberWithPoints(unique("crowd"), 100));
        }

        List<String> outcomes = inParallel(180, i -> {
            GraphQlTester.Response r = draw(members.get(i % 60), id, "k" + (i / 60));
            List<String> codes = r.path("drawLottery.userErrors[*].code").entityList(String.class).get();
            return codes.isEmpty() ? "DRAWN" : codes.get(0);
        });

        assertThat(outcomes).filteredOn("DRAWN"::equals).hasSize(120);
        assertThat(outcomes).filteredOn("LOTTERY_DAILY_LIMIT"::equals).hasSize(60);
        assertThat(number("""
                select count(*) from lottery_draw d join lottery_prize p on p.id = d.prize_id
                where d.lottery_id = :l and p.points = 1000""", id)).isLessThanOrEqualTo(5);
        assertThat(number("select max(n) from (select count(*) n from lottery_draw where lottery_id = :l group by member_id) x", id))
                .isEqualTo(2);
        long given = number("select coalesce(sum(points_won), 0) from lottery_draw where lottery_id = :l", id);
        assertThat(given).isLessThanOrEqualTo(5_300)
                .isEqualTo(number("select points_given from lottery where id = :l", id))
                .isEqualTo(number("select coalesce(sum(delta), 0) from points_ledger where kind = 'LOTTERY_PRIZE' "
                        + "and idempotency_key like 'lottery-prize:' || :l || ':%'", id));
        assertThat(number("select coalesce(sum(-delta), 0) from points_ledger where kind = 'LOTTERY_DRAW' "
                + "and idempotency_key like 'lottery:' || :l || ':%'", id)).isEqualTo(120 * 5);
        assertThat(number("""
                select count(*) from lottery_prize p where p.pool_id in (select id from lottery_pool where lottery_id = :l)
                  and p.remaining <> p.stock - (select count(*) from lottery_draw d where d.prize_id = p.id)""", id))
                .as("each prize's units left = stock - draws that won it").isZero();
        assertThat(number("""
                select count(*) from member_points mp where mp.member_id in (select member_id from lottery_draw where lottery_id = :l)
                  and mp.balance <> (select coalesce(sum(delta), 0) from points_ledger l where l.member_id = mp.member_id)""", id))
                .as("members whose balance differs from their ledger").isZero();
    }

    @Test
    void aMemberDrawsOnlyWithTheirOwnPointsAndStaffCannotDrawForThem() {
        String id = running(newMarketer(), lotteryInput(30, 5, 1000, List.of(prize("NOTHING", null, 0, 0))));
        HttpGraphQlTester rich = memberWithPoints(unique("rich"), 100);
        HttpGraphQlTester poor = member(unique("poor"));

        draw(poor, id, "p1").path("drawLottery.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_POINTS")
                .path("drawLottery.draw").valueIsNull();
        assertThat(balance(rich)).isEqualTo(100L);
        assertThat(number("select count(*) from lottery_draw where lottery_id = :l", id)).isZero();

        HttpGraphQlTester clerk = newStaff(createStore("抽奖店"), "CLERK");
        draw(clerk, id, "c1").errors().satisfy(errors -> assertThat(errors).anySatisfy(e ->
                assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        draw(admin(), id, "a1").errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(balance(rich)).isEqualTo(100L);
    }

    @Test
    void aPausedEndedOrUnstartedLotteryRefusesDrawsWithItsReason() {
        HttpGraphQlTester marketer = newMarketer();
        String id = running(marketer, lotteryInput(0, 5, 0, List.of(prize("NOTHING", null, 0, 0))));
        HttpGraphQlTester member = member(unique("late"));

        lifecycle(marketer, "pauseLottery", id).path("pauseLottery.lottery.status").entity(String.class).isEqualTo("PAUSED");
        draw(member, id, "k1").path("drawLottery.userErrors[0].code").entity(String.class).isEqualTo("LOTTERY_PAUSED");
        lifecycle(marketer, "pauseLottery", id).path("pauseLottery.userErrors[0].code").entity(String.class)
                .isEqualTo("LOTTERY_STATUS_CONFLICT");
        lifecycle(marketer, "resumeLottery", id).path("resumeLottery.lottery.status").entity(String.class).isEqualTo("RUNNING");
        draw(member, id, "k2").path("drawLottery.userErrors").entityList(Object.class).hasSize(0)
                .path("drawLottery.draw.prizeName").entity(String.class).isEqualTo("谢谢参与");
        lifecycle(marketer, "endLottery", id).path("endLottery.lottery.status").entity(String.class).isEqualTo("ENDED");
        draw(member, id, "k3").path("drawLottery.userErrors[0].code").entity(String.class).isEqualTo("LOTTERY_NOT_RUNNING");

        Map<String, Object> later = lotteryInput(0, 5, 0, List.of(prize("NOTHING", null, 0, 0)));
        later.put("startsAt", Instant.now().plus(Duration.ofDays(2)).toString());
        String notYet = running(marketer, later);
        draw(member, notYet, "k4").path("drawLottery.userErrors[0].code").entity(String.class).isEqualTo("LOTTERY_NOT_RUNNING");
        String draft = create(marketer, lotteryInput(0, 5, 0, List.of(prize("NOTHING", null, 0, 0))))
                .path("createLottery.lottery.id").entity(String.class).get();
        draw(member, draft, "k5").path("drawLottery.userErrors[0].code").entity(String.class).isEqualTo("LOTTERY_NOT_FOUND");
        assertThat(auditOf(staffIdOf(marketer), "PAUSE_LOTTERY")).hasSize(1);
    }

    private static String staffIdOf(HttpGraphQlTester staff) {
        return staff.document("{ currentStaff { id } }").execute().path("currentStaff.id").entity(String.class).get();
    }

    @Test
    void theDailyLimitTurnsWithTheBusinessDayAndTheMemberSeesTheDrawsLeft() {
        String id = running(newMarketer(), lotteryInput(0, 1, 0, List.of(prize("POINTS", 10, 0, 2500),
                prize("NOTHING", "", 0, 0))));
        String name = unique("daily");
        HttpGraphQlTester member = member(name);
        String odds = "query($id: ID) { lotteryForMember(id: $id) { drawsLeftToday odds { kind probabilityText inStock } } }";
        member.document(odds).variable("id", id).execute()
                .path("lotteryForMember.drawsLeftToday").entity(Integer.class).isEqualTo(1)
                .path("lotteryForMember.odds[*].probabilityText").entityList(String.class).containsExactly("25.00%", "75.00%")
                .path("lotteryForMember.odds[0].inStock").entity(Boolean.class).isEqualTo(false);
        // stock 0: landing on the prize falls to 谢谢参与, recorded as such
        draw(member, id, "d1").path("drawLottery.draw.prizeKind").entity(String.class).isEqualTo("NOTHING")
                .path("drawLottery.draw.pointsWon").entity(Long.class).isEqualTo(0L);
        draw(member, id, "d2").path("drawLottery.userErrors[0].code").entity(String.class).isEqualTo("LOTTERY_DAILY_LIMIT");
        member.document(odds).variable("id", id).execute().path("lotteryForMember.drawsLeftToday").entity(Integer.class).isEqualTo(0);

        clock.setTo(clock.instant().plus(Duration.ofDays(1)));
        member = member(name);
        draw(member, id, "d3").path("drawLottery.userErrors").entityList(Object.class).hasSize(0);
        member.document("{ myLotteryDraws(first: 10) { totalCount edges { node { lotteryId prizeName } } } }").execute()
                .path("myLotteryDraws.totalCount").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void editingARunningLotteryAddsAPoolVersionAndKeepsTheDrawsAlreadyMade() {
        HttpGraphQlTester marketer = newMarketer();
        String id = running(marketer, lotteryInput(0, 5, 10_000, List.of(prize("POINTS", 7, 100, 10_000))));
        HttpGraphQlTester member = member(unique("versions"));
        draw(member, id, "v1").path("drawLottery.draw.pointsWon").entity(Long.class).isEqualTo(7L);

        String update = LOTTERY + """
                mutation($input: UpdateLotteryInput!) { updateLottery(input: $input) {
                  lottery { ...L } userErrors { field code message } } }""";
        marketer.document(update).variable("input", Map.of("lotteryId", id, "prizes", List.of(prize("POINTS", 9, 100, 10_000)),
                        "poolEffectiveFrom", Instant.now().minus(Duration.ofHours(1)).toString())).execute()
                .path("updateLottery.userErrors[0].code").entity(String.class).isEqualTo("EFFECTIVE_TIME_IN_PAST");
        marketer.document(update).variable("input", Map.of("lotteryId", id, "prizes", List.of(prize("POINTS", 9, 100, 10_000))))
                .execute()
                .path("updateLottery.userErrors").entityList(Object.class).hasSize(0)
                .path("updateLottery.lottery.poolVersions[*].version").entityList(Integer.class).containsExactly(2, 1);

        draw(member, id, "v2").path("drawLottery.draw.pointsWon").entity(Long.class).isEqualTo(9L)
                .path("drawLottery.draw.poolVersion").entity(Integer.class).isEqualTo(2);
        member.document("{ myLotteryDraws { edges { node { poolVersion pointsWon } } } }").execute()
                .path("myLotteryDraws.edges[*].node.poolVersion").entityList(Integer.class).containsExactly(2, 1)
                .path("myLotteryDraws.edges[*].node.pointsWon").entityList(Long.class).containsExactly(9L, 7L);
        assertThat(auditOf(staffIdOf(marketer), "UPDATE_LOTTERY")).hasSize(1);
        assertThat(auditOf(staffIdOf(marketer), "CREATE_LOTTERY")).hasSize(1);
    }

    @Test
    void aCouponPrizeIsIssuedByTheCouponModuleAndCountedAgainstTheBudget() {
        String template = admin().document("""
                        mutation($input: CreateCouponTemplateInput!) { createCouponTemplate(input: $input) {
                          template { id } userErrors { code message } } }""")
                .variable("input", Map.of("name", "抽奖券满100减20", "kind", "AMOUNT_OFF", "amountOffCents", 2000,
                        "thresholdCents", 10000, "validDays", 30))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        HttpGraphQlTester marketer = newMarketer();
        String id = running(marketer, lotteryInput(0, 5, 0, List.of(prize("COUPON", template, 10, 10_000))));
        HttpGraphQlTester member = member(unique("coupon"));

        String coupon = draw(member, id, "c1").path("drawLottery.draw.prizeKind").entity(String.class).isEqualTo("COUPON")
                .path("drawLottery.draw.prizeName").entity(String.class).isEqualTo("抽奖券满100减20")
                .path("drawLottery.draw.couponId").entity(String.class).get();
        assertThat(number("select count(*) from member_coupon where source = 'LOTTERY' and id = " + coupon
                + " and :l > 0", id)).isEqualTo(1);
        // the template allows one per member: the second win is refused by the coupon module and falls to 谢谢参与
        draw(member, id, "c2").path("drawLottery.userErrors").entityList(Object.class).hasSize(0)
                .path("drawLottery.draw.prizeKind").entity(String.class).isEqualTo("NOTHING")
                .path("drawLottery.draw.fellToNothing").entity(Boolean.class).isEqualTo(true);
        marketer.document(LOTTERY + "query($id: ID!) { lottery(id: $id) { ...L } }").variable("id", id).execute()
                .path("lottery.couponsGiven").entity(Long.class).isEqualTo(1L)
                .path("lottery.totals.draws").entity(Long.class).isEqualTo(2L)
                .path("lottery.poolVersions[0].prizes[0].remaining").entity(Integer.class).isEqualTo(9);
    }

    @Test
    void aClerkAManagerAMemberAndAnotherBrandsMarketerCannotEditTheLottery() {
        HttpGraphQlTester marketer = newMarketer();
        String id = running(marketer, lotteryInput(0, 5, 0, List.of(prize("NOTHING", null, 0, 0))));
        String store = createStore("抽奖墙");
        for (HttpGraphQlTester outsider : List.of(newStaff(store, "CLERK"), newStaff(store, "STORE_MANAGER"),
                member(unique("nosy")))) {
            lifecycle(outsider, "pauseLottery", id).errors().satisfy(errors -> assertThat(errors)
                    .anySatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
        long otherBrand = db.sql("insert into brand (name) values (:n) returning id").bind("n", unique("别的品牌"))
                .map(row -> row.get("id", Long.class)).one().block();
        String username = insertStaffAccount(otherBrand, null, unique("marketer-b"), STAFF_PASSWORD, Role.MARKETER);
        HttpGraphQlTester stranger = staff(username, STAFF_PASSWORD);
        lifecycle(stranger, "pauseLottery", id).path("pauseLottery.userErrors[0].code").entity(String.class)
                .isEqualTo("LOTTERY_NOT_FOUND");
        stranger.document("query($id: ID!) { lottery(id: $id) { id } }").variable("id", id).execute()
                .path("lottery").valueIsNull();
        marketer.document("query($id: ID!) { lottery(id: $id) { status } }").variable("id", id).execute()
                .path("lottery.status").entity(String.class).isEqualTo("RUNNING");
    }

    @Test
    void aStoreManagerSeesTheLotteriesOddsAndTotalsButCannotChangeThemAndAClerkSeesNothing() {
        HttpGraphQlTester marketer = newMarketer();
        String id = running(marketer, lotteryInput(10, 5, 1000, List.of(prize("POINTS", 20, 50, 2500),
                prize("NOTHING", null, 0, 0))));
        draw(memberWithPoints(unique("drawer"), 100), id, "m1").path("drawLottery.userErrors").entityList(Object.class).hasSize(0);
        String store = createStore("店长看抽奖");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");

        manager.document("{ lotteries(first: 100) { totalCount edges { node { id status } } } }").execute()
                .path("lotteries.edges[?(@.node.id == '" + id + "')].node.status").entityList(String.class)
                .containsExactly("RUNNING");
        manager.document(LOTTERY + "query($id: ID!) { lottery(id: $id) { ...L recentDraws { id memberId } } }")
                .variable("id", id).execute()
                .path("lottery.status").entity(String.class).isEqualTo("RUNNING")
                .path("lottery.totals.draws").entity(Long.class).isEqualTo(1L)
                .path("lottery.totals.pointsTaken").entity(Long.class).isEqualTo(10L)
                .path("lottery.poolVersions[0].prizes[*].probabilityBp").entityList(Integer.class).contains(2500)
                // who drew is the brand's marketing data, past the manager's store wall
                .path("lottery.recentDraws").entityList(Object.class).hasSize(0);

        String update = "mutation($input: UpdateLotteryInput!) { updateLottery(input: $input) { lottery { id } userErrors { code } } }";
        String create = "mutation($input: CreateLotteryInput!) { createLottery(input: $input) { lottery { id } userErrors { code } } }";
        List<GraphQlTester.Response> refused = List.of(
                manager.document(update).variable("input", Map.of("lotteryId", id, "title", "店长改的")).execute(),
                manager.document(create).variable("input", lotteryInput(0, 1, 0, List.of(prize("NOTHING", null, 0, 0)))).execute(),
                lifecycle(manager, "pauseLottery", id), lifecycle(manager, "endLottery", id));
        for (GraphQlTester.Response response : refused) {
            response.errors().satisfy(errors -> assertThat(errors)
                    .anySatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
        marketer.document("query($id: ID!) { lottery(id: $id) { title status } }").variable("id", id).execute()
                .path("lottery.status").entity(String.class).isEqualTo("RUNNING")
                .path("lottery.title").entity(String.class).satisfies(title -> assertThat(title).doesNotContain("店长"));

        HttpGraphQlTester clerk = newStaff(store, "CLERK");
        for (String read : List.of("{ lotteries { totalCount } }", "{ lottery(id: \"" + id + "\") { id } }")) {
            clerk.document(read).execute().errors().satisfy(errors -> assertThat(errors)
                    .anySatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
    }

    @Test
    void absurdInputGetsAClearErrorAndCreatesNothing() {
        HttpGraphQlTester marketer = newMarketer();
        Map<String, String> refusals = new HashMap<>();
        refusals.put("over 100%", code(create(marketer, lotteryInput(0, 1, 0, List.of(prize("POINTS", 1, 1, 6000),
                prize("POINTS", 1, 1, 5000), prize("NOTHING", null, 0, 0))))));
        refusals.put("under 100% without 谢谢参与", code(create(marketer, lotteryInput(0, 1, 0,
                List.of(prize("POINTS", 1, 1, 6000))))));
        refusals.put("negative stock", code(create(marketer, lotteryInput(0, 1, 0, List.of(prize("POINTS", 1, -1, 100),
                prize("NOTHING", null, 0, 0))))));
        refusals.put("negative probability", code(create(marketer, lotteryInput(0, 1, 0, List.of(prize("POINTS", 1, 1, -5),
                prize("NOTHING", null, 0, 0))))));
        refusals.put("two 谢谢参与", code(create(marketer, lotteryInput(0, 1, 0, List.of(prize("NOTHING", null, 0, 0),
                prize("NOTHING", null, 0, 0))))));
        refusals.put("zero daily limit", code(create(marketer, lotteryInput(0, 0, 0, List.of(prize("NOTHING", null, 0, 0))))));
        refusals.put("negative cost", code(create(marketer, lotteryInput(-1, 1, 0, List.of(prize("NOTHING", null, 0, 0))))));
        refusals.put("unknown coupon", code(create(marketer, lotteryInput(0, 1, 0, List.of(prize("COUPON", "999999999", 1, 100),
                prize("NOTHING", null, 0, 0))))));
        Map<String, Object> newline = lotteryInput(0, 1, 0, List.of(prize("NOTHING", null, 0, 0)));
        newline.put("title", "第一行\n第二行");
        refusals.put("line feed in the title", code(create(marketer, newline)));
        Map<String, Object> backwards = lotteryInput(0, 1, 0, List.of(prize("NOTHING", null, 0, 0)));
        backwards.put("endsAt", Instant.now().minus(Duration.ofDays(3)).toString());
        refusals.put("ends before it starts", code(create(marketer, backwards)));

        assertThat(refusals).allSatisfy((what, code) -> assertThat(code).as(what).isIn("INVALID_INPUT", "COUPON_NOT_FOUND"));

        Map<String, Object> bell = lotteryInput(0, 1, 0, List.of(prize("NOTHING", null, 0, 0)));
        bell.put("title", "抽奖\u0007");
        create(marketer, bell).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("控制字符")));
        HttpGraphQlTester member = member(unique("absurd"));
        draw(member, "1", "x".repeat(101)).path("drawLottery.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        draw(member, "999999999", "ok").path("drawLottery.userErrors[0].code").entity(String.class).isEqualTo("LOTTERY_NOT_FOUND");
    }

    private static String code(GraphQlTester.Response response) {
        return response.path("createLottery.lottery").valueIsNull()
                .path("createLottery.userErrors[0].code").entity(String.class).get();
    }
}
