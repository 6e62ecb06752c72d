package com.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DataExportTest extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void theExportHoldsEveryRecordOfTheMemberAndNothingOfAnyoneElse() {
        HttpGraphQlTester ann = member(unique("ann"));
        ann.documentName("updateProfile").variable("input", Map.of("nickname", "安妮", "birthday", "1992-06-01"))
                .execute().path("updateProfile.userErrors").entityList(Object.class).hasSize(0);
        String annId = idOf(ann);
        String inviteCode = ann.document("{ me { inviteCode } }").execute().path("me.inviteCode").entity(String.class).get();
        // ben registers through ann's invitation and shops too: his records must stay out of ann's export
        String benName = unique("ben");
        anonymous().documentName("login").variable("input", Map.of("code", "dev-" + benName, "inviterCode", inviteCode))
                .execute().path("login.userErrors").entityList(Object.class).hasSize(0);
        HttpGraphQlTester ben = member(benName);
        ben.documentName("updateProfile").variable("input", Map.of("nickname", "本杰明")).execute();
        String benId = idOf(ben);

        Till till = new Till(newStaff(createStore("export"), "CLERK"));
        String annOrder = unique("ANN");
        till.buy(annId, annOrder, 25_000, Map.of("items", List.of(Map.of("sku", "tea", "name", "乌龙茶",
                "quantity", 1, "unitPriceCents", 25_000)))).path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        till.refund(annOrder, unique("AR"), 5_000).path("refundPurchase.userErrors").entityList(Object.class).hasSize(0);
        String benOrder = unique("BEN");
        till.earn(benId, benOrder, 9_900);
        ann.documentName("checkIn").execute();
        ben.documentName("checkIn").execute();
        Map<String, Object> template = new HashMap<>(Map.of("name", "导出券", "kind", "AMOUNT_OFF",
                "amountOffCents", 1_000, "thresholdCents", 5_000, "validDays", 30));
        String templateId = admin().documentName("createCouponTemplate").variable("input", template).execute()
                .path("createCouponTemplate.template.id").entity(String.class).get();
        ann.documentName("claimCoupon").variable("templateId", templateId).variable("key", "x").execute()
                .path("claimCoupon.userErrors").entityList(Object.class).hasSize(0);
        ben.documentName("claimCoupon").variable("templateId", templateId).variable("key", "x").execute();
        ann.documentName("updateConsents").variable("input", Map.of("marketing", false)).execute();

        var response = ann.documentName("exportMyData").execute();
        String text = response.path("exportMyData.json").entity(String.class).get();
        JsonNode doc = json.readTree(text);
        List<Map<String, Object>> sections = response.path("exportMyData.sections").entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();

        assertThat(doc.get("profile").get("id").asString()).isEqualTo(annId);
        assertThat(doc.get("profile").get("nickname").asString()).isEqualTo("安妮");
        assertThat(doc.get("profile").get("birthday").asString()).isEqualTo("1992-06-01");
        // every record the database holds for her, section by section
        assertThat(doc.get("orders")).hasSize(count("purchase", annId));
        assertThat(doc.get("orders").get(0).get("order_no").asString()).isEqualTo(annOrder);
        assertThat(doc.get("orders").get(0).get("items").get(0).get("name").asString()).isEqualTo("乌龙茶");
        assertThat(doc.get("orders").get(0).get("refunds")).hasSize(1);
        assertThat(doc.get("pointsLedger")).hasSize(count("points_ledger", annId));
        assertThat(doc.get("coupons")).hasSize(count("member_coupon", annId)).hasSize(1);
        assertThat(doc.get("checkIns")).hasSize(count("checkin", annId)).hasSize(1);
        assertThat(doc.get("consents")).hasSize(count("consent_event", annId)).hasSize(3);
        assertThat(doc.get("invitations")).hasSize(db.sql("select count(*) as n from referral_reward where inviter_id = :m or invitee_id = :m")
                .bind("m", Long.parseLong(annId)).map(r -> r.get("n", Long.class)).one().block().intValue());
        assertThat(doc.get("pointsBalance").get(0).get("balance").asLong())
                .isEqualTo(db.sql("select balance from member_points where member_id = :m").bind("m", Long.parseLong(annId))
                        .map(r -> r.get("balance", Long.class)).one().block());
        assertThat(sections).contains(Map.of("name", "orders", "count", 1), Map.of("name", "coupons", "count", 1));
        // and nothing of ben's: not his name, orders, or member id
        assertThat(text).doesNotContain("本杰明").doesNotContain(benOrder).doesNotContain(benName)
                .doesNotContain("\"" + benId + "\"").doesNotContain("invitee_id").doesNotContain("phone_");
    }

    private int count(String table, String memberId) {
        return db.sql("select count(*) as n from " + table + " where member_id = :m").bind("m", Long.parseLong(memberId))
                .map(r -> r.get("n", Long.class)).one().block().intValue();
    }
}
