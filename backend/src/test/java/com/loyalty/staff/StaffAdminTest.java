package com.loyalty.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffAdminTest extends IntegrationTest {

    @Test
    void adminCreatesAClerkWhoSignsInAtThatStore() {
        String store = createStore("clerks");
        String username = createStaff(store, "CLERK");

        staff(username, STAFF_PASSWORD).documentName("currentStaff").execute()
                .path("currentStaff.role").entity(String.class).isEqualTo("CLERK")
                .path("currentStaff.storeId").entity(String.class).isEqualTo(store);
        Long audited = db.sql("select count(*) as n from staff_audit where action = 'CREATE_STAFF' and detail like :u")
                .bind("u", username + "%").map(row -> row.get("n", Long.class)).one().block();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void badStaffInputIsAUserErrorOnTheField() {
        String store = createStore("bad");
        expectError(Map.of("username", "x", "password", STAFF_PASSWORD, "role", "CLERK", "storeId", store),
                "username", "INVALID_INPUT");
        expectError(Map.of("username", unique("u"), "password", "short", "role", "CLERK", "storeId", store),
                "password", "INVALID_INPUT");
        expectError(Map.of("username", unique("u"), "password", STAFF_PASSWORD, "role", "ADMIN", "storeId", store),
                "role", "INVALID_INPUT");
        expectError(Map.of("username", unique("u"), "password", STAFF_PASSWORD, "role", "CLERK", "storeId", "999999"),
                "storeId", "STORE_NOT_FOUND");
    }

    @Test
    void aUsernameIsTakenOnce() {
        String store = createStore("dup");
        String username = createStaff(store, "CLERK");

        expectError(Map.of("username", username, "password", STAFF_PASSWORD, "role", "STORE_MANAGER", "storeId", store),
                "username", "USERNAME_TAKEN");
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabledAgain() {
        String store = createStore("leave");
        String username = createStaff(store, "CLERK");
        String id = staff(username, STAFF_PASSWORD).documentName("currentStaff").execute()
                .path("currentStaff.id").entity(String.class).get();

        admin().documentName("setStaffEnabled").variable("staffId", id).variable("enabled", false).execute()
                .path("setStaffEnabled.staff.enabled").entity(Boolean.class).isEqualTo(false);
        anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", username, "password", STAFF_PASSWORD)).execute()
                .path("staffLogin.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_DISABLED");

        admin().documentName("setStaffEnabled").variable("staffId", id).variable("enabled", true).execute()
                .path("setStaffEnabled.staff.enabled").entity(Boolean.class).isEqualTo(true);
        staff(username, STAFF_PASSWORD).documentName("currentStaff").execute().path("currentStaff.id").hasValue();
    }

    @Test
    void theAuditTrailShowsEachChangeToAnAccountWithItsStateBeforeAndAfter() {
        String store = createStore("trail");
        String username = createStaff(store, "CLERK");
        String id = staff(username, STAFF_PASSWORD).documentName("currentStaff").execute()
                .path("currentStaff.id").entity(String.class).get();
        admin().documentName("setStaffEnabled").variable("staffId", id).variable("enabled", false).execute()
                .path("setStaffEnabled.staff.enabled").entity(Boolean.class).isEqualTo(false);

        var trail = admin().document("""
                        query($id: ID!) { staffActions(subject: "STAFF", subjectId: $id) {
                          totalCount edges { node { action subject subjectId before after } } } }""")
                .variable("id", id).execute();
        trail.path("staffActions.totalCount").entity(Integer.class).isEqualTo(1)
                .path("staffActions.edges[0].node.action").entity(String.class).isEqualTo("DISABLE_STAFF")
                .path("staffActions.edges[0].node.subjectId").entity(String.class).isEqualTo(id)
                .path("staffActions.edges[0].node.before").entity(String.class)
                .satisfies(json -> assertThat(json).contains("\"enabled\": true").contains(username))
                .path("staffActions.edges[0].node.after").entity(String.class)
                .satisfies(json -> assertThat(json).contains("\"enabled\": false").doesNotContain("password"));
    }

    @Test
    void managersCannotCreateManagersNorDisableStaffOutsideTheirStore() {
        String store = createStore("mgr");
        var manager = newStaff(store, "STORE_MANAGER");

        manager.documentName("createStaff")
                .variable("input", Map.of("username", unique("u"), "password", STAFF_PASSWORD, "role", "STORE_MANAGER",
                        "storeId", store))
                .execute()
                .path("createStaff.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        manager.documentName("setStaffEnabled").variable("staffId", "1").variable("enabled", false).execute()
                .path("setStaffEnabled.userErrors[0].code").entity(String.class).isEqualTo("STAFF_NOT_FOUND");
    }

    private void expectError(Map<String, Object> input, String field, String code) {
        admin().documentName("createStaff").variable("input", input).execute()
                .path("createStaff.staff").valueIsNull()
                .path("createStaff.userErrors[0].code").entity(String.class).isEqualTo(code)
                .path("createStaff.userErrors[0].field").entityList(String.class).containsExactly("input", field);
    }
}
