package com.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class ConsentTest extends IntegrationTest {

    @Test
    void profileDataIsRefusedUntilThePrivacyNoticeIsAccepted() {
        HttpGraphQlTester me = withToken((String) loginWithoutConsents(unique("new")).get("accessToken"));
        me.documentName("myConsents").execute()
                .path("myConsents.currentNoticeVersion").entity(Integer.class).isEqualTo(1)
                .path("myConsents.acceptedNoticeVersion").valueIsNull()
                .path("myConsents.noticeAccepted").entity(Boolean.class).isEqualTo(false)
                .path("myConsents.marketing").entity(Boolean.class).isEqualTo(false);

        me.documentName("updateProfile").variable("input", Map.of("nickname", "未同意")).execute()
                .path("updateProfile.member").valueIsNull()
                .path("updateProfile.userErrors[0].code").entity(String.class).isEqualTo("PRIVACY_NOTICE_NOT_ACCEPTED");
        me.documentName("bindPhone").variable("code", "phone-13700001111").execute()
                .path("bindPhone.userErrors[0].code").entity(String.class).isEqualTo("PRIVACY_NOTICE_NOT_ACCEPTED");
        me.documentName("me").execute().path("me.nickname").valueIsNull().path("me.phone").valueIsNull();

        // an outdated version is not an acceptance of the one in force
        me.documentName("updateConsents").variable("input", Map.of("acceptNoticeVersion", 0)).execute()
                .path("updateConsents.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "acceptNoticeVersion");
        me.documentName("updateConsents").variable("input", Map.of("acceptNoticeVersion", 1)).execute()
                .path("updateConsents.userErrors").entityList(Object.class).hasSize(0)
                .path("updateConsents.consents.noticeAccepted").entity(Boolean.class).isEqualTo(true)
                .path("updateConsents.consents.marketing").entity(Boolean.class).isEqualTo(false);

        me.documentName("updateProfile").variable("input", Map.of("nickname", "已同意")).execute()
                .path("updateProfile.userErrors").entityList(Object.class).hasSize(0)
                .path("updateProfile.member.nickname").entity(String.class).isEqualTo("已同意");
    }

    @Test
    void theNoticeInForceCanBeReadBeforeSigningInAndIsTheVersionToAccept() {
        anonymous().documentName("privacyNotice").execute()
                .path("privacyNotice.version").entity(Integer.class).isEqualTo(1)
                .path("privacyNotice.current").entity(Boolean.class).isEqualTo(true)
                .path("privacyNotice.title").entity(String.class).isEqualTo("会员隐私政策（第 1 版）")
                .path("privacyNotice.text").entity(String.class)
                .satisfies(text -> assertThat(text).contains("手机号加密保存").contains("撤销注销并登录"));
        HttpGraphQlTester me = withToken((String) loginWithoutConsents(unique("reader")).get("accessToken"));
        me.documentName("privacyNotice").variable("version", 1).execute()
                .path("privacyNotice.version").entity(Integer.class).isEqualTo(1);
        // a version that was never published has no text
        me.documentName("privacyNotice").variable("version", 7).execute().path("privacyNotice").valueIsNull();
        me.documentName("privacyNotice").variable("version", -1).execute().path("privacyNotice").valueIsNull();
    }

    @Test
    void marketingConsentIsSeparateAndCanBeWithdrawnAtAnyTimeWithEachChangeRecorded() {
        HttpGraphQlTester me = member(unique("mk"));
        String id = idOf(me);
        me.documentName("myConsents").execute().path("myConsents.marketing").entity(Boolean.class).isEqualTo(true);

        me.documentName("updateConsents").variable("input", Map.of("marketing", false)).execute()
                .path("updateConsents.consents.marketing").entity(Boolean.class).isEqualTo(false)
                .path("updateConsents.consents.noticeAccepted").entity(Boolean.class).isEqualTo(true);
        // withdrawing twice is one withdrawal
        me.documentName("updateConsents").variable("input", Map.of("marketing", false)).execute()
                .path("updateConsents.userErrors").entityList(Object.class).hasSize(0);

        List<String> events = db.sql("select consent || ':' || granted as e from consent_event where member_id = :m order by id")
                .bind("m", Long.parseLong(id)).map(row -> row.get("e", String.class)).all().collectList().block();
        assertThat(events).containsExactly("PRIVACY_NOTICE:true", "MARKETING:true", "MARKETING:false");
    }

    @Test
    void campaignsSkipMembersWithoutMarketingConsentAndCountThemInTheirStats() {
        List<String> consenting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            consenting.add(idOf(member(unique("yes"))));
        }
        HttpGraphQlTester withdrew = member(unique("withdrew"));
        withdrew.documentName("updateConsents").variable("input", Map.of("marketing", false)).execute()
                .path("updateConsents.consents.marketing").entity(Boolean.class).isEqualTo(false);
        HttpGraphQlTester neverAsked = withToken((String) loginWithoutConsents(unique("never")).get("accessToken"));
        List<String> without = List.of(idOf(withdrew), idOf(neverAsked));
        List<String> everyone = new ArrayList<>(consenting);
        everyone.addAll(without);

        Map<String, Object> input = new HashMap<>(Map.of("name", "积分回馈",
                "startsAt", OffsetDateTime.now(clock).minusHours(1).toString(),
                "endsAt", OffsetDateTime.now(clock).plusDays(1).toString(),
                "benefit", "POINTS", "points", 100, "controlPercent", 0, "budget", 100_000,
                "audience", "MEMBERS", "memberIds", everyone));
        String campaign = admin().document("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { "
                        + "campaign { id } userErrors { code } } }").variable("input", input).execute()
                .path("createCampaign.campaign.id").entity(String.class).get();
        admin().document("mutation($id: ID!) { launchCampaign(campaignId: $id) { userErrors { code } } }")
                .variable("id", campaign).execute()
                .path("launchCampaign.userErrors").entityList(Object.class).hasSize(0);

        admin().document("query($id: ID!) { campaign(id: $id) { stats { audience treated reached skippedNoConsent } } }")
                .variable("id", campaign).execute()
                .path("campaign.stats.audience").entity(Integer.class).isEqualTo(3)
                .path("campaign.stats.reached").entity(Integer.class).isEqualTo(3)
                .path("campaign.stats.skippedNoConsent").entity(Integer.class).isEqualTo(2);
        for (String id : without) {
            assertThat(points(id)).as("member %s without marketing consent", id).isZero();
        }
        for (String id : consenting) {
            assertThat(points(id)).isEqualTo(100L);
        }
    }

    private long points(String memberId) {
        return db.sql("select coalesce(sum(delta), 0)::bigint as n from points_ledger where member_id = :m")
                .bind("m", Long.parseLong(memberId)).map(row -> row.get("n", Long.class)).one().block();
    }
}
