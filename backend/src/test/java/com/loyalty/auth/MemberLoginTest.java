package com.loyalty.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.dev.wechat.FakeWeChatServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MemberLoginTest extends IntegrationTest {

    @Autowired
    FakeWeChatServer weChat;

    @Test
    void firstLoginRegistersTheMemberAndTheNextFindsTheSameOne() {
        String name = unique("ann");

        Map<String, Object> first = login(name);
        Map<String, Object> second = login(name);

        assertThat(first.get("registered")).isEqualTo(true);
        assertThat(second.get("registered")).isEqualTo(false);
        assertThat(memberId(second)).isEqualTo(memberId(first));
        assertThat(first.get("accessToken")).asString().isNotBlank();
        assertThat(first.get("refreshToken")).asString().contains(".");
        assertThat(first.get("expiresAt")).asString().endsWith("+08:00");
    }

    @Test
    void unknownWeChatCodeIsAUserErrorNotAServerError() {
        anonymous().documentName("login")
                .variable("input", Map.of("code", "not-a-real-code"))
                .execute()
                .path("login.accessToken").valueIsNull()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("WECHAT_CODE_INVALID")
                .path("login.userErrors[0].message").entity(String.class).isEqualTo("登录凭证无效，请重新登录");
    }

    @Test
    void aBlankOrMalformedWeChatCodeIsRefusedWithoutAskingWeChat() {
        for (String code : new String[] {"   ", "", "a b", "a&js_code=b", "x".repeat(129)}) {
            anonymous().documentName("login")
                    .variable("input", Map.of("code", code))
                    .execute()
                    .path("login.accessToken").valueIsNull()
                    .path("login.userErrors[0].code").entity(String.class).isEqualTo("WECHAT_CODE_INVALID");
        }
    }

    @Test
    void whenWeChatIsBusyTheMemberIsToldToRetryAndTheSameCodeThenSignsThemIn() {
        String name = unique("busy");
        String code = "dev-" + name + ".once";
        weChat.failNextSignIns(name, 45011);

        anonymous().documentName("login").variable("input", Map.of("code", code)).execute()
                .path("login.accessToken").valueIsNull()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("WECHAT_UNAVAILABLE")
                .path("login.userErrors[0].message").entity(String.class).isEqualTo("微信服务暂时不可用，请稍后再试");
        assertThat(db.sql("select count(*) as n from member where openid = :o").bind("o", "o-fake-" + name)
                .map(row -> row.get("n", Long.class)).one().block()).as("nothing half registered").isZero();

        anonymous().documentName("login").variable("input", Map.of("code", code)).execute()
                .path("login.userErrors").entityList(Object.class).hasSize(0)
                .path("login.registered").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void aWeChatCodeWorksOnlyOnce() {
        String code = "dev-" + unique("bo") + ".once";
        anonymous().documentName("login").variable("input", Map.of("code", code)).execute()
                .path("login.userErrors").entityList(Object.class).hasSize(0);

        anonymous().documentName("login").variable("input", Map.of("code", code)).execute()
                .path("login.accessToken").valueIsNull()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("WECHAT_CODE_USED");
    }

    @Test
    void aStoreThatIsNotTheBrandsIsNotRecordedAsWhereTheMemberRegistered() {
        Map<?, ?> member = anonymous().documentName("login")
                .variable("input", Map.of("code", "dev-" + unique("nostore"), "storeId", "999999999"))
                .execute()
                .path("login.member").entity(Map.class).get();

        assertThat(member.get("registrationChannel")).isEqualTo("MINI_PROGRAM");
        assertThat(member.get("registrationStoreId")).isNull();
    }

    @Test
    void inviterCodeAndStoreAreRememberedAtRegistration() {
        Map<String, Object> inviter = login(unique("inviter"));
        String inviteCode = (String) ((Map<?, ?>) inviter.get("member")).get("inviteCode");
        Long storeId = db.sql("insert into store (brand_id, name) values (1, 'Test store') returning id")
                .map(row -> row.get("id", Long.class)).one().block();

        Map<?, ?> invitee = anonymous().documentName("login")
                .variable("input", Map.of("code", "dev-" + unique("invitee"), "inviterCode", inviteCode.toLowerCase(),
                        "storeId", storeId))
                .execute()
                .path("login.member").entity(Map.class).get();

        assertThat(invitee.get("registrationChannel")).isEqualTo("STORE");
        assertThat(invitee.get("registrationStoreId")).isEqualTo(String.valueOf(storeId));
        Long inviterId = db.sql("select inviter_id from member where id = :id")
                .bind("id", Long.parseLong((String) invitee.get("id")))
                .map(row -> row.get("inviter_id", Long.class)).one().block();
        assertThat(inviterId).isEqualTo(Long.parseLong(memberId(inviter)));
    }

    @Test
    void parallelFirstLoginsOfOneUserRegisterOneMember() {
        String name = unique("rush");

        List<Map<String, Object>> sessions = inParallel(24, i -> login(name));

        assertThat(sessions.stream().map(MemberLoginTest::memberId).distinct()).hasSize(1);
        assertThat(sessions).filteredOn(session -> Boolean.TRUE.equals(session.get("registered"))).hasSize(1);
        Long rows = db.sql("select count(*) as n from member where openid = :openid")
                .bind("openid", "o-fake-" + name)
                .map(row -> row.get("n", Long.class)).one().block();
        assertThat(rows).isEqualTo(1);
    }

    private static String memberId(Map<String, Object> session) {
        return (String) ((Map<?, ?>) session.get("member")).get("id");
    }
}
