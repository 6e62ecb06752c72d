package com.loyalty.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.JobRunner;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.SecondInstance;
import com.loyalty.support.Till;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Two backends on one Postgres and Redis behave as one: a daily job runs once, an order or a
 * check-in sent to both at once counts once (subscriptions: LiveUpdatesTest).
 */
class TwoInstancesTest extends IntegrationTest {

    @Autowired
    JobRunner jobs;

    @Test
    void aDailyJobTheScheduleStartsOnBothInstancesRunsOnceForTheDate() {
        // a date long past: the expiry job finds nothing of other tests' to expire
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        JobRunner other = SecondInstance.bean(JobRunner.class);

        List<String> outcomes = inParallel(8, i -> (i % 2 == 0 ? jobs : other).runScheduled(JobName.POINTS_EXPIRY, day)
                .block());

        assertThat(outcomes).filteredOn(outcome -> !outcome.startsWith("skipped")).hasSize(1);
        assertThat(runsOn(day)).isEqualTo(1);
        assertThat(other.runScheduled(JobName.POINTS_EXPIRY, day).block()).contains("already ran for " + day);
        assertThat(jobs.run(JobName.POINTS_EXPIRY, day).block()).doesNotStartWith("skipped");
        assertThat(runsOn(day)).as("an admin may still run it by hand").isEqualTo(2);
    }

    @Test
    void theSameOrderSentToBothInstancesAtOnceIsRecordedOnce() {
        HttpGraphQlTester member = member(unique("both"));
        String memberId = idOf(member);
        HttpGraphQlTester clerk = newStaff(createStore("both"), "CLERK");
        Till here = new Till(clerk);
        Till there = new Till(onSecondInstance(clerk));

        List<Boolean> replayed = inParallel(10, i -> (i % 2 == 0 ? here : there).buy(memberId, "BOTH-1", 25_000)
                .path("recordPurchase.replayed").entity(Boolean.class).get());

        assertThat(replayed).containsOnlyOnce(false);
        assertThat(db.sql("select count(*) as n from purchase where member_id = :m").bind("m", Long.parseLong(memberId))
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class)
                .isEqualTo(250L);
    }

    @Test
    void checkInsTappedOnBothInstancesCountOnce() {
        HttpGraphQlTester member = member(unique("tapper"));
        HttpGraphQlTester elsewhere = onSecondInstance(member);

        List<String> outcomes = inParallel(10, i -> (i % 2 == 0 ? member : elsewhere).documentName("checkIn").execute()
                .path("checkIn.userErrors[*].code").entityList(String.class).get().stream().findFirst().orElse("OK"));

        assertThat(outcomes).containsOnlyOnce("OK").filteredOn(o -> !o.equals("OK")).containsOnly("ALREADY_CHECKED_IN");
    }

    @Test
    void aStoreClosedOnOneInstanceRecordsNothingOnTheOtherWellBeforeItsOpenStateIsReadAgain() {
        String store = createStore("closing-both");
        Till there = new Till(onSecondInstance(newStaff(store, "CLERK")));
        String memberId = idOf(member(unique("buyer")));
        there.buy(memberId, unique("open"), 1_000).path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);

        admin().document("mutation($id: ID!) { closeStore(input: {storeId: $id}) { store { status } } }")
                .variable("id", store).execute().path("closeStore.store.status").entity(String.class).isEqualTo("CLOSED");

        // the other instance held "open" when the store closed; the announcement drops it there long
        // before it would read the store again (OpenStores.MAX_AGE, 10 s)
        long started = System.nanoTime();
        String refusal = null;
        while (refusal == null && System.nanoTime() - started < 3_000_000_000L) {
            refusal = there.buy(memberId, unique("closed"), 1_000).path("recordPurchase.userErrors[*].code")
                    .entityList(String.class).get().stream().findFirst().orElse(null);
        }
        assertThat(refusal).isEqualTo("STORE_CLOSED");
    }

    private static HttpGraphQlTester onSecondInstance(HttpGraphQlTester caller) {
        return caller.mutate().url("http://127.0.0.1:" + SecondInstance.port() + "/graphql").build();
    }

    private long runsOn(LocalDate day) {
        return db.sql("select count(*) as n from job_run where job = 'POINTS_EXPIRY' and as_of = :d").bind("d", day)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
