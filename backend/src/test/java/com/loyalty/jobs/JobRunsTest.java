package com.loyalty.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonReactiveClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import reactor.core.publisher.Mono;

/** The run history an admin reads (jobRuns): every recorded run, newest first, with how it ended. */
class JobRunsTest extends IntegrationTest {

    @Autowired
    JobRunner jobs;

    @Autowired
    JobRunRepository runs;

    @Autowired
    RedissonReactiveClient redis;

    @Test
    void anAdminSeesARunJobWithItsDateOutcomeAndSummary() {
        String summary = admin().documentName("runJob").variable("job", "COUPON_REMINDERS")
                .variable("asOf", "2020-03-01").execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0)
                .path("runJob.summary").entity(String.class).get();

        Map<String, Object> newest = runsOf("COUPON_REMINDERS", 5, null).get(0);

        assertThat(newest).containsEntry("job", "COUPON_REMINDERS").containsEntry("asOf", "2020-03-01")
                .containsEntry("outcome", "DONE").containsEntry("summary", summary);
        assertThat(newest.get("startedAt")).isNotNull();
        assertThat(newest.get("finishedAt")).isNotNull();
    }

    @Test
    void runsComeNewestFirstOnPagesThatFollowEachOther() {
        List<String> dates = List.of("2020-04-01", "2020-04-02", "2020-04-03");
        for (String date : dates) {
            admin().documentName("runJob").variable("job", "WALLET_BONUS_EXPIRY").variable("asOf", date).execute()
                    .path("runJob.userErrors").entityList(Object.class).hasSize(0);
        }

        admin().documentName("jobRuns").variable("job", "WALLET_BONUS_EXPIRY").variable("first", 2).execute()
                .path("jobRuns.edges").entityList(Object.class).hasSize(2)
                .path("jobRuns.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("jobRuns.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(3));

        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var page = admin().documentName("jobRuns").variable("job", "WALLET_BONUS_EXPIRY").variable("first", 2)
                    .variable("after", after).execute();
            page.path("jobRuns.edges[*].node.job").entityList(String.class)
                    .satisfies(jobs -> assertThat(jobs).containsOnly("WALLET_BONUS_EXPIRY"));
            seen.addAll(page.path("jobRuns.edges[*].node.asOf").entityList(String.class).get());
            more = page.path("jobRuns.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("jobRuns.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(seen.stream().filter(dates::contains).toList())
                .containsExactly("2020-04-03", "2020-04-02", "2020-04-01");
    }

    @Test
    void withoutAJobTheRunsOfEveryJobAreListed() {
        admin().documentName("runJob").variable("job", "COUPON_REMINDERS").variable("asOf", "2020-05-01").execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0);
        admin().documentName("runJob").variable("job", "WALLET_BONUS_EXPIRY").variable("asOf", "2020-05-02").execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0);

        admin().documentName("jobRuns").variable("first", 2).execute()
                .path("jobRuns.edges[*].node.job").entityList(String.class)
                .containsExactly("WALLET_BONUS_EXPIRY", "COUPON_REMINDERS");
    }

    @Test
    void aRunThatFailedShowsItsErrorAndDoesNotCountAsDoneForTheDate() {
        LocalDate day = LocalDate.parse("2020-06-01");
        ScheduledJob broken = new ScheduledJob() {
            @Override
            public JobName job() {
                return JobName.PRIVACY_RETENTION;
            }

            @Override
            public Mono<String> run(LocalDate asOf) {
                return Mono.error(new IllegalStateException("disk full"));
            }
        };
        JobRunner failing = new JobRunner(List.of(broken), redis, runs, clock, new SimpleMeterRegistry());

        assertThat(failing.run(JobName.PRIVACY_RETENTION, day).onErrorResume(e -> Mono.just("error: " + e.getMessage()))
                .block(PATIENCE)).isEqualTo("error: disk full");

        Map<String, Object> failed = runsOf("PRIVACY_RETENTION", 5, run -> "2020-06-01".equals(run.get("asOf"))).get(0);
        assertThat(failed).containsEntry("outcome", "FAILED").containsEntry("finishedAt", null);
        assertThat((String) failed.get("summary")).contains("disk full");

        // the schedule runs it again for the date: a failed run is not a finished one
        assertThat(jobs.runScheduled(JobName.PRIVACY_RETENTION, day).block(PATIENCE)).doesNotStartWith("skipped");
        assertThat(runsOf("PRIVACY_RETENTION", 5, run -> "2020-06-01".equals(run.get("asOf"))).get(0))
                .containsEntry("outcome", "DONE");
    }

    @Test
    void aCursorThatIsNotAJobRunsCursorIsABadRequest() {
        admin().documentName("jobRuns").variable("after", "bm90LWEtY3Vyc29y").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
    }

    @Test
    void aMarketerMayNotReadTheRuns() {
        newMarketer().documentName("jobRuns").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    /** The newest runs of the job on the first page (of {@code first}) that match, newest first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Map<String, Object>> runsOf(String job, int first, Predicate<Map<String, Object>> which) {
        List<Map> nodes = admin().documentName("jobRuns").variable("job", job).variable("first", first).execute()
                .path("jobRuns.edges[*].node").entityList(Map.class).get();
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map node : nodes) {
            if (which == null || which.test(node)) {
                found.add(node);
            }
        }
        assertThat(found).as("runs of %s", job).isNotEmpty();
        return found;
    }
}
