package com.loyalty.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.Till;
import com.loyalty.support.WebhookReceiver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event a subscription may ask for arrives when it happens in the programme: a member joins,
 * gets and uses a coupon on a purchase that lifts their tier, gets a refund, tops up their card,
 * and a campaign ends; each payload carries what docs/integration.md says, phone numbers masked.
 */
class WebhookEventsTest extends WebhookTestSupport {

    @Autowired
    JsonMapper json;

    @Test
    void eachEventOfTheProgrammeArrivesWithItsDocumentedFields() {
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            subscribe(apiClient("all-events"), receiver.url(), "MEMBER_REGISTERED", "PURCHASE_RECORDED",
                    "PURCHASE_REFUNDED", "POINTS_CHANGED", "TIER_CHANGED", "COUPON_ISSUED", "COUPON_REDEEMED",
                    "WALLET_CHANGED", "CAMPAIGN_ENDED");
            String storeId = createStore("events");
            HttpGraphQlTester clerk = newStaff(storeId, "CLERK");
            HttpGraphQlTester member = memberOf(storeId, unique("everything"));
            String memberId = idOf(member);
            String phone = bindFreshPhone(member);

            String coupon = claimedCoupon(member);
            new Till(clerk).buyPresent(member, "EV-1", 150_000, new HashMap<>(Map.of("couponIds", List.of(coupon))))
                    .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
            new Till(clerk).refund("EV-1", "EV-1-R", 10_000)
                    .path("refundPurchase.userErrors").entityList(Object.class).hasSize(0);
            recharge(clerk, member);
            endACampaign();

            deliverDue();

            Map<String, Object> registered = data(receiver, "member.registered");
            assertThat(registered).containsEntry("memberId", memberId).containsEntry("storeId", storeId)
                    .containsEntry("channel", "STORE").containsKeys("registeredAt", "phoneMasked");
            assertThat(data(receiver, "coupon.issued")).containsEntry("couponId", coupon)
                    .containsEntry("memberId", memberId).containsEntry("source", "CLAIM")
                    .containsEntry("templateName", "满200减50");
            Map<String, Object> purchase = data(receiver, "purchase.recorded");
            assertThat(purchase).containsEntry("orderNo", "EV-1").containsEntry("amountCents", 150_000)
                    .containsEntry("couponDiscountCents", 5_000);
            assertThat(data(receiver, "coupon.redeemed")).containsEntry("couponId", coupon)
                    .containsEntry("purchaseId", purchase.get("purchaseId")).containsEntry("storeId", storeId);
            assertThat(data(receiver, "tier.changed")).containsEntry("memberId", memberId)
                    .containsEntry("fromLevel", 0).containsEntry("direction", "UP").containsKeys("toName", "reason");
            assertThat(data(receiver, "purchase.refunded")).containsEntry("refundNo", "EV-1-R")
                    .containsEntry("amountCents", 10_000).containsEntry("purchaseId", purchase.get("purchaseId"));
            assertThat(receiver.received("points.changed")).as("earned, then reversed by the refund").hasSize(2);
            assertThat(data(receiver, "wallet.changed")).containsEntry("memberId", memberId)
                    .containsEntry("kind", "RECHARGE").containsEntry("principalDeltaCents", 10_000)
                    .containsEntry("bonusDeltaCents", 1_000).containsEntry("balanceCents", 11_000);
            assertThat(data(receiver, "campaign.ended")).containsEntry("name", "春季活动").containsKey("endedAt");
            assertThat(receiver.received()).as("no payload carries the member's phone number")
                    .allSatisfy(r -> assertThat(r.body()).doesNotContain(phone));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(WebhookReceiver receiver, String type) {
        List<WebhookReceiver.Received> got = receiver.received(type);
        assertThat(got).as(type).hasSize(1);
        Map<String, Object> body = json.readValue(got.get(0).body(), Map.class);
        assertThat(body).containsEntry("type", type).containsEntry("version", 1);
        return (Map<String, Object>) body.get("data");
    }

    private String claimedCoupon(HttpGraphQlTester member) {
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "满200减50",
                        "kind", "AMOUNT_OFF", "amountOffCents", 5_000, "thresholdCents", 20_000, "validDays", 30))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        return member.documentName("claimCoupon").variable("templateId", template).variable("key", unique("k"))
                .execute().path("claimCoupon.coupon.id").entity(String.class).get();
    }

    private void recharge(HttpGraphQlTester clerk, HttpGraphQlTester member) {
        String pack = admin().documentName("createRechargePackage").variable("input", Map.of("name", unique("充100送10"),
                        "payCents", 10_000, "bonusCents", 1_000)).execute()
                .path("createRechargePackage.rechargePackage.id").entity(String.class).get();
        String code = member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
        clerk.documentName("rechargeAtTill").variable("input", Map.of("memberCodeToken", code, "packageId", pack,
                        "receiptNo", unique("R"), "paidBy", "CASH")).execute()
                .path("rechargeAtTill.userErrors").entityList(Object.class).hasSize(0);
    }

    private void endACampaign() {
        String campaign = admin().documentName("createCampaign").variable("input", Map.of("name", "春季活动",
                        "startsAt", clock.instant().plus(Duration.ofDays(1)).toString(),
                        "endsAt", clock.instant().plus(Duration.ofDays(10)).toString(), "budget", 1_000,
                        "audience", "EVERYONE", "benefit", "POINTS", "points", 10))
                .execute().path("createCampaign.userErrors").entityList(Object.class).hasSize(0)
                .path("createCampaign.campaign.id").entity(String.class).get();
        admin().document("mutation($id: ID!) { endCampaign(campaignId: $id) { userErrors { code } } }")
                .variable("id", campaign).execute().path("endCampaign.userErrors").entityList(Object.class).hasSize(0);
    }
}
