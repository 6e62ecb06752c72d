package com.loyalty.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A staff member at the till: records and refunds purchases for members by id (earning only), for
 * members present at the till (their scanned code's proof: spending too), and guest orders.
 */
public record Till(HttpGraphQlTester staff) {

    /** The member shows a fresh code, this till scans it: the proof that lets one order spend. */
    public String scan(HttpGraphQlTester member) {
        String code = member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
        return staff.documentName("scanMemberCode").variable("token", code).execute()
                .path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0)
                .path("scanMemberCode.tillProof.token").entity(String.class).get();
    }

    /** A purchase of a member at the till, who may spend: scans their code, then records with its proof. */
    public GraphQlTester.Response buyPresent(HttpGraphQlTester member, String orderNo, long amountCents,
                                             Map<String, Object> more) {
        return buyWithProof(scan(member), orderNo, amountCents, more);
    }

    /** A purchase with the proof of an earlier scan (tillProof) instead of a member id. */
    public GraphQlTester.Response buyWithProof(String proof, String orderNo, long amountCents, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(more);
        input.put("tillProof", proof);
        input.put("orderNo", orderNo);
        input.put("amountCents", amountCents);
        return staff.documentName("recordPurchase").variable("input", input).execute();
    }

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
