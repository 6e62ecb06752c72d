package com.loyalty.jobs;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Running a job by hand: never for a day still to come. */
class RunJobTest extends IntegrationTest {

    @Test
    void aJobCannotRunInTheFuture() {
        HttpGraphQlTester member = member(unique("keeps"));
        new Till(newStaff(createStore("jobs"), "CLERK")).earn(idOf(member), "E-1", 10_000);

        admin().documentName("runJob").variable("job", "POINTS_EXPIRY").variable("asOf", "2099-01-01").execute()
                .errors().verify()
                .path("runJob.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("runJob.userErrors[0].field").entityList(String.class).containsExactly("input", "asOf")
                .path("runJob.summary").entity(String.class).satisfies(s ->
                        org.assertj.core.api.Assertions.assertThat(s).startsWith("refused"));
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(100L);

        String today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString();
        admin().documentName("runJob").variable("job", "POINTS_EXPIRY").variable("asOf", today).execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0);
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(100L);
    }
}
