package com.loyalty.auth;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A session that ends ends at once: the access token of a logged-out sign-in, of a sign-in whose
 * refresh token was reused, of a disabled staff account or a closed member account is refused on
 * the very next request, not when it expires.
 */
class SessionsThatEndTest extends IntegrationTest {

    @Test
    void aLoggedOutTokenIsRefusedOnTheNextRequest() {
        Map<String, Object> session = login(unique("bye"));
        HttpGraphQlTester phone = withToken((String) session.get("accessToken"));
        phone.documentName("me").execute().path("me.id").hasValue();

        anonymous().documentName("logout").variable("refreshToken", session.get("refreshToken")).execute()
                .path("logout.revoked").entity(Boolean.class).isEqualTo(true);

        assertUnauthenticated(phone.documentName("me").execute(), "me");
    }

    @Test
    void loggingOutOnOnePhoneLeavesTheMembersOtherPhoneSignedIn() {
        String name = unique("two-phones");
        Map<String, Object> phoneA = login(name);
        HttpGraphQlTester phoneB = withToken((String) login(name).get("accessToken"));

        anonymous().documentName("logout").variable("refreshToken", phoneA.get("refreshToken")).execute()
                .path("logout.revoked").entity(Boolean.class).isEqualTo(true);

        assertUnauthenticated(withToken((String) phoneA.get("accessToken")).documentName("me").execute(), "me");
        phoneB.documentName("me").execute().path("me.id").hasValue();
    }

    @Test
    void aReusedRefreshTokenEndsItsAccessTokens() {
        Map<String, Object> session = login(unique("stolen"));
        String stolen = (String) session.get("refreshToken");
        String thiefsAccess = refresh(stolen).path("refreshSession.accessToken").entity(String.class).get();
        withToken(thiefsAccess).documentName("me").execute().path("me.id").hasValue();

        // the member's phone presents the token the thief already rotated
        refresh(stolen).path("refreshSession.userErrors[0].code").entity(String.class).isEqualTo("REFRESH_TOKEN_REUSED");

        assertUnauthenticated(withToken(thiefsAccess).documentName("me").execute(), "me");
        assertUnauthenticated(withToken((String) session.get("accessToken")).documentName("me").execute(), "me");
    }

    @Test
    void aDisabledClerksOldTokenCannotRecordAPurchaseOrARefund() {
        String store = createStore("leaver");
        String username = createStaff(store, "CLERK");
        HttpGraphQlTester clerk = staff(username, STAFF_PASSWORD);
        String clerkId = clerk.documentName("currentStaff").execute().path("currentStaff.id").entity(String.class).get();
        HttpGraphQlTester member = member(unique("buyer"));
        String memberId = idOf(member);
        Till till = new Till(clerk);
        String order = unique("before");
        long earned = till.earn(memberId, order, 12_000);

        admin().documentName("setStaffEnabled").variable("staffId", clerkId).variable("enabled", false).execute()
                .path("setStaffEnabled.staff.enabled").entity(Boolean.class).isEqualTo(false);

        assertUnauthenticated(till.buy(memberId, unique("after"), 100_000), "recordPurchase");
        assertUnauthenticated(till.refund(order, unique("refund"), 12_000), "refundPurchase");
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(earned);
    }

    @Test
    void aClosedAccountsTokenEarnsNoCheckInPoints() {
        HttpGraphQlTester member = member(unique("leaving"));
        long memberId = Long.parseLong(idOf(member));
        member.documentName("closeAccount").variable("confirm", true).execute()
                .path("closeAccount.userErrors").entityList(Object.class).hasSize(0);

        assertUnauthenticated(member.documentName("checkIn").execute(), "checkIn");
        Long points = db.sql("select count(*) as n from points_ledger where member_id = :m").bind("m", memberId)
                .map(row -> row.get("n", Long.class)).one().block();
        org.assertj.core.api.Assertions.assertThat(points).as("points entries of the closed account").isZero();
    }

    private GraphQlTester.Response refresh(String token) {
        return anonymous().documentName("refreshSession").variable("refreshToken", token).execute();
    }

    private static void assertUnauthenticated(GraphQlTester.Response response, String field) {
        response.errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))
                && List.of(field).equals(e.getParsedPath())).verify();
    }
}
