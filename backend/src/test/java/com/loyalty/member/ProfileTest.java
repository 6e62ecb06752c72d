package com.loyalty.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class ProfileTest extends IntegrationTest {

    @Test
    void memberEditsTheirProfileAndSeesItInMe() {
        String token = (String) login(unique("pat")).get("accessToken");
        HttpGraphQlTester me = withToken(token);
        String avatar = uploadedAvatar(token);

        update(me, Map.of("nickname", "  小明  ", "avatarUrl", avatar,
                "birthday", "1990-05-08", "gender", "MALE"))
                .path("updateProfile.userErrors").entityList(Object.class).hasSize(0);

        me.documentName("me").execute()
                .path("me.nickname").entity(String.class).isEqualTo("小明")
                .path("me.avatarUrl").entity(String.class).isEqualTo(avatar)
                .path("me.birthday").entity(String.class).isEqualTo("1990-05-08")
                .path("me.gender").entity(String.class).isEqualTo("MALE");
    }

    @Test
    void fieldsLeftOutStayAsTheyWere() {
        String token = (String) login(unique("kai")).get("accessToken");
        HttpGraphQlTester me = withToken(token);
        update(me, Map.of("nickname", "阿凯", "gender", "MALE"));

        update(me, Map.of("avatarUrl", uploadedAvatar(token)))
                .path("updateProfile.member.nickname").entity(String.class).isEqualTo("阿凯")
                .path("updateProfile.member.gender").entity(String.class).isEqualTo("MALE");
    }

    @Test
    void birthdayCanBeChangedOnceAYear() {
        String name = unique("bday");
        HttpGraphQlTester me = member(name);
        update(me, Map.of("birthday", "1991-01-01")).path("updateProfile.userErrors").entityList(Object.class).hasSize(0);
        // the first correction is allowed
        update(me, Map.of("birthday", "1991-01-02")).path("updateProfile.userErrors").entityList(Object.class).hasSize(0);

        update(me, Map.of("birthday", "1991-01-03", "nickname", "不该保存"))
                .path("updateProfile.member").valueIsNull()
                .path("updateProfile.userErrors[0].code").entity(String.class).isEqualTo("BIRTHDAY_CHANGE_LIMIT")
                .path("updateProfile.userErrors[0].field").entityList(String.class).containsExactly("input", "birthday");
        me.documentName("me").execute()
                .path("me.birthday").entity(String.class).isEqualTo("1991-01-02")
                .path("me.nickname").valueIsNull();

        // sending the same birthday again is not a change
        update(me, Map.of("birthday", "1991-01-02")).path("updateProfile.userErrors").entityList(Object.class).hasSize(0);

        clock.advance(Duration.ofDays(366));
        update(member(name), Map.of("birthday", "1991-01-03"))
                .path("updateProfile.member.birthday").entity(String.class).isEqualTo("1991-01-03");
    }

    @Test
    void badProfileInputIsAUserErrorOnTheField() {
        HttpGraphQlTester me = member(unique("bad"));

        update(me, Map.of("nickname", "   ")).path("updateProfile.userErrors[0].field")
                .entityList(String.class).containsExactly("input", "nickname");
        update(me, Map.of("nickname", "x".repeat(33))).path("updateProfile.userErrors[0].code")
                .entity(String.class).isEqualTo("INVALID_INPUT");
        update(me, Map.of("avatarUrl", "javascript:alert(1)")).path("updateProfile.userErrors[0].field")
                .entityList(String.class).containsExactly("input", "avatarUrl");
        update(me, Map.of("birthday", LocalDate.now(clock).plusDays(2).toString())).path("updateProfile.userErrors[0].field")
                .entityList(String.class).containsExactly("input", "birthday");
    }

    @Test
    void anAvatarThatWasNotUploadedIsRefused() {
        HttpGraphQlTester me = member(unique("avatar"));

        // WeChat's own avatar hosts included: every avatar is an image we re-encoded and serve (AvatarUploadTest)
        for (String url : new String[] {"http://127.0.0.1:6379/", "https://127.0.0.1/a.png", "http://thirdwx.qlogo.cn/a.png",
                "https://thirdwx.qlogo.cn:6379/a.png", "https://evil.example/a.png", "https://user@thirdwx.qlogo.cn/a.png",
                "https://THIRDWX.qlogo.cn/mmopen/ok.png"}) {
            update(me, Map.of("avatarUrl", url))
                    .path("updateProfile.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                    .path("updateProfile.userErrors[0].field").entityList(String.class).containsExactly("input", "avatarUrl");
        }
    }

    @Test
    void boundPhoneIsMaskedForTheMemberAndEncryptedAtRest() {
        String name = unique("tel");
        HttpGraphQlTester me = member(name);

        me.documentName("bindPhone").variable("code", "phone-13812341234").execute()
                .path("bindPhone.userErrors").entityList(Object.class).hasSize(0)
                .path("bindPhone.member.phone").entity(String.class).isEqualTo("138****1234");
        me.documentName("me").execute().path("me.phone").entity(String.class).isEqualTo("138****1234");

        byte[] stored = db.sql("select phone_cipher from member where openid = :o").bind("o", "o-fake-" + name)
                .map(row -> row.get("phone_cipher", byte[].class)).one().block();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("13812341234").doesNotContain("1234");
    }

    @Test
    void aPhoneNumberBelongsToOneMember() {
        member(unique("first")).documentName("bindPhone").variable("code", "phone-13900001111").execute()
                .path("bindPhone.userErrors").entityList(Object.class).hasSize(0);

        member(unique("second")).documentName("bindPhone").variable("code", "phone-13900001111").execute()
                .path("bindPhone.member").valueIsNull()
                .path("bindPhone.userErrors[0].code").entity(String.class).isEqualTo("PHONE_IN_USE");
    }

    @Test
    void invalidPhoneCodeIsAUserError() {
        member(unique("nophone")).documentName("bindPhone").variable("code", "forged").execute()
                .path("bindPhone.userErrors[0].code").entity(String.class).isEqualTo("PHONE_CODE_INVALID");
    }

    @Test
    void profileMutationsNeedASignedInMember() {
        anonymous().documentName("updateProfile").variable("input", Map.of("nickname", "x")).execute()
                .errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))).verify();
    }

    private static GraphQlTester.Response update(HttpGraphQlTester me, Map<String, Object> input) {
        return me.documentName("updateProfile").variable("input", input).execute();
    }
}
