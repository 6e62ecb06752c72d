package com.loyalty.points;

import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A points approval names who asked for it and who decided it, by username and display name. */
class ApprovalStaffNamesTest extends IntegrationTest {

    private static final String NAMES = "id status requestedBy requestedByStaff { id username displayName } "
            + "decidedBy decidedByStaff { id username }";

    @Test
    void anApprovalShowsTheRequestersAndThenTheDecidersUsername() {
        String store = createStore("names");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        String managerName = manager.document("{ currentStaff { username } }").execute()
                .path("currentStaff.username").entity(String.class).get();
        String adminName = admin().document("{ currentStaff { username } }").execute()
                .path("currentStaff.username").entity(String.class).get();
        String member = idOf(memberOf(store, unique("names")));
        String approval = manager.documentName("adjustPoints").variable("input", Map.of("memberId", member,
                        "delta", 900, "reason", "大额补偿", "idempotencyKey", unique("k")))
                .execute().path("adjustPoints.pendingApproval.id").entity(String.class).get();

        pending(approval)
                .path("pointsApprovals.edges[?(@.node.id == '" + approval + "')].node.requestedByStaff.username")
                .entityList(String.class).containsExactly(managerName)
                .path("pointsApprovals.edges[?(@.node.id == '" + approval + "')].node.decidedByStaff")
                .entityList(Object.class).containsExactly((Object) null);

        admin().document("mutation($id: ID!) { approvePointsAdjustment(input: { approvalId: $id }) { approval { "
                        + NAMES + " } userErrors { code } } }").variable("id", approval).execute()
                .path("approvePointsAdjustment.userErrors").entityList(Object.class).hasSize(0)
                .path("approvePointsAdjustment.approval.requestedByStaff.username").entity(String.class)
                .isEqualTo(managerName)
                .path("approvePointsAdjustment.approval.decidedByStaff.username").entity(String.class)
                .isEqualTo(adminName);
    }

    private GraphQlTester.Response pending(String approval) {
        return admin().document("{ pointsApprovals(status: PENDING, first: 100) { edges { node { " + NAMES
                + " } } } }").execute();
    }
}
