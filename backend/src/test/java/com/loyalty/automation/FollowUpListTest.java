package com.loyalty.automation;

import com.loyalty.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The call list for an admin naming no store (issue 22: INTERNAL_ERROR before), and one task by id. */
class FollowUpListTest extends IntegrationTest {

    private static final String TASK = "query($id: ID!) { followUpTask(id: $id) { id storeId reason status member { id } } }";

    @Test
    void followUpTasksForAnAdminWithoutAStoreAnswers() {
        admin().documentName("followUpTasks").variable("status", "OPEN").execute()
                .errors().verify()
                .path("followUpTasks.totalCount").hasValue();
    }

    @Test
    void aTaskIsReadByItsOwnStoresStaffAndTheAdminOnly() {
        String storeA = createStore(unique("call-a"));
        String storeB = createStore(unique("call-b"));
        String member = idOf(memberOf(storeB, unique("callee")));
        String task = String.valueOf(insertTask(Long.parseLong(storeB), Long.parseLong(member)));

        newStaff(storeB, "CLERK").document(TASK).variable("id", task).execute()
                .path("followUpTask.reason").entity(String.class).isEqualTo("回流券包未使用，请致电")
                .path("followUpTask.member.id").entity(String.class).isEqualTo(member);
        admin().document(TASK).variable("id", task).execute()
                .path("followUpTask.storeId").entity(String.class).isEqualTo(storeB);
        newStaff(storeA, "STORE_MANAGER").document(TASK).variable("id", task).execute().path("followUpTask").valueIsNull();
        newStaff(storeA, "CLERK").document(TASK).variable("id", task).execute().path("followUpTask").valueIsNull();
        admin().document("{ followUpTask(id: 999999999) { id } }").execute().path("followUpTask").valueIsNull();
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
