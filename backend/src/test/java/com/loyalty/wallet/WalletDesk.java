package com.loyalty.wallet;

import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Stored-value calls of tests: packages, recharges and payments at a till, the member's card. */
record WalletDesk(HttpGraphQlTester staff) {

    /** A fresh member code, as the member's card shows it. */
    static String codeOf(HttpGraphQlTester member) {
        return member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
    }

    /** Creates a package (pay, bonus, more fields) and returns its id. */
    String createPackage(long payCents, long bonusCents, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(more);
        input.put("name", "充" + payCents / 100 + "送" + bonusCents / 100);
        input.put("payCents", payCents);
        input.put("bonusCents", bonusCents);
        return staff.documentName("createRechargePackage").variable("input", input).execute()
                .path("createRechargePackage.userErrors").entityList(Object.class).hasSize(0)
                .path("createRechargePackage.rechargePackage.id").entity(String.class).get();
    }

    String createPackage(long payCents, long bonusCents) {
        return createPackage(payCents, bonusCents, Map.of());
    }

    GraphQlTester.Response recharge(HttpGraphQlTester member, String packageId, String receiptNo) {
        return rechargeWithCode(codeOf(member), packageId, receiptNo, "CASH");
    }

    GraphQlTester.Response rechargeWithCode(String code, String packageId, String receiptNo, String paidBy) {
        return staff.documentName("rechargeAtTill").variable("input", Map.of("memberCodeToken", code,
                "packageId", packageId, "receiptNo", receiptNo, "paidBy", paidBy)).execute();
    }

    /** Recharges and checks it went through; returns the recharge id. */
    String recharged(HttpGraphQlTester member, String packageId, String receiptNo) {
        return recharge(member, packageId, receiptNo)
                .path("rechargeAtTill.userErrors").entityList(Object.class).hasSize(0)
                .path("rechargeAtTill.recharge.id").entity(String.class).get();
    }

    GraphQlTester.Response pay(HttpGraphQlTester member, String orderNo, long amountCents, long walletCents) {
        return payWithCode(codeOf(member), orderNo, amountCents, walletCents);
    }

    GraphQlTester.Response payWithCode(String code, String orderNo, long amountCents, long walletCents) {
        return staff.documentName("walletPurchase").variable("input", Map.of("memberCodeToken", code,
                "orderNo", orderNo, "amountCents", amountCents, "walletAmountCents", walletCents)).execute();
    }

    GraphQlTester.Response refund(String orderNo, String refundNo, long amountCents) {
        return staff.documentName("walletRefund").variable("input", Map.of("orderNo", orderNo,
                "refundNo", refundNo, "amountCents", amountCents)).execute();
    }

    GraphQlTester.Response refundRecharge(String rechargeId, String reason) {
        return staff.documentName("refundRecharge").variable("input", Map.of("rechargeId", rechargeId,
                "reason", reason)).execute();
    }

    /** The member's card: balanceCents, principalCents, bonusCents. */
    static Map<String, Object> walletOf(HttpGraphQlTester member) {
        @SuppressWarnings("unchecked")
        Map<String, Object> wallet = member.documentName("myWallet").execute().path("me.wallet").entity(Map.class).get();
        return wallet;
    }

    static long balanceOf(HttpGraphQlTester member) {
        return ((Number) walletOf(member).get("balanceCents")).longValue();
    }
}
