package com.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.MemberPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Member.consents: what a member agreed to, as store managers, marketers and admins see it. */
class MemberConsentsTest extends IntegrationTest {

    private static final String FIELDS = "consents { currentNoticeVersion acceptedNoticeVersion acceptedAt noticeAccepted "
            + "marketing marketingUpdatedAt subscribeConsents { purpose templateId remainingConsents } }";

    @Test
    void aStoreManagerSeesTheNoticeMarketingAndTheSubscribeMessagesLeft() {
        String store = createStore("cs-page");
        HttpGraphQlTester member = memberOf(store, unique("cs-agreed"));
        member.documentName("grantSubscribeConsent").variable("templateIds", List.of("test-tmpl-points-expiring"))
                .execute().path("grantSubscribeConsent.userErrors").entityList(Object.class).hasSize(0);
        member.documentName("grantSubscribeConsent").variable("templateIds", List.of("test-tmpl-points-expiring"))
                .execute().path("grantSubscribeConsent.userErrors").entityList(Object.class).hasSize(0);

        new MemberPage(newStaff(store, "STORE_MANAGER")).open(idOf(member), FIELDS)
                .path("member.member.consents.acceptedNoticeVersion").entity(Integer.class).isEqualTo(1)
                .path("member.member.consents.noticeAccepted").entity(Boolean.class).isEqualTo(true)
                .path("member.member.consents.acceptedAt").hasValue()
                .path("member.member.consents.marketing").entity(Boolean.class).isEqualTo(true)
                .path("member.member.consents.marketingUpdatedAt").hasValue()
                .path("member.member.consents.subscribeConsents").entityList(Map.class)
                .satisfies(left -> assertThat(left).contains(
                        Map.of("purpose", "POINTS_EXPIRING", "templateId", "test-tmpl-points-expiring", "remainingConsents", 2),
                        Map.of("purpose", "COUPON_EXPIRING", "templateId", "test-tmpl-coupon-expiring", "remainingConsents", 0)));
    }

    @Test
    void aMemberWhoWithdrewMarketingAndNeverAcceptedTheNoticeShowsSo() {
        String name = unique("cs-none");
        HttpGraphQlTester member = withToken((String) loginWithoutConsents(name).get("accessToken"));
        member.documentName("updateConsents").variable("input", Map.of("marketing", false)).execute();

        new MemberPage(newMarketer()).open(idOf(member), FIELDS)
                .path("member.member.consents.acceptedNoticeVersion").valueIsNull()
                .path("member.member.consents.noticeAccepted").entity(Boolean.class).isEqualTo(false)
                .path("member.member.consents.marketing").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void aClerkIsForbiddenTheConsentsButStillSeesTheRestOfTheMember() {
        String store = createStore("cs-clerk");
        HttpGraphQlTester member = memberOf(store, unique("cs-till"));

        new MemberPage(newStaff(store, "CLERK")).open(idOf(member), "nickname " + FIELDS)
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))
                        && e.getPath().equals("member.member.consents")).verify()
                .path("member.member.id").entity(String.class).isEqualTo(idOf(member))
                .path("member.member.consents").valueIsNull();
    }

    @Test
    void aManagerOfAnotherStoreIsRefusedAsTheMemberQueryRefusesThem() {
        String home = createStore("cs-home");
        HttpGraphQlTester member = memberOf(home, unique("cs-walled"));
        MemberPage otherManager = new MemberPage(newStaff(createStore("cs-else"), "STORE_MANAGER"));

        otherManager.open(idOf(member), FIELDS).path("member").valueIsNull();
        otherManager.scan(member, FIELDS)
                .path("scanMemberCode.card.member.id").entity(String.class).isEqualTo(idOf(member))
                .path("scanMemberCode.card.member.consents").valueIsNull();
    }
}
