package com.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionAndStaffAccessTest extends IntegrationTest {

    @Test
    void staffReadingAMemberProfileIsLoggedForAdmins() {
        String store = createStore("look");
        String clerk = createStaff(store, "CLERK");
        String member = idOf(member(unique("looked-at")));
        db.sql("update member set registration_store_id = :s where id = :m")
                .bind("s", Long.parseLong(store)).bind("m", Long.parseLong(member)).then().block();

        staff(clerk, STAFF_PASSWORD).documentName("memberProfile").variable("id", member).execute()
                .path("member.id").entity(String.class).isEqualTo(member);

        admin().document("query($m: ID!) { staffActions(memberId: $m, action: \"VIEW_MEMBER_PROFILE\") { "
                        + "edges { node { staffUsername storeId action memberId } } } }")
                .variable("m", member).execute()
                .path("staffActions.edges[*].node").entityList(Map.class)
                .containsExactly(Map.of("staffUsername", clerk, "storeId", store, "action", "VIEW_MEMBER_PROFILE",
                        "memberId", member));
        // members cannot read the trail
        member(unique("nosy")).document("{ staffActions { totalCount } }").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void theRetentionJobPurgesScanAndAuditLogsOlderThanTheirPeriods() {
        long admin = db.sql("select id from staff where username = 'root-admin'").map(r -> r.get("id", Long.class))
                .one().block();
        String tag = unique("ret");
        Instant now = clock.instant();
        audit(admin, "SCAN_MEMBER_CODE", tag + ":scan-200d", now.minus(Duration.ofDays(200)));
        audit(admin, "SCAN_MEMBER_CODE", tag + ":scan-10d", now.minus(Duration.ofDays(10)));
        audit(admin, "ADJUST_POINTS", tag + ":adjust-200d", now.minus(Duration.ofDays(200)));
        audit(admin, "VIEW_MEMBER_PROFILE", tag + ":view-4y", now.minus(Duration.ofDays(4 * 365)));

        admin().documentName("runJob").variable("job", "PRIVACY_RETENTION").execute()
                .path("runJob.summary").entity(String.class)
                .satisfies(s -> assertThat(s).contains("older than 180 days").contains("older than 1095 days"));

        List<String> left = db.sql("select detail from staff_audit where detail like :t order by detail")
                .bind("t", tag + ":%").map(r -> r.get("detail", String.class)).all().collectList().block();
        assertThat(left).containsExactly(tag + ":adjust-200d", tag + ":scan-10d");
    }

    private void audit(long staffId, String action, String detail, Instant at) {
        db.sql("""
                        insert into staff_audit (brand_id, staff_id, action, detail, created_at)
                        values (1, :s, :a, :d, :at)
                        """)
                .bind("s", staffId).bind("a", action).bind("d", detail).bind("at", at).then().block();
    }
}
