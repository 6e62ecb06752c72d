package com.loyalty.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Input no field should take is refused with a clear error naming it, whatever the field, before
 * it reaches a service or the database (BoundaryInputsTest sends such input to every field).
 */
class BadInputTest extends IntegrationTest {

    private static final String RENAME = """
            mutation($nickname: String) { updateProfile(input: { nickname: $nickname }) {
              member { nickname } userErrors { code message } } }""";

    @Test
    void aNulInAnyTextFieldIsAClearError() {
        HttpGraphQlTester member = member(unique("nul"));

        member.document(RENAME).variable("nickname", "小\u0000明").execute()
                .errors().expect(e -> isInvalidInput(e, "input.nickname contains a control character U+0000")).verify();
        admin().document("mutation($name: String!) { createTag(input: { name: $name }) { tag { id } } }")
                .variable("name", "vip\u0000").execute()
                .errors().expect(e -> isInvalidInput(e, "input.name contains a control character")).verify();
        admin().document("query($after: String) { tags(after: $after) { totalCount } }")
                .variable("after", "\u001b[31m").execute()
                .errors().expect(e -> isInvalidInput(e, "after contains a control character U+001B")).verify();
        member.document("{ me { nickname } }").execute().path("me.nickname").valueIsNull();
    }

    @Test
    void tabsAndNewlinesAreLeftToTheFieldsOwnRules() {
        HttpGraphQlTester member = member(unique("tab"));

        member.document(RENAME).variable("nickname", "小\t明").execute()
                .path("updateProfile.userErrors").entityList(Object.class).hasSize(0)
                .path("updateProfile.member.nickname").entity(String.class).isEqualTo("小\t明");
    }

    @Test
    void aTextDirectionOverrideIsRefused() {
        member(unique("rtl")).document(RENAME).variable("nickname", "evil\u202Egnp.exe").execute()
                .errors().expect(e -> isInvalidInput(e, "text-direction override U+202E")).verify();
    }

    @Test
    void textLongerThanTheLimitIsRefused() {
        member(unique("long")).document(RENAME).variable("nickname", "x".repeat(4001)).execute()
                .errors().expect(e -> isInvalidInput(e, "input.nickname is longer than 4000 characters")).verify();
    }

    @Test
    void anImpossibleDateIsRefused() {
        HttpGraphQlTester member = member(unique("feb30"));
        String birthday = "mutation($day: Date) { updateProfile(input: { birthday: $day }) { member { birthday } } }";

        member.document(birthday).variable("day", "2026-02-30").execute()
                .errors().expect(e -> e.getMessage().contains("Date must be a real day")).verify();
        member.document("mutation { updateProfile(input: { birthday: \"1990-02-29\" }) { member { birthday } } }").execute()
                .errors().expect(e -> e.getMessage().contains("Date must be a real day")).verify();
        member.document(birthday).variable("day", "1992-02-29").execute()
                .path("updateProfile.member.birthday").entity(String.class).isEqualTo("1992-02-29");
    }

    @Test
    void aTimeOutsideTheYears1To9999IsRefused() {
        String after = "query($after: DateTime) { members(filter: { registeredAfter: $after }) { totalCount } }";

        for (String time : new String[] {"+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"}) {
            admin().document(after).variable("after", time).execute()
                    .errors().expect(e -> e.getMessage().contains("between the years 1 and 9999")).verify();
        }
        admin().document(after).variable("after", "2026-11-23T10:15:30+08:00").execute()
                .path("members.totalCount").entity(Integer.class).satisfies(count -> assertThat(count).isNotNegative());
    }

    @Test
    void aSubscriptionOverHttpPostIsAClearError() {
        member(unique("sub")).document("subscription { pointsChanged { balance } }").execute()
                .errors().expect(e -> e.getMessage().contains("Subscriptions run over the WebSocket")).verify()
                .path("upstreamPublisher").pathDoesNotExist();
    }

    @Test
    void anIdThatIsNotANumberIsAClearError() {
        admin().document("query($id: ID!) { member(id: $id) { id } }").variable("id", "abc").execute()
                .errors().expect(e -> isInvalidInput(e, "id: 'abc' is not a valid value: expected a whole number")).verify();
        admin().document("{ member(id: \"99999999999999999999\") { id } }").execute()
                .errors().expect(e -> isInvalidInput(e, "'99999999999999999999' is not a valid value")).verify();
        admin().document("mutation($m: ID!) { addMemberTag(input: { memberId: $m, tagId: \"1\" }) { changed } }")
                .variable("m", "1e3").execute()
                .errors().expect(e -> isInvalidInput(e, "memberId: '1e3' is not a valid value")).verify();
    }

    @Test
    void aHugeNumberIsAClearError() {
        String member = idOf(member(unique("huge")));

        admin().document("""
                        mutation($m: ID!, $delta: Long!) { adjustPoints(input: { memberId: $m, delta: $delta,
                          reason: "x", idempotencyKey: "k" }) { replayed } }""")
                .variable("m", member).variable("delta", new BigInteger("99999999999999999999")).execute()
                .errors().expect(e -> e.getErrorType() == graphql.ErrorType.ValidationError
                        && e.getMessage().contains("delta")).verify();
        admin().document("query($n: Int) { tags(first: $n) { totalCount } }")
                .variable("n", 4_294_967_296L).execute()
                .errors().expect(e -> e.getMessage().contains("'n'")).verify();
    }

    private static boolean isInvalidInput(ResponseError error, String says) {
        return error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().contains(says)
                && "INVALID_INPUT".equals(error.getExtensions().get("code"));
    }
}
