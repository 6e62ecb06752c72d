package com.loyalty.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The call list's call button: a store manager gets the full number of the member to call, audited
 * and rate limited; another store's manager and clerks get nothing.
 */
class RevealMemberPhoneTest extends IntegrationTest {

    @Test
    void aManagerGetsTheFullNumberOfTheirTasksMemberAndTheRevealIsAudited() {
        String store = createStore("回访店");
        HttpGraphQlTester member = memberOf(store, unique("callee"));
        member.documentName("bindPhone").variable("code", "phone-13912345678").execute();
        long memberId = Long.parseLong(idOf(member));
        long task = insertTask(Long.parseLong(store), memberId);
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");

        reveal(manager, memberId, task, null)
                .path("revealMemberPhone.userErrors").entityList(Object.class).hasSize(0)
                .path("revealMemberPhone.phone").entity(String.class).isEqualTo("13912345678");

        Map<String, Object> audited = db.sql("""
                        select s.role, a.store_id, a.detail from staff_audit a join staff s on s.id = a.staff_id
                        where a.action = 'REVEAL_MEMBER_PHONE' and a.member_id = :m
                        """)
                .bind("m", memberId).fetch().one().block();
        assertThat(audited).containsEntry("role", "STORE_MANAGER").containsEntry("store_id", Long.parseLong(store))
                .containsEntry("detail", "回访任务 #" + task);
    }

    @Test
    void anotherStoresManagerGetsNoNumberEvenWithTheTask() {
        String store = createStore("本店");
        HttpGraphQlTester member = memberOf(store, unique("callee"));
        member.documentName("bindPhone").variable("code", "phone-13900001111").execute();
        long memberId = Long.parseLong(idOf(member));
        long task = insertTask(Long.parseLong(store), memberId);
        HttpGraphQlTester stranger = newStaff(createStore("他店"), "STORE_MANAGER");

        reveal(stranger, memberId, task, null)
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        reveal(stranger, memberId, null, "想打个电话")
                .path("revealMemberPhone.phone").valueIsNull()
                .path("revealMemberPhone.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(reveals(memberId)).isZero();
    }

    @Test
    void clerksCannotRevealNumbers() {
        String store = createStore("店员店");
        HttpGraphQlTester member = memberOf(store, unique("callee"));
        member.documentName("bindPhone").variable("code", "phone-13900002222").execute();
        long memberId = Long.parseLong(idOf(member));

        reveal(newStaff(store, "CLERK"), memberId, insertTask(Long.parseLong(store), memberId), null)
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        assertThat(reveals(memberId)).isZero();
    }

    @Test
    void aTaskOfAnotherMemberOrAMemberWithoutAPhoneRevealsNothing() {
        String store = createStore("无号店");
        long withoutPhone = Long.parseLong(idOf(memberOf(store, unique("nophone"))));
        HttpGraphQlTester other = memberOf(store, unique("other"));
        other.documentName("bindPhone").variable("code", "phone-13900003333").execute();
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");

        reveal(manager, withoutPhone, insertTask(Long.parseLong(store), withoutPhone), null)
                .path("revealMemberPhone.userErrors[0].code").entity(String.class).isEqualTo("PHONE_NOT_BOUND");
        reveal(manager, Long.parseLong(idOf(other)), insertTask(Long.parseLong(store), withoutPhone), null)
                .path("revealMemberPhone.userErrors[0].code").entity(String.class).isEqualTo("FOLLOW_UP_NOT_FOUND");
        reveal(manager, Long.parseLong(idOf(other)), null, " ")
                .path("revealMemberPhone.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("revealMemberPhone.userErrors[0].field[1]").entity(String.class).isEqualTo("reason");
    }

    @Test
    void aManagerRevealsAtMostThirtyNumbersAnHour() {
        String store = createStore("限速店");
        HttpGraphQlTester member = memberOf(store, unique("callee"));
        member.documentName("bindPhone").variable("code", "phone-13900004444").execute();
        long memberId = Long.parseLong(idOf(member));
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");

        for (int i = 0; i < 30; i++) {
            reveal(manager, memberId, null, "会员来电要求回拨")
                    .path("revealMemberPhone.phone").entity(String.class).isEqualTo("13900004444");
        }
        reveal(manager, memberId, null, "会员来电要求回拨")
                .path("revealMemberPhone.phone").valueIsNull()
                .path("revealMemberPhone.userErrors[0].code").entity(String.class).isEqualTo("RATE_LIMITED");
        assertThat(reveals(memberId)).isEqualTo(30);
    }

    private static GraphQlTester.Response reveal(HttpGraphQlTester staff, long memberId, Long task, String reason) {
        Map<String, Object> input = new HashMap<>();
        input.put("memberId", String.valueOf(memberId));
        if (task != null) {
            input.put("followUpTaskId", String.valueOf(task));
        }
        if (reason != null) {
            input.put("reason", reason);
        }
        return staff.documentName("revealMemberPhone").variable("input", input).execute();
    }

    private long reveals(long memberId) {
        return db.sql("select count(*) as n from staff_audit where action = 'REVEAL_MEMBER_PHONE' and member_id = :m")
                .bind("m", memberId).map(row -> row.get("n", Long.class)).one().block();
    }

    private long insertTask(long storeId, long memberId) {
        Instant now = clock.instant();
        long action = db.sql("insert into automation_action (brand_id, rule, member_id, episode, acted_on, created_at) "
                        + "values (1, 'PACK_FOLLOW_UP', :m, :e, :d, :at) returning id")
                .bind("m", memberId).bind("e", unique("ep")).bind("d", LocalDate.now(clock)).bind("at", now)
                .map(row -> row.get("id", Long.class)).one().block();
        return db.sql("insert into follow_up_task (brand_id, store_id, member_id, action_id, reason, due_on, created_at) "
                        + "values (1, :s, :m, :a, '回流券包未使用，请致电', :d, :at) returning id")
                .bind("s", storeId).bind("m", memberId).bind("a", action).bind("d", LocalDate.now(clock)).bind("at", now)
                .map(row -> row.get("id", Long.class)).one().block();
    }
}
