package com.loyalty.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real limits at work (the rest of the suite runs with limits far out of reach): low limits
 * here, whose counts are kept apart from the suite's (a limit is part of its key).
 * Sign-ins from 127.0.0.1 run out last: the other tests sign members in too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest extends IntegrationTest {

    @DynamicPropertySource
    static void lowLimits(DynamicPropertyRegistry registry) {
        registry.add("loyalty.rate-limits.limits.CHECK_IN.permits", () -> 3);
        registry.add("loyalty.rate-limits.limits.COUPON_CLAIM.permits", () -> 3);
        registry.add("loyalty.rate-limits.limits.MEMBER_CODE_SCAN.permits", () -> 3);
        registry.add("loyalty.rate-limits.limits.MEMBER_CODE_ISSUE.permits", () -> 3);
        registry.add("loyalty.rate-limits.limits.STAFF_LOGIN.permits", () -> 6);
        registry.add("loyalty.rate-limits.limits.MEMBER_LOGIN.permits", () -> 20);
    }

    @Test
    void aMemberTappingCheckInAgainIsToldTheyCheckedInAndIsHeldOnlyOnTapsThatWouldWrite() {
        HttpGraphQlTester eager = member(unique("eager"));

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(firstCode(eager.documentName("checkIn").execute(), "checkIn"));
        }
        // a repeated tap is a read (one index lookup), answered as such however often it comes
        assertThat(outcomes).containsExactly("OK", "ALREADY_CHECKED_IN", "ALREADY_CHECKED_IN", "ALREADY_CHECKED_IN",
                "ALREADY_CHECKED_IN");

        // make-ups would write: the check-in took one of the 3 permits, two make-ups the rest
        String today = LocalDate.now(clock).toString();
        List<String> makeUps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            makeUps.add(firstCode(eager.documentName("makeUpCheckIn").variable("day", today).execute(), "makeUpCheckIn"));
        }
        assertThat(makeUps).containsExactly("MAKE_UP_NOT_ALLOWED", "MAKE_UP_NOT_ALLOWED", "RATE_LIMITED");
        eager.documentName("makeUpCheckIn").variable("day", today).execute()
                .path("makeUpCheckIn.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).isEqualTo("操作太频繁，请1 分钟后再试"));
        assertThat(firstCode(member(unique("calm")).documentName("checkIn").execute(), "checkIn")).isEqualTo("OK");
    }

    /**
     * Each member code binds its digits in Redis for minutes: a member (or a script with their
     * token) asking for codes in a loop is held (60 a minute by default, 3 here), others are not.
     */
    @Test
    void aMemberAskingForCodesInALoopIsHeldWhileOtherMembersGetTheirs() {
        HttpGraphQlTester looper = member(unique("looper"));
        for (int i = 0; i < 3; i++) {
            looper.documentName("memberCode").execute().path("memberCode.digits").hasValue();
        }

        looper.documentName("memberCode").execute()
                .errors().expect(e -> "RATE_LIMITED".equals(e.getExtensions().get("code"))).verify();
        member(unique("neighbour")).documentName("memberCode").execute().path("memberCode.digits").hasValue();
    }

    @Test
    void couponClaimsBeyondTheLimitAreRefusedWithoutTakingStock() {
        String template = admin().documentName("createCouponTemplate")
                .variable("input", Map.of("name", "限流券", "kind", "AMOUNT_OFF", "amountOffCents", 500,
                        "validDays", 30, "totalStock", 100, "perMemberLimit", 10))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        HttpGraphQlTester member = member(unique("claimer"));

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(firstCode(member.documentName("claimCoupon").variable("templateId", template)
                    .variable("key", "claim-" + i).execute(), "claimCoupon"));
        }

        assertThat(outcomes).containsExactly("OK", "OK", "OK", "RATE_LIMITED", "RATE_LIMITED");
        assertThat(db.sql("select count(*) as n from member_coupon where template_id = :t").bind("t", Long.parseLong(template))
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(3L);
    }

    @Test
    void aClerkScanningCodeAfterCodeIsSlowedDown() {
        HttpGraphQlTester clerk = newStaff(createStore("scan-limit"), "CLERK");

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String token = member(unique("scanned")).documentName("memberCode").execute()
                    .path("memberCode.token").entity(String.class).get();
            outcomes.add(firstCode(clerk.documentName("scanMemberCode").variable("token", token).execute(),
                    "scanMemberCode"));
        }

        assertThat(outcomes).containsExactly("OK", "OK", "OK", "RATE_LIMITED");
    }

    @Test
    void guessingMemberCodeDigitsIsSlowedDownWhereverTheyAreSentAndEveryGuessIsAudited() {
        HttpGraphQlTester clerk = newStaff(createStore("guess-limit"), "CLERK");
        String clerkId = clerk.documentName("currentStaff").execute().path("currentStaff.id").entity(String.class).get();

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outcomes.add(firstCode(clerk.documentName("recordPurchase").variable("input", Map.of(
                    "memberCodeToken", "8800 0000 0000 0000 " + String.format("%02d", i), "orderNo", unique("guess"),
                    "amountCents", 100)).execute(), "recordPurchase"));
        }
        String realDigits = member(unique("guessed")).documentName("memberCode").execute()
                .path("memberCode.digits").entity(String.class).get();
        outcomes.add(firstCode(clerk.documentName("scanMemberCode").variable("token", realDigits).execute(),
                "scanMemberCode"));

        assertThat(outcomes).containsExactly("CODE_INVALID", "CODE_INVALID", "CODE_INVALID", "RATE_LIMITED", "RATE_LIMITED");
        assertThat(auditOf(clerkId, "REFUSED_MEMBER_CODE")).hasSize(3);
    }

    @Test
    void guessingAStaffPasswordIsSlowedDownPerUsernameAndAddress() {
        String username = unique("target");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            outcomes.add(firstCode(anonymous().documentName("staffLogin")
                    .variable("input", Map.of("username", username, "password", "guess-" + i)).execute(), "staffLogin"));
        }

        // the fifth wrong password locks the username at this address (an unknown one too)
        assertThat(outcomes.subList(0, 4)).containsOnly("BAD_CREDENTIALS");
        assertThat(outcomes.subList(4, 6)).containsOnly("ACCOUNT_LOCKED");
        assertThat(outcomes.get(6)).isEqualTo("RATE_LIMITED");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void signInsFromOneAddressAreLimited() {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 21 && !outcomes.contains("RATE_LIMITED"); i++) {
            outcomes.add(firstCode(anonymous().documentName("login")
                    .variable("input", Map.of("code", "dev-" + unique("crowd"))).execute(), "login"));
        }

        assertThat(outcomes).last().isEqualTo("RATE_LIMITED");
        assertThat(outcomes.subList(0, outcomes.size() - 1)).containsOnly("OK");
    }

    private static String firstCode(GraphQlTester.Response response, String mutation) {
        return response.path(mutation + ".userErrors[*].code").entityList(String.class).get().stream()
                .findFirst().orElse("OK");
    }
}
