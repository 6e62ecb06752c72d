package com.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff powers over points have bounds (issue 22): per-role caps from loyalty.staff-caps (the
 * defaults: a manager 500 a grant and 2000 a day, an admin 100 000 a grant), grants above them
 * wait for a second person's approval, and absurd amounts are a clear error.
 */
class PointsCapsAndApprovalsTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brand;

    @Test
    void aStoreManagerCannotGrantABillionPoints() {
        String store = createStore("cap");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        String member = memberIdOf(store, "rich");

        adjust(manager, member, 1_000_000_000L, "k-billion")
                .path("adjustPoints.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("adjustPoints.userErrors[0].field").entityList(String.class).containsExactly("input", "delta");
        // within the hard bound but above the manager's cap: it waits, nothing moves
        adjust(manager, member, 600, "k-600")
                .path("adjustPoints.userErrors").entityList(Object.class).hasSize(0)
                .path("adjustPoints.member.pointsBalance").entity(Long.class).isEqualTo(0L)
                .path("adjustPoints.pendingApproval.status").entity(String.class).isEqualTo("PENDING")
                .path("adjustPoints.pendingApproval.delta").entity(Long.class).isEqualTo(600L);
        // repeating the key returns the same request
        adjust(manager, member, 600, "k-600").path("adjustPoints.replayed").entity(Boolean.class).isEqualTo(true);

        assertThat(balance(member)).isZero();
        admin().documentName("pointsApprovals").variable("status", "PENDING").execute()
                .path("pointsApprovals.edges[*].node.memberId").entityList(String.class).contains(member);
        assertThat(audited("REQUEST_POINTS_APPROVAL", member)).isEqualTo(1);
    }

    @Test
    void adjustPointsByLongMaxIsAClearError() {
        String member = idOf(member(unique("max")));
        for (long delta : List.of(Long.MAX_VALUE, Long.MIN_VALUE + 1, -1_000_000_001L)) {
            adjust(admin(), member, delta, unique("k"))
                    .path("adjustPoints.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                    .path("adjustPoints.userErrors[0].field").entityList(String.class).containsExactly("input", "delta");
        }
        assertThat(balance(member)).isZero();
    }

    @Test
    void anAdminApprovesAGrantAboveTheCapExactlyOnce() {
        String store = createStore("approve");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        String member = memberIdOf(store, "approved");
        String approval = adjust(manager, member, 800, "k-800")
                .path("adjustPoints.pendingApproval.id").entity(String.class).get();

        HttpGraphQlTester admin = admin();
        List<String> outcomes = inParallel(8, i -> admin.documentName("approvePointsAdjustment")
                .variable("input", Map.of("approvalId", approval, "note", "核实无误")).execute()
                .path("approvePointsAdjustment").entity(Map.class).get())
                .stream().map(PointsCapsAndApprovalsTest::outcome).toList();

        assertThat(outcomes).filteredOn("APPROVED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("APPROVAL_ALREADY_DECIDED"::equals).hasSize(7);
        assertThat(balance(member)).isEqualTo(800);
        assertThat(db.sql("select count(*) as n from points_ledger where idempotency_key = :k")
                .bind("k", "approval:" + approval).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
        String detail = db.sql("select detail from staff_audit where action = 'APPROVE_POINTS' and member_id = :m")
                .bind("m", Long.parseLong(member)).map(row -> row.get("detail", String.class)).one().block();
        assertThat(detail).contains("#" + approval).contains("0 → 800");
        admin.documentName("pointsApprovals").variable("status", "APPROVED").execute()
                .path("pointsApprovals.edges[*].node.id").entityList(String.class).contains(approval);
    }

    @Test
    void theRequesterCannotApproveTheirOwnGrant() {
        String member = idOf(member(unique("own")));
        HttpGraphQlTester requester = admin();
        String approval = adjust(requester, member, 200_000, "k-own")
                .path("adjustPoints.pendingApproval.id").entity(String.class).get();

        decide(requester, "approvePointsAdjustment", approval)
                .path("approvePointsAdjustment.userErrors[0].code").entity(String.class).isEqualTo("APPROVAL_BY_REQUESTER");
        decide(requester, "rejectPointsAdjustment", approval)
                .path("rejectPointsAdjustment.userErrors[0].code").entity(String.class).isEqualTo("APPROVAL_BY_REQUESTER");
        assertThat(balance(member)).isZero();

        decide(secondAdmin(), "approvePointsAdjustment", approval)
                .path("approvePointsAdjustment.userErrors").entityList(Object.class).hasSize(0)
                .path("approvePointsAdjustment.approval.balanceBefore").entity(Long.class).isEqualTo(0L)
                .path("approvePointsAdjustment.approval.balanceAfter").entity(Long.class).isEqualTo(200_000L);
        assertThat(balance(member)).isEqualTo(200_000);
    }

    @Test
    void aRejectedGrantMovesNothing() {
        String store = createStore("reject");
        String member = memberIdOf(store, "rejected");
        String approval = adjust(newStaff(store, "STORE_MANAGER"), member, 501, "k-501")
                .path("adjustPoints.pendingApproval.id").entity(String.class).get();

        decide(admin(), "rejectPointsAdjustment", approval)
                .path("rejectPointsAdjustment.approval.status").entity(String.class).isEqualTo("REJECTED");
        decide(secondAdmin(), "approvePointsAdjustment", approval)
                .path("approvePointsAdjustment.userErrors[0].code").entity(String.class).isEqualTo("APPROVAL_ALREADY_DECIDED");
        assertThat(balance(member)).isZero();
        assertThat(audited("REJECT_POINTS", member)).isEqualTo(1);
    }

    @Test
    void aStoreManagersGrantsOfTheDayStopAtTheDailyCap() {
        String store = createStore("daily");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        String member = memberIdOf(store, "daily");
        for (int i = 0; i < 4; i++) {
            adjust(manager, member, 500, "k-" + i).path("adjustPoints.pendingApproval").valueIsNull();
        }
        adjust(manager, member, 1, "k-over").path("adjustPoints.pendingApproval.status").entity(String.class)
                .isEqualTo("PENDING");
        assertThat(balance(member)).isEqualTo(2_000);
    }

    @Test
    void aMarketerAdjustsPointsWithinTheirCap() {
        HttpGraphQlTester marketer = newMarketer();
        String member = idOf(member(unique("mk")));
        adjust(marketer, member, 5_000, "k-1").path("adjustPoints.member.pointsBalance").entity(Long.class)
                .isEqualTo(5_000L);
        adjust(marketer, member, 5_001, "k-2").path("adjustPoints.pendingApproval.status").entity(String.class)
                .isEqualTo("PENDING");
    }

    private String memberIdOf(String store, String name) {
        String id = idOf(member(unique(name)));
        db.sql("update member set registration_store_id = :s where id = :m")
                .bind("s", Long.parseLong(store)).bind("m", Long.parseLong(id)).then().block();
        return id;
    }

    /** Another admin of the brand (createStaff makes no admins). */
    private HttpGraphQlTester secondAdmin() {
        String username = unique("admin2");
        db.sql("insert into staff (brand_id, username, password_hash, role) values (:b, :u, :p, 'ADMIN')")
                .bind("b", brand.id()).bind("u", username).bind("p", passwords.encode(STAFF_PASSWORD)).then().block();
        return staff(username, STAFF_PASSWORD);
    }

    private static String outcome(Map<?, ?> payload) {
        List<?> errors = (List<?>) payload.get("userErrors");
        return errors.isEmpty() ? String.valueOf(((Map<?, ?>) payload.get("approval")).get("status"))
                : String.valueOf(((Map<?, ?>) errors.get(0)).get("code"));
    }

    private long balance(String member) {
        return db.sql("select coalesce(sum(delta), 0) as b from points_ledger where member_id = :m")
                .bind("m", Long.parseLong(member)).map(row -> ((Number) row.get("b")).longValue()).one().block();
    }

    private long audited(String action, String member) {
        return db.sql("select count(*) as n from staff_audit where action = :a and member_id = :m")
                .bind("a", action).bind("m", Long.parseLong(member)).map(row -> row.get("n", Long.class)).one().block();
    }

    private static GraphQlTester.Response decide(HttpGraphQlTester admin, String document, String approval) {
        return admin.documentName(document).variable("input", Map.of("approvalId", approval)).execute();
    }

    private static GraphQlTester.Response adjust(HttpGraphQlTester staff, String memberId, long delta, String key) {
        return staff.documentName("adjustPoints")
                .variable("input", Map.of("memberId", memberId, "delta", delta, "reason", "测试调整", "idempotencyKey", key))
                .execute();
    }
}
