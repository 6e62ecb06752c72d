package com.loyalty.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A staff member at the till: records and refunds purchases for members by id, and guest orders. */
public record Till(HttpGraphQlTester staff) {

    public GraphQlTester.Response buy(String memberId, String orderNo, long amountCents) {
        return buy(memberId, orderNo, amountCents, Map.of());
    }

    public GraphQlTester.Response buy(String memberId, String orderNo, long amountCents, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(more);
        input.put("memberId", memberId);
        input.put("orderNo", orderNo);
        input.put("amountCents", amountCents);
        return staff.documentName("recordPurchase").variable("input", input).execute();
    }

    /** A guest order: no member named. */
    public GraphQlTester.Response guest(String orderNo, long amountCents, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(more);
        input.put("orderNo", orderNo);
        input.put("amountCents", amountCents);
        return staff.documentName("recordPurchase").variable("input", input).execute();
    }

    public GraphQlTester.Response guest(String orderNo, long amountCents) {
        return guest(orderNo, amountCents, Map.of());
    }

    public GraphQlTester.Response refund(String orderNo, String refundNo, long amountCents) {
        return staff.documentName("refundPurchase")
                .variable("input", Map.of("orderNo", orderNo, "refundNo", refundNo, "amountCents", amountCents))
                .execute();
    }

    /** Records the purchase and checks it went through. */
    public long earn(String memberId, String orderNo, long amountCents) {
        return buy(memberId, orderNo, amountCents)
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).get();
    }
}
