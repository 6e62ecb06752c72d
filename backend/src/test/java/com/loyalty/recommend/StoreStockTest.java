package com.loyalty.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.wechat.WeChatClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Stock flags: who may set them where, what a repeat does, and the audit trail. */
class StoreStockTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    WeChatClient weChat;

    private BasketBrand bakery;

    @BeforeEach
    void bakery() {
        bakery = new BasketBrand(db, passwords, STAFF_PASSWORD, weChat.appId());
    }

    @Test
    void aClerkFlagsTheirStoreOnceAndARepeatChangesNothingButIsNotAuditedTwice() {
        HttpGraphQlTester clerk = staff(bakery.clerkA, STAFF_PASSWORD);

        set(clerk, null, " CANDLE ", false)
                .path("setStoreStock.changed").entity(Boolean.class).isEqualTo(true)
                .path("setStoreStock.stock.storeId").entity(String.class).isEqualTo(String.valueOf(bakery.storeA))
                .path("setStoreStock.stock.sku").entity(String.class).isEqualTo("CANDLE")
                .path("setStoreStock.stock.inStock").entity(Boolean.class).isEqualTo(false);
        set(clerk, bakery.storeA, "CANDLE", false)
                .path("setStoreStock.changed").entity(Boolean.class).isEqualTo(false)
                .path("setStoreStock.userErrors").entityList(Object.class).hasSize(0);

        assertThat(clerk.documentName("outOfStock").execute().path("outOfStock[*].sku").entityList(String.class).get())
                .containsExactly("CANDLE");
        assertThat(audit()).containsExactly("SET_STOCK CANDLE 缺货");

        set(clerk, null, "CANDLE", true).path("setStoreStock.changed").entity(Boolean.class).isEqualTo(true);
        clerk.documentName("outOfStock").execute().path("outOfStock").entityList(Object.class).hasSize(0);
        assertThat(audit()).containsExactly("SET_STOCK CANDLE 缺货", "SET_STOCK CANDLE 有货");
    }

    @Test
    void clerksAndManagersFlagOnlyTheirOwnStoreAndAnAdminAnyStoreOfTheBrand() {
        forbidden(set(staff(bakery.clerkA, STAFF_PASSWORD), bakery.storeB, "CAKE", false));
        forbidden(set(staff(bakery.managerA, STAFF_PASSWORD), bakery.storeB, "CAKE", false));
        forbidden(set(member(unique("shopper")), bakery.storeA, "CAKE", false));
        forbidden(staff(bakery.clerkA, STAFF_PASSWORD).documentName("outOfStock")
                .variable("storeId", String.valueOf(bakery.storeB)).execute());

        HttpGraphQlTester admin = staff(bakery.admin, STAFF_PASSWORD);
        set(admin, null, "CAKE", false).path("setStoreStock.userErrors[0].code").entity(String.class)
                .isEqualTo("INVALID_INPUT");
        set(admin, bakery.storeB, "CAKE", false).path("setStoreStock.changed").entity(Boolean.class).isEqualTo(true);
        assertThat(admin.documentName("outOfStock").variable("storeId", String.valueOf(bakery.storeB)).execute()
                .path("outOfStock[*].sku").entityList(String.class).get()).containsExactly("CAKE");
        staff(bakery.clerkA, STAFF_PASSWORD).documentName("outOfStock").execute()
                .path("outOfStock").entityList(Object.class).hasSize(0);

        set(admin(), bakery.storeB, "CAKE", true).path("setStoreStock.userErrors[0].code").entity(String.class)
                .isEqualTo("STORE_NOT_FOUND");
        set(staff(bakery.clerkA, STAFF_PASSWORD), null, "  ", true).path("setStoreStock.userErrors[0].field")
                .entityList(String.class).containsExactly("input", "sku");
    }

    private List<String> audit() {
        return db.sql("select action || ' ' || detail as line from staff_audit where brand_id = :b order by id")
                .bind("b", bakery.brandId).map(row -> row.get("line", String.class)).all().collectList().block();
    }

    private static GraphQlTester.Response set(HttpGraphQlTester caller, Long storeId, String sku, boolean inStock) {
        Map<String, Object> input = new HashMap<>();
        input.put("sku", sku);
        input.put("inStock", inStock);
        if (storeId != null) {
            input.put("storeId", String.valueOf(storeId));
        }
        return caller.documentName("setStoreStock").variable("input", input).execute();
    }

    private static void forbidden(GraphQlTester.Response response) {
        response.errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }
}
