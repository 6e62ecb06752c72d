package com.loyalty.lottery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.JobRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A lottery past its end time: read as 已结束 (ENDED) from that moment, and recorded as ENDED by the
 * LOTTERY_END job once, audited as done by the system.
 */
class LotteryEndTest extends LotteryIntegrationTest {

    @Autowired
    JobRunner jobs;
    @Autowired
    LotteryService service;

    /** A running lottery (and a paused one) ending an hour from now; their ids. */
    private List<String> endingInAnHour(HttpGraphQlTester marketer) {
        Map<String, Object> input = lotteryInput(0, 5, 0, List.of(prize("NOTHING", null, 0, 0)));
        input.put("endsAt", clock.instant().plus(Duration.ofHours(1)).toString());
        String running = running(marketer, input);
        input.put("title", unique("暂停中"));
        String paused = running(marketer, input);
        lifecycle(marketer, "pauseLottery", paused).path("pauseLottery.lottery.status").entity(String.class).isEqualTo("PAUSED");
        return List.of(running, paused);
    }

    private String storedStatus(String id) {
        return db.sql("select status from lottery where id = :id").bind("id", Long.parseLong(id))
                .map(row -> row.get("status", String.class)).one().block();
    }

    private static List<String> statuses(HttpGraphQlTester staff, String filter, List<String> ids) {
        return staff.document("{ lotteries(" + filter + "first: 100) { edges { node { id status } } } }").execute()
                .path("lotteries.edges[*].node").entityList(Map.class).get().stream()
                .filter(node -> ids.contains(node.get("id"))).map(node -> (String) node.get("status")).toList();
    }

    @Test
    void aLotteryPastItsEndReadsEndedBeforeTheJobRunsAndCannotBeDrawnOrChanged() {
        List<String> ids = endingInAnHour(newMarketer());
        String id = ids.get(0);
        HttpGraphQlTester member = member(unique("late"));
        member.document("query($id: ID) { lotteryForMember(id: $id) { status } }").variable("id", id).execute()
                .path("lotteryForMember.status").entity(String.class).isEqualTo("RUNNING");

        clock.advance(Duration.ofHours(2));
        HttpGraphQlTester marketer = newMarketer();
        member = member(unique("later"));

        assertThat(storedStatus(id)).as("the job has not run yet").isEqualTo("RUNNING");
        marketer.document("query($id: ID!) { lottery(id: $id) { status } }").variable("id", id).execute()
                .path("lottery.status").entity(String.class).isEqualTo("ENDED");
        assertThat(statuses(marketer, "", ids)).containsExactly("ENDED", "ENDED");
        assertThat(statuses(marketer, "status: ENDED, ", ids)).containsExactly("ENDED", "ENDED");
        assertThat(statuses(marketer, "status: RUNNING, ", ids)).isEmpty();
        assertThat(statuses(marketer, "status: PAUSED, ", ids)).isEmpty();
        member.document("query($id: ID) { lotteryForMember(id: $id) { status drawsLeftToday } }").variable("id", id).execute()
                .path("lotteryForMember.status").entity(String.class).isEqualTo("ENDED")
                .path("lotteryForMember.drawsLeftToday").entity(Integer.class).isEqualTo(0);
        draw(member, id, "too-late").path("drawLottery.userErrors[0].code").entity(String.class).isEqualTo("LOTTERY_NOT_RUNNING")
                .path("drawLottery.userErrors[0].message").entity(String.class).isEqualTo("抽奖活动已结束");
        lifecycle(marketer, "pauseLottery", id).path("pauseLottery.userErrors[0].code").entity(String.class)
                .isEqualTo("LOTTERY_STATUS_CONFLICT");
        lifecycle(marketer, "resumeLottery", ids.get(1)).path("resumeLottery.userErrors[0].code").entity(String.class)
                .isEqualTo("LOTTERY_STATUS_CONFLICT");
        marketer.document("mutation($input: UpdateLotteryInput!) { updateLottery(input: $input) { userErrors { code } } }")
                .variable("input", Map.of("lotteryId", id, "endsAt", clock.instant().plus(Duration.ofDays(3)).toString()))
                .execute().path("updateLottery.userErrors[0].code").entity(String.class).isEqualTo("LOTTERY_STATUS_CONFLICT");
        assertThat(storedStatus(id)).isEqualTo("RUNNING");
        assertThat(storedStatus(ids.get(1))).isEqualTo("PAUSED");
    }

    @Test
    void theJobEndsEachLotteryPastItsEndOnceAuditedAsTheSystemHowEverManyRunAtOnce() {
        List<String> ids = endingInAnHour(newMarketer());
        Map<String, Object> later = lotteryInput(0, 5, 0, List.of(prize("NOTHING", null, 0, 0)));
        later.put("endsAt", clock.instant().plus(Duration.ofDays(3)).toString());
        String stillRunning = running(newMarketer(), later);
        clock.advance(Duration.ofHours(2));

        // runs from the schedule and by hand at the same moment (the job lock lets one through) and the
        // job's work itself called side by side (each lottery's conditional update ends it once)
        List<String> outcomes = inParallel(6, i -> i < 3 ? jobs.run(JobName.LOTTERY_END, clock.instant().atZone(clock.getZone())
                .toLocalDate()).block() : "direct " + service.endPastTheirEnd(clock.instant()).block());

        assertThat(outcomes).anySatisfy(o -> assertThat(o).startsWith("ended"));
        assertThat(ids).allSatisfy(id -> assertThat(storedStatus(id)).isEqualTo("ENDED"));
        assertThat(storedStatus(stillRunning)).isEqualTo("RUNNING");
        for (String id : ids) {
            assertThat(number("select count(*) from staff_audit where subject_type = 'LOTTERY' and subject_id = :l "
                    + "and action = 'END_LOTTERY'", id)).as("one audit entry for lottery " + id).isEqualTo(1);
            assertThat(number("select count(*) from staff_audit where subject_type = 'LOTTERY' and subject_id = :l "
                    + "and action = 'END_LOTTERY' and by_system and staff_id is null and client_id is null", id)).isEqualTo(1);
        }

        // the admin's audit trail says the system did it, with the status before and after
        HttpGraphQlTester admin = admin();
        admin.document("""
                        query($id: ID!) { staffActions(subject: "LOTTERY", subjectId: $id, action: "END_LOTTERY") {
                          edges { node { bySystem staffId clientId detail before after } } } }""")
                .variable("id", ids.get(1)).execute()
                .path("staffActions.edges[0].node.bySystem").entity(Boolean.class).isEqualTo(true)
                .path("staffActions.edges[0].node.staffId").valueIsNull()
                .path("staffActions.edges[0].node.detail").entity(String.class).satisfies(d -> assertThat(d).contains("系统"))
                .path("staffActions.edges[0].node.before").entity(String.class).satisfies(b -> assertThat(b).contains("PAUSED"))
                .path("staffActions.edges[0].node.after").entity(String.class).satisfies(a -> assertThat(a).contains("ENDED"));
        assertThat(jobs.run(JobName.LOTTERY_END, clock.instant().atZone(clock.getZone()).toLocalDate()).block())
                .isEqualTo("ended 0 lotteries past their end time");
    }
}
