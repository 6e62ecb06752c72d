package com.loyalty.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Staff administration at run time: lists, password resets, moves and role changes, and who may do them. */
class StaffAdministrationTest extends IntegrationTest {

    private static final String ACCOUNTS = """
            query($filter: StaffFilter) { staffAccounts(filter: $filter, first: 50) {
              totalCount edges { node { id username role storeId enabled mustChangePassword } } } }""";
    private static final String RESET = """
            mutation($id: ID!) { resetStaffPassword(input: {staffId: $id}) {
              temporaryPassword staff { id mustChangePassword } userErrors { field code } } }""";
    private static final String CHANGE = """
            mutation($current: String!, $next: String!) { changeMyPassword(input: {currentPassword: $current, newPassword: $next}) {
              accessToken refreshToken staff { id mustChangePassword } userErrors { field code } } }""";
    private static final String MOVE = """
            mutation($id: ID!, $store: ID!) { moveStaff(input: {staffId: $id, storeId: $store}) {
              staff { id storeId } userErrors { field code } } }""";
    private static final String UPDATE = """
            mutation($input: UpdateStaffInput!) { updateStaff(input: $input) {
              staff { id role storeId displayName } userErrors { field code } } }""";

    @Test
    void anAdminListsTheBrandsStaffByStoreRoleAndSearch() {
        String store = createStore("list");
        String clerk = createStaff(store, "CLERK");
        String manager = createStaff(store, "STORE_MANAGER");

        admin().document(ACCOUNTS).variable("filter", Map.of("storeId", store)).execute()
                .path("staffAccounts.totalCount").entity(Integer.class).isEqualTo(2)
                .path("staffAccounts.edges[*].node.username").entityList(String.class).containsExactly(manager, clerk);
        admin().document(ACCOUNTS).variable("filter", Map.of("storeId", store, "role", "CLERK")).execute()
                .path("staffAccounts.edges[*].node.username").entityList(String.class).containsExactly(clerk);
        admin().document(ACCOUNTS).variable("filter", Map.of("search", clerk.substring(0, clerk.length() - 2).toUpperCase(),
                        "enabled", true)).execute()
                .path("staffAccounts.edges[*].node.username").entityList(String.class).contains(clerk);
        admin().document(ACCOUNTS).variable("filter", Map.of("search", "no-such-%_")).execute()
                .path("staffAccounts.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aStoreManagerSeesOnlyTheirOwnStoresStaff() {
        String storeA = createStore("a");
        String storeB = createStore("b");
        HttpGraphQlTester managerA = newStaff(storeA, "STORE_MANAGER");
        String clerkA = createStaff(storeA, "CLERK");
        String clerkB = createStaff(storeB, "CLERK");

        managerA.document(ACCOUNTS).execute()
                .path("staffAccounts.edges[*].node.storeId").entityList(String.class)
                .satisfies(stores -> assertThat(stores).isNotEmpty().containsOnly(storeA))
                .path("staffAccounts.edges[*].node.username").entityList(String.class).contains(clerkA).doesNotContain(clerkB);
        managerA.document(ACCOUNTS).variable("filter", Map.of("storeId", storeB)).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        managerA.document("query($id: ID!) { staffAccount(id: $id) { id } }").variable("id", idOf(clerkB)).execute()
                .path("staffAccount").valueIsNull();
        managerA.document("query($id: ID!) { staffAccount(id: $id) { username } }").variable("id", idOf(clerkA)).execute()
                .path("staffAccount.username").entity(String.class).isEqualTo(clerkA);
    }

    @Test
    void marketersAndClerksCannotListStaff() {
        String store = createStore("nolist");
        for (HttpGraphQlTester caller : List.of(newMarketer(), newStaff(store, "CLERK"))) {
            caller.document(ACCOUNTS).execute()
                    .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        }
    }

    @Test
    void aResetPasswordSignsInButMustBeChangedBeforeAnythingElse() {
        String store = createStore("reset");
        String clerk = createStaff(store, "CLERK");
        HttpGraphQlTester before = staff(clerk, STAFF_PASSWORD);

        String temporary = admin().document(RESET).variable("id", idOf(clerk)).execute()
                .path("resetStaffPassword.userErrors").entityList(Object.class).hasSize(0)
                .path("resetStaffPassword.staff.mustChangePassword").entity(Boolean.class).isEqualTo(true)
                .path("resetStaffPassword.temporaryPassword").entity(String.class).get();
        assertThat(temporary).hasSize(12);
        before.documentName("currentStaff").execute()
                .errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))).verify();
        anonymous().documentName("staffLogin").variable("input", Map.of("username", clerk, "password", STAFF_PASSWORD))
                .execute().path("staffLogin.userErrors[0].code").entity(String.class).isEqualTo("BAD_CREDENTIALS");

        var login = anonymous().document("""
                        mutation($input: StaffLoginInput!) { staffLogin(input: $input) { accessToken mustChangePassword } }""")
                .variable("input", Map.of("username", clerk, "password", temporary)).execute();
        login.path("staffLogin.mustChangePassword").entity(Boolean.class).isEqualTo(true);
        HttpGraphQlTester mustChange = withToken(login.path("staffLogin.accessToken").entity(String.class).get());

        mustChange.documentName("currentStaff").execute().path("currentStaff.username").entity(String.class).isEqualTo(clerk);
        mustChange.document("{ stores { totalCount } }").execute()
                .errors().expect(e -> "PASSWORD_CHANGE_REQUIRED".equals(e.getExtensions().get("code"))).verify();
        mustChange.document("mutation { scanMemberCode(input: {token: \"x\"}) { card { tags } userErrors { code } } }")
                .execute()
                .path("scanMemberCode.card").valueIsNull()
                .path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        mustChange.document(CHANGE).variable("current", "wrong-password").variable("next", "new-password-1").execute()
                .path("changeMyPassword.userErrors[0].code").entity(String.class).isEqualTo("BAD_CREDENTIALS")
                .path("changeMyPassword.userErrors[0].field").entityList(String.class).containsExactly("input", "currentPassword");

        var changed = mustChange.document(CHANGE).variable("current", temporary).variable("next", "new-password-1").execute();
        changed.path("changeMyPassword.userErrors").entityList(Object.class).hasSize(0)
                .path("changeMyPassword.staff.mustChangePassword").entity(Boolean.class).isEqualTo(false);
        withToken(changed.path("changeMyPassword.accessToken").entity(String.class).get())
                .document("{ stores { totalCount } }").execute().path("stores.totalCount").hasValue();
        mustChange.documentName("currentStaff").execute()
                .errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))).verify();
        anonymous().document("mutation($input: StaffLoginInput!) { staffLogin(input: $input) { mustChangePassword } }")
                .variable("input", Map.of("username", clerk, "password", "new-password-1")).execute()
                .path("staffLogin.mustChangePassword").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void aRefreshedSessionStillMustChangeThePasswordFirst() {
        String clerk = createStaff(createStore("refresh"), "CLERK");
        String temporary = admin().document(RESET).variable("id", idOf(clerk)).execute()
                .path("resetStaffPassword.temporaryPassword").entity(String.class).get();
        String refreshToken = anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", clerk, "password", temporary)).execute()
                .path("staffLogin.refreshToken").entity(String.class).get();

        String refreshed = anonymous().document("""
                        mutation($t: String!) { refreshSession(input: {refreshToken: $t}) { accessToken userErrors { code } } }""")
                .variable("t", refreshToken).execute()
                .path("refreshSession.userErrors").entityList(Object.class).hasSize(0)
                .path("refreshSession.accessToken").entity(String.class).get();
        withToken(refreshed).document("{ stores { totalCount } }").execute()
                .errors().expect(e -> "PASSWORD_CHANGE_REQUIRED".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void aPasswordResetIsAuditedWithoutTheSecret() {
        String store = createStore("resetaudit");
        String clerk = createStaff(store, "CLERK");
        String id = idOf(clerk);
        String temporary = admin().document(RESET).variable("id", id).execute()
                .path("resetStaffPassword.temporaryPassword").entity(String.class).get();

        admin().document("""
                        query($id: ID!) { staffActions(subject: "STAFF", subjectId: $id, action: "RESET_STAFF_PASSWORD") {
                          totalCount edges { node { before after } } } }""")
                .variable("id", id).execute()
                .path("staffActions.totalCount").entity(Integer.class).isEqualTo(1)
                .path("staffActions.edges[0].node.before").entity(String.class)
                .satisfies(json -> assertThat(json).contains("\"mustChangePassword\": false"))
                .path("staffActions.edges[0].node.after").entity(String.class)
                .satisfies(json -> assertThat(json).contains("\"mustChangePassword\": true").doesNotContain(temporary)
                        .doesNotContain("{noop}").doesNotContain("bcrypt").doesNotContain("$2a$"));
    }

    @Test
    void aStoreManagerManagesOnlyTheClerksOfTheirOwnStore() {
        String storeA = createStore("mine");
        String storeB = createStore("theirs");
        HttpGraphQlTester managerA = newStaff(storeA, "STORE_MANAGER");
        String clerkA = idOf(createStaff(storeA, "CLERK"));
        String clerkB = idOf(createStaff(storeB, "CLERK"));
        String otherManagerA = idOf(createStaff(storeA, "STORE_MANAGER"));

        managerA.document(RESET).variable("id", clerkA).execute()
                .path("resetStaffPassword.temporaryPassword").hasValue();
        managerA.document(RESET).variable("id", clerkB).execute()
                .path("resetStaffPassword.temporaryPassword").valueIsNull()
                .path("resetStaffPassword.userErrors[0].code").entity(String.class).isEqualTo("STAFF_NOT_FOUND");
        managerA.document(RESET).variable("id", otherManagerA).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();

        managerA.documentName("setStaffEnabled").variable("staffId", clerkB).variable("enabled", false).execute()
                .path("setStaffEnabled.userErrors[0].code").entity(String.class).isEqualTo("STAFF_NOT_FOUND");
        managerA.documentName("setStaffEnabled").variable("staffId", clerkA).variable("enabled", false).execute()
                .path("setStaffEnabled.staff.enabled").entity(Boolean.class).isEqualTo(false);
        assertThat(db.sql("select enabled from staff where id = :id").bind("id", Long.parseLong(clerkB))
                .map(row -> row.get("enabled", Boolean.class)).one().block()).isTrue();
    }

    @Test
    void aStoreManagerCreatesClerksAtTheirOwnStoreOnly() {
        String storeA = createStore("hire");
        String storeB = createStore("nohire");
        HttpGraphQlTester managerA = newStaff(storeA, "STORE_MANAGER");

        managerA.documentName("createStaff").variable("input", Map.of("username", unique("c"), "password", STAFF_PASSWORD,
                        "role", "CLERK")).execute()
                .path("createStaff.staff.storeId").entity(String.class).isEqualTo(storeA);
        managerA.documentName("createStaff").variable("input", Map.of("username", unique("c"), "password", STAFF_PASSWORD,
                        "role", "CLERK", "storeId", storeB)).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        managerA.documentName("createStaff").variable("input", Map.of("username", unique("m"), "password", STAFF_PASSWORD,
                        "role", "STORE_MANAGER")).execute()
                .path("createStaff.userErrors[0].field").entityList(String.class).containsExactly("input", "role");
    }

    @Test
    void anAdminChangesOthersPasswordsButNotTheirOwn() {
        String self = admin().documentName("currentStaff").execute().path("currentStaff.id").entity(String.class).get();
        admin().document(RESET).variable("id", self).execute()
                .path("resetStaffPassword.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("resetStaffPassword.userErrors[0].field").entityList(String.class).containsExactly("input", "staffId");
    }

    @Test
    void aNewPasswordHasEightCharactersAndIsNotTheCurrentOne() {
        HttpGraphQlTester clerk = newStaff(createStore("pw"), "CLERK");
        clerk.document(CHANGE).variable("current", STAFF_PASSWORD).variable("next", "short").execute()
                .path("changeMyPassword.userErrors[0].field").entityList(String.class).containsExactly("input", "newPassword");
        clerk.document(CHANGE).variable("current", STAFF_PASSWORD).variable("next", STAFF_PASSWORD).execute()
                .path("changeMyPassword.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        clerk.documentName("currentStaff").execute().path("currentStaff.id").hasValue();
    }

    @Test
    void aMovedClerkSignsInAgainAtTheNewStore() {
        String from = createStore("from");
        String to = createStore("to");
        String clerk = createStaff(from, "CLERK");
        HttpGraphQlTester before = staff(clerk, STAFF_PASSWORD);
        String id = idOf(clerk);

        admin().document(MOVE).variable("id", id).variable("store", to).execute()
                .path("moveStaff.staff.storeId").entity(String.class).isEqualTo(to);
        before.documentName("currentStaff").execute()
                .errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))).verify();
        staff(clerk, STAFF_PASSWORD).documentName("currentStaff").execute()
                .path("currentStaff.storeId").entity(String.class).isEqualTo(to);
        admin().document("""
                        query($id: ID!) { staffActions(subject: "STAFF", subjectId: $id, action: "MOVE_STAFF") {
                          edges { node { before after } } } }""")
                .variable("id", id).execute()
                .path("staffActions.edges[0].node.before").entity(String.class)
                .satisfies(json -> assertThat(json).contains("\"storeId\": " + from))
                .path("staffActions.edges[0].node.after").entity(String.class)
                .satisfies(json -> assertThat(json).contains("\"storeId\": " + to));
    }

    @Test
    void staffAreNotMovedIntoAClosedStoreNorAreMarketersMoved() {
        String from = createStore("open");
        String closed = createStore("closed");
        admin().document("mutation($id: ID!) { closeStore(input: {storeId: $id}) { userErrors { code } } }")
                .variable("id", closed).execute().path("closeStore.userErrors").entityList(Object.class).hasSize(0);
        String clerk = idOf(createStaff(from, "CLERK"));

        admin().document(MOVE).variable("id", clerk).variable("store", closed).execute()
                .path("moveStaff.userErrors[0].code").entity(String.class).isEqualTo("STORE_CLOSED")
                .path("moveStaff.userErrors[0].field").entityList(String.class).containsExactly("input", "storeId");
        String marketer = marketerId();
        admin().document(MOVE).variable("id", marketer).variable("store", from).execute()
                .path("moveStaff.userErrors[0].field").entityList(String.class).containsExactly("input", "staffId");
    }

    @Test
    void aRoleChangeKeepsTheStoreRuleAndEndsTheSessions() {
        String store = createStore("roles");
        String clerk = createStaff(store, "CLERK");
        HttpGraphQlTester before = staff(clerk, STAFF_PASSWORD);
        String id = idOf(clerk);

        admin().document(UPDATE).variable("input", Map.of("staffId", id, "role", "STORE_MANAGER", "displayName", "王店长"))
                .execute()
                .path("updateStaff.staff.role").entity(String.class).isEqualTo("STORE_MANAGER")
                .path("updateStaff.staff.storeId").entity(String.class).isEqualTo(store)
                .path("updateStaff.staff.displayName").entity(String.class).isEqualTo("王店长");
        before.documentName("currentStaff").execute()
                .errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))).verify();

        admin().document(UPDATE).variable("input", Map.of("staffId", id, "role", "MARKETER")).execute()
                .path("updateStaff.staff.role").entity(String.class).isEqualTo("MARKETER")
                .path("updateStaff.staff.storeId").valueIsNull();
        admin().document(UPDATE).variable("input", Map.of("staffId", id, "role", "CLERK")).execute()
                .path("updateStaff.userErrors[0].field").entityList(String.class).containsExactly("input", "storeId");
        admin().document(UPDATE).variable("input", Map.of("staffId", id, "role", "CLERK", "storeId", store)).execute()
                .path("updateStaff.staff.storeId").entity(String.class).isEqualTo(store);
        admin().document(UPDATE).variable("input", Map.of("staffId", id, "role", "ADMIN")).execute()
                .path("updateStaff.userErrors[0].field").entityList(String.class).containsExactly("input", "role");
        staff(clerk, STAFF_PASSWORD).documentName("currentStaff").execute()
                .path("currentStaff.role").entity(String.class).isEqualTo("CLERK");
    }

    private String marketerId() {
        String username = unique("marketer");
        admin().documentName("createStaff")
                .variable("input", Map.of("username", username, "password", STAFF_PASSWORD, "role", "MARKETER"))
                .execute().path("createStaff.userErrors").entityList(Object.class).hasSize(0);
        return idOf(username);
    }

    private String idOf(String username) {
        return String.valueOf(db.sql("select id from staff where username = :u").bind("u", username)
                .map(row -> row.get("id", Long.class)).one().block());
    }
}
