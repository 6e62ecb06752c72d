package com.loyalty.store;

import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreAdminTest extends IntegrationTest {

    @Test
    void adminOpensAStoreThatStaffThenSee() {
        String name = unique("南京东路店");
        String id = admin().documentName("createStore")
                .variable("input", Map.of("name", name, "address", "上海市黄浦区南京东路 1 号"))
                .execute()
                .path("createStore.store.name").entity(String.class).isEqualTo(name)
                .path("createStore.store.id").entity(String.class).get();

        newStaff(id, "CLERK").document("query($name: String) { stores(filter: {search: $name}) { edges { node { id name } } } }")
                .variable("name", name).execute()
                .path("stores.edges[*].node.name").entityList(String.class).containsExactly(name);
    }

    @Test
    void aStoreNameIsUsedOnceInTheBrand() {
        String name = unique("shop");
        admin().documentName("createStore").variable("input", Map.of("name", name)).execute();

        admin().documentName("createStore").variable("input", Map.of("name", name)).execute()
                .path("createStore.store").valueIsNull()
                .path("createStore.userErrors[0].code").entity(String.class).isEqualTo("STORE_NAME_TAKEN");
    }

    @Test
    void onlyAnAdminOpensStores() {
        String store = createStore("base");
        for (var caller : java.util.List.of(newStaff(store, "STORE_MANAGER"), member(unique("m")))) {
            caller.documentName("createStore").variable("input", Map.of("name", unique("x"))).execute()
                    .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        }
        anonymous().documentName("createStore").variable("input", Map.of("name", unique("x"))).execute()
                .errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))).verify();
    }
}
