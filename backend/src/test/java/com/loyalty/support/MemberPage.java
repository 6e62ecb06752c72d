package com.loyalty.support;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** What a staff member reads about a member: the member's page (member(id:)) or the card a scan at the till shows. */
public record MemberPage(HttpGraphQlTester staff) {

    /** {@code member(id) { id member { <fields> } }}, as the console's member page asks. */
    public GraphQlTester.Response open(String memberId, String memberFields) {
        return staff.document("query($id: ID!) { member(id: $id) { id member { id " + memberFields + " } } }")
                .variable("id", memberId).execute();
    }

    /** The member shows a fresh code and this staff member scans it: {@code card { member { <fields> } }}. */
    public GraphQlTester.Response scan(HttpGraphQlTester member, String memberFields) {
        String code = member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
        return staff.document("mutation($t: String!) { scanMemberCode(input: { token: $t }) { "
                        + "card { member { id " + memberFields + " } } userErrors { code } } }")
                .variable("t", code).execute();
    }
}
