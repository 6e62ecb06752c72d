package com.loyalty.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Stores at run time: the list with filters, changes, closing and reopening, and what a closed store refuses. */
class StoreLifecycleTest extends IntegrationTest {

    private static final String STORES = """
            query($filter: StoreFilter) { stores(filter: $filter, first: 10) {
              totalCount edges { cursor node { id name status } } pageInfo { hasNextPage endCursor } } }""";
    private static final String CLOSE = """
            mutation($id: ID!, $reason: String) { closeStore(input: {storeId: $id, reason: $reason}) {
              store { id status closedAt closeReason } userErrors { field code } } }""";
    private static final String REOPEN = """
            mutation($id: ID!) { reopenStore(input: {storeId: $id}) { store { status closedAt } userErrors { code } } }""";
    private static final String UPDATE = """
            mutation($input: UpdateStoreInput!) { updateStore(input: $input) {
              store { id name address phone } userErrors { field code } } }""";

    @Test
    void storesAreListedByStatusAndSearchWithATotal() {
        String tag = unique("list");
        String open = createStoreNamed(tag + "-open");
        String closed = createStoreNamed(tag + "-closed");
        admin().document(CLOSE).variable("id", closed).execute();
        HttpGraphQlTester clerk = newStaff(open, "CLERK");

        clerk.document(STORES).variable("filter", Map.of("search", tag)).execute()
                .path("stores.totalCount").entity(Integer.class).isEqualTo(2)
                .path("stores.edges[*].node.id").entityList(String.class).containsExactly(open, closed);
        clerk.document(STORES).variable("filter", Map.of("search", tag, "status", "OPEN")).execute()
                .path("stores.edges[*].node.id").entityList(String.class).containsExactly(open);
        clerk.document(STORES).variable("filter", Map.of("search", tag, "status", "CLOSED")).execute()
                .path("stores.edges[*].node.status").entityList(String.class).containsExactly("CLOSED");
        clerk.document("query($id: ID!) { store(id: $id) { name status } }").variable("id", open).execute()
                .path("store.name").entity(String.class).isEqualTo(tag + "-open")
                .path("store.status").entity(String.class).isEqualTo("OPEN");
        clerk.document("query { store(id: \"999999999\") { name } }").execute().path("store").valueIsNull();
    }

    @Test
    void anAdminChangesAStoresNameAddressAndPhoneAudited() {
        String store = createStore("rename");
        String name = unique("新名字");
        admin().document(UPDATE).variable("input", Map.of("storeId", store, "name", name, "phone", "021-6234 5678",
                        "address", "上海市静安区南京西路 2 号")).execute()
                .path("updateStore.userErrors").entityList(Object.class).hasSize(0)
                .path("updateStore.store.name").entity(String.class).isEqualTo(name)
                .path("updateStore.store.phone").entity(String.class).isEqualTo("021-6234 5678");
        admin().document(UPDATE).variable("input", Map.of("storeId", store, "phone", "")).execute()
                .path("updateStore.store.phone").valueIsNull()
                .path("updateStore.store.name").entity(String.class).isEqualTo(name);

        admin().document("""
                        query($id: ID!) { staffActions(subject: "STORE", subjectId: $id, action: "UPDATE_STORE") {
                          totalCount edges { node { before after } } } }""")
                .variable("id", store).execute()
                .path("staffActions.totalCount").entity(Integer.class).isEqualTo(2)
                .path("staffActions.edges[1].node.after").entity(String.class)
                .satisfies(json -> assertThat(json).contains(name).contains("021-6234 5678"));
    }

