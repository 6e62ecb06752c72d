package com.loyalty.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Points-mall goods for tests outside the mall's own: created and put on sale by a marketer. */
public final class TestMallGoods {

    private TestMallGoods() {
    }

    /** Goods named 好物… with a stock of 100 unless {@code settings} say otherwise, on sale; their id. */
    public static String onSale(HttpGraphQlTester marketer, Map<String, Object> settings) {
        Map<String, Object> input = new HashMap<>(Map.of("name", IntegrationTest.unique("好物"), "stock", 100));
        input.putAll(settings);
        String id = marketer.document("mutation($input: CreateMallGoodsInput!) { createMallGoods(input: $input) { goods { id } userErrors { code } } }")
                .variable("input", input).execute()
                .path("createMallGoods.userErrors").entityList(Object.class).hasSize(0)
                .path("createMallGoods.goods.id").entity(String.class).get();
        marketer.document("mutation($id: ID!) { publishMallGoods(input: {goodsId: $id}) { userErrors { code } } }")
                .variable("id", id).execute().path("publishMallGoods.userErrors").entityList(Object.class).hasSize(0);
        return id;
    }
}
