package com.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class AdjustPointsTest extends IntegrationTest {

    @Test
    void aManagerAdjustsPointsWithAReasonOncePerKey() {
        String store = createStore("adj");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        HttpGraphQlTester member = member(unique("adj"));
        String id = ofStore(store, idOf(member));

        adjust(manager, id, 50, "补录积分", "k-1").path("adjustPoints.replayed").entity(Boolean.class).isEqualTo(false)
                .path("adjustPoints.member.pointsBalance").entity(Long.class).isEqualTo(50L);
        adjust(manager, id, 50, "补录积分", "k-1").path("adjustPoints.replayed").entity(Boolean.class).isEqualTo(true)
                .path("adjustPoints.member.pointsBalance").entity(Long.class).isEqualTo(50L);

        member.documentName("myPoints").execute()
                .path("me.pointsHistory.edges[0].node.kind").entity(String.class).isEqualTo("ADJUST")
                .path("me.pointsHistory.edges[0].node.reason").entity(String.class).isEqualTo("补录积分");
        Long audited = db.sql("select count(*) as n from staff_audit where action = 'ADJUST_POINTS' and member_id = :m")
                .bind("m", Long.parseLong(id)).map(row -> row.get("n", Long.class)).one().block();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void anAdminReadsInTheAuditTrailWhoAdjustedAMembersPointsAndWhy() {
        String store = createStore("audit");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        String managerName = manager.documentName("currentStaff").execute().path("currentStaff.username")
                .entity(String.class).get();
        String id = ofStore(store, idOf(member(unique("audited"))));
        adjust(manager, id, 30, "活动补偿", "audit-1");
        adjust(manager, id, -10, "误发扣回", "audit-2");

        admin().document("""
                        query($m: ID) { staffActions(memberId: $m, action: "ADJUST_POINTS", first: 1) {
                          totalCount edges { node { staffUsername storeId action memberId detail } }
                          pageInfo { hasNextPage } } }""")
                .variable("m", id).execute()
                .path("staffActions.totalCount").entity(Integer.class).isEqualTo(2)
                .path("staffActions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("staffActions.edges[0].node.staffUsername").entity(String.class).isEqualTo(managerName)
                .path("staffActions.edges[0].node.storeId").entity(String.class).isEqualTo(store)
                .path("staffActions.edges[0].node.memberId").entity(String.class).isEqualTo(id)
                .path("staffActions.edges[0].node.detail").entity(String.class)
                .satisfies(detail -> assertThat(detail).contains("误发扣回"));
    }

    @Test
    void takingPointsNeverGoesBelowZero() {
        String store = createStore("take");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        String id = ofStore(store, idOf(member(unique("take"))));
        adjust(manager, id, 30, "活动奖励", "k-1");

        adjust(manager, id, -31, "误发", "k-2")
                .path("adjustPoints.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_POINTS");
        adjust(manager, id, -30, "误发", "k-3").path("adjustPoints.member.pointsBalance").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void clerksAndMembersCannotAdjustPoints() {
        String id = idOf(member(unique("victim")));
        for (HttpGraphQlTester caller : java.util.List.of(newStaff(createStore("clerk"), "CLERK"), member(unique("self")))) {
            adjust(caller, id, 1_000, "自己加分", "k-1")
                    .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        }
    }

    @Test
    void anAdjustmentNeedsAReason() {
        String store = createStore("why");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        adjust(manager, ofStore(store, idOf(member(unique("why")))), 10, " ", "k-1")
                .path("adjustPoints.userErrors[0].field").entityList(String.class).containsExactly("input", "reason");
    }

    /** The member, registered at the store (a manager adjusts only their store's members). */
    private String ofStore(String store, String memberId) {
        db.sql("update member set registration_store_id = :s where id = :m")
                .bind("s", Long.parseLong(store)).bind("m", Long.parseLong(memberId)).then().block();
        return memberId;
    }

    private static GraphQlTester.Response adjust(HttpGraphQlTester staff, String memberId, long delta, String reason,
                                                 String key) {
        return staff.documentName("adjustPoints")
                .variable("input", Map.of("memberId", memberId, "delta", delta, "reason", reason, "idempotencyKey", key))
                .execute();
    }
}