    @Test
    void aStoreNameStaysUniqueAndAPhoneLooksLikeOne() {
        String taken = unique("taken");
        createStoreNamed(taken);
        String store = createStore("other");
        admin().document(UPDATE).variable("input", Map.of("storeId", store, "name", taken)).execute()
                .path("updateStore.userErrors[0].code").entity(String.class).isEqualTo("STORE_NAME_TAKEN")
                .path("updateStore.userErrors[0].field").entityList(String.class).containsExactly("input", "name");
        admin().document(UPDATE).variable("input", Map.of("storeId", store, "phone", "call me")).execute()
                .path("updateStore.userErrors[0].field").entityList(String.class).containsExactly("input", "phone");
        admin().document(UPDATE).variable("input", Map.of("storeId", "999999999", "name", unique("x"))).execute()
                .path("updateStore.userErrors[0].code").entity(String.class).isEqualTo("STORE_NOT_FOUND");
    }

    @Test
    void aClosedStoresTillRecordsNothingUntilItReopens() {
        String store = createStore("closing");
        HttpGraphQlTester clerk = newStaff(store, "CLERK");
        String order = unique("o");
        clerk.documentName("recordPurchase").variable("input", Map.of("orderNo", order, "amountCents", 1_000)).execute()
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);

        admin().document(CLOSE).variable("id", store).variable("reason", "装修").execute()
                .path("closeStore.store.status").entity(String.class).isEqualTo("CLOSED")
                .path("closeStore.store.closeReason").entity(String.class).isEqualTo("装修")
                .path("closeStore.store.closedAt").hasValue();

        clerk.documentName("recordPurchase").variable("input", Map.of("orderNo", unique("o"), "amountCents", 1_000))
                .execute()
                .path("recordPurchase.purchase").valueIsNull()
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("STORE_CLOSED");
        clerk.document("""
                        mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) { userErrors { code } } }""")
                .variable("input", Map.of("orderNo", order, "refundNo", unique("r"), "amountCents", 100)).execute()
                .path("refundPurchase.userErrors[0].code").entity(String.class).isEqualTo("STORE_CLOSED");

        admin().document(REOPEN).variable("id", store).execute()
                .path("reopenStore.store.status").entity(String.class).isEqualTo("OPEN")
                .path("reopenStore.store.closedAt").valueIsNull();
        clerk.documentName("recordPurchase").variable("input", Map.of("orderNo", unique("o"), "amountCents", 1_000))
                .execute()
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        admin().document("""
                        query($id: ID!) { staffActions(subject: "STORE", subjectId: $id) { edges { node { action } } } }""")
                .variable("id", store).execute()
                .path("staffActions.edges[*].node.action").entityList(String.class)
                .containsExactly("REOPEN_STORE", "CLOSE_STORE", "CREATE_STORE");
    }

    @Test
    void aClosedStoresQrCodeRegistersTheMemberWithoutTheStore() {
        String store = createStore("qr");
        admin().document(CLOSE).variable("id", store).execute();

        String member = idOf(memberOf(store, unique("qr")));

        Boolean withoutStore = db.sql("""
                        select registration_store_id is null and registration_channel = 'MINI_PROGRAM' as none
                        from member where id = :id""")
                .bind("id", Long.parseLong(member)).map(row -> row.get("none", Boolean.class)).one().block();
        assertThat(withoutStore).isTrue();
    }

    @Test
    void noStaffAreCreatedAtAClosedStore() {
        String store = createStore("nostaff");
        admin().document(CLOSE).variable("id", store).execute();
        admin().documentName("createStaff").variable("input", Map.of("username", unique("c"), "password", STAFF_PASSWORD,
                        "role", "CLERK", "storeId", store)).execute()
                .path("createStaff.userErrors[0].code").entity(String.class).isEqualTo("STORE_CLOSED");
    }

    @Test
    void onlyAnAdminChangesClosesOrReopensAStore() {
        String store = createStore("guarded");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        manager.document(CLOSE).variable("id", store).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        manager.document(UPDATE).variable("input", Map.of("storeId", store, "name", unique("mine"))).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        newMarketer().document(REOPEN).variable("id", store).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    private String createStoreNamed(String name) {
        return admin().documentName("createStore").variable("input", Map.of("name", name)).execute()
                .path("createStore.userErrors").entityList(Object.class).hasSize(0)
                .path("createStore.store.id").entity(String.class).get();
    }
}
