package com.loyalty.auth;

import com.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * endMySessions, "sign out everywhere": every sign-in of the caller's account ends at once (the
 * other phone's or computer's access token answers UNAUTHENTICATED on its next request and its
 * refresh token is refused), and nobody else's.
 */
class EndMySessionsTest extends IntegrationTest {

    @Test
    void aMemberEndsTheSignInOnTheirOtherPhoneAndTheirOwn() {
        String name = unique("lost-phone");
        Map<String, Object> lost = login(name);
        Map<String, Object> current = login(name);
        HttpGraphQlTester someoneElse = member(unique("bystander"));
        // a sign-in ended before is not counted again
        Map<String, Object> loggedOut = login(name);
        anonymous().documentName("logout").variable("refreshToken", loggedOut.get("refreshToken")).execute()
                .path("logout.revoked").entity(Boolean.class).isEqualTo(true);

        withToken((String) current.get("accessToken")).documentName("endMySessions").execute()
                .path("endMySessions.userErrors").entityList(Object.class).hasSize(0)
                .path("endMySessions.ended").entity(Integer.class).isEqualTo(2);

        assertUnauthenticated(withToken((String) lost.get("accessToken")).documentName("me").execute(), "me");
        assertUnauthenticated(withToken((String) current.get("accessToken")).documentName("me").execute(), "me");
        anonymous().documentName("refreshSession").variable("refreshToken", lost.get("refreshToken")).execute()
                .path("refreshSession.userErrors[0].code").entity(String.class).isEqualTo("REFRESH_TOKEN_INVALID");
        someoneElse.documentName("me").execute().path("me.id").hasValue();
        // signing in again works
        withToken((String) login(name).get("accessToken")).documentName("me").execute().path("me.id").hasValue();
    }

    @Test
    void aStaffMemberEndsTheSignInOnAnotherComputer() {
        String username = createStaff(createStore("everywhere"), "STORE_MANAGER");
        HttpGraphQlTester shopComputer = staff(username, STAFF_PASSWORD);
        HttpGraphQlTester homeComputer = staff(username, STAFF_PASSWORD);
        shopComputer.documentName("currentStaff").execute().path("currentStaff.username").entity(String.class)
                .isEqualTo(username);

        homeComputer.documentName("endMySessions").execute()
                .path("endMySessions.ended").entity(Integer.class).isEqualTo(2);

        assertUnauthenticated(shopComputer.documentName("currentStaff").execute(), "currentStaff");
        assertUnauthenticated(homeComputer.documentName("currentStaff").execute(), "currentStaff");
    }

    @Test
    void withoutASignInThereIsNothingToEnd() {
        assertUnauthenticated(anonymous().documentName("endMySessions").execute(), "endMySessions");
    }

    private static void assertUnauthenticated(GraphQlTester.Response response, String field) {
        response.errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))
                && List.of(field).equals(e.getParsedPath())).verify();
    }
}
