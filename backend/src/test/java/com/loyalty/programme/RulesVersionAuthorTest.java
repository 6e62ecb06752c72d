package com.loyalty.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The rules history names who scheduled each version, so a marketer (who may not list staff) sees a name. */
class RulesVersionAuthorTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    @AfterEach
    void backToTheFirstVersion() {
        ProgramRulesForTests.backToTheFirstVersion(context);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMarketerSeesTheUsernameOfTheAdminWhoScheduledEachVersion() {
        Map<String, Object> admin = admin().document("{ currentStaff { id username displayName } }").execute()
                .path("currentStaff").entity(Map.class).get();
        for (int day = 1; day <= 2; day++) {
            ProgramRulesForTests.schedule(admin(), context, clock.instant().plus(Duration.ofDays(day)), rules -> { },
                            "第 " + day + " 版").path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);
        }
        HttpGraphQlTester marketer = newMarketer();

        List<Map> versions = marketer.document("{ programRulesVersions(first: 10) { edges { node { version createdBy "
                        + "createdByStaff { id username displayName } } } } }").execute()
                .path("programRulesVersions.edges[*].node").entityList(Map.class).get();

        assertThat(versions).hasSize(3);
        for (Map<String, Object> version : versions.subList(0, 2)) {
            assertThat((Map<String, Object>) version.get("createdByStaff"))
                    .containsEntry("id", admin.get("id")).containsEntry("username", admin.get("username"))
                    .containsEntry("displayName", admin.get("displayName"));
        }
        assertThat(versions.get(2)).containsEntry("version", 1).containsEntry("createdByStaff", null);
    }
}
