package com.loyalty.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Staff find their store's orders (today, by order number, by the member's phone or code) and open one; members see their own. */
class OrderListTest extends IntegrationTest {

    private String store;
    private HttpGraphQlTester clerk;
    private Till till;

    @BeforeEach
    void openTill() {
        store = createStore("orders");
        clerk = newStaff(store, "CLERK");
        till = new Till(clerk);
    }

    @Test
    void aClerkSeesTodaysOrdersOfTheirStoreNewestFirstWithTotalsAndMaskedPhones() {
        HttpGraphQlTester buyer = member(unique("buyer"));
        String phone = "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        buyer.documentName("bindPhone").variable("code", "phone-" + phone).execute()
                .path("bindPhone.userErrors").entityList(Object.class).hasSize(0);
        till.guest("G-1", 10_000);
        till.earn(idOf(buyer), "M-1", 20_000);
        till.refund("M-1", "R-1", 5_000);
        till.guest("OLD-1", 7_000, Map.of("occurredAt", clock.instant().minus(Duration.ofDays(2)).toString()));
        new Till(newStaff(createStore("elsewhere"), "CLERK")).guest("X-1", 3_000);

        clerk.documentName("storeOrders").execute()
                .path("storeOrders.totalCount").entity(Integer.class).isEqualTo(2)
                .path("storeOrders.amountCents").entity(Long.class).isEqualTo(30_000L)
                .path("storeOrders.refundedCents").entity(Long.class).isEqualTo(5_000L)
                .path("storeOrders.edges[*].node.orderNo").entityList(String.class).containsExactly("M-1", "G-1")
                .path("storeOrders.edges[0].node.member.phone").entity(String.class)
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7))
                .path("storeOrders.edges[1].node.memberOrder").entity(Boolean.class).isEqualTo(false)
                .path("storeOrders.edges[1].node.member").valueIsNull();

        String twoDaysAgo = clock.instant().minus(Duration.ofDays(2)).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate().toString();
        clerk.documentName("storeOrders").variable("filter", Map.of("from", twoDaysAgo)).variable("first", 2).execute()
                .path("storeOrders.totalCount").entity(Integer.class).isEqualTo(3)
                .path("storeOrders.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void aSearchFindsOrdersByOrderNumberOrByTheMembersPhoneOrCode() {
        HttpGraphQlTester buyer = member(unique("regular"));
        String phone = "137" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        buyer.documentName("bindPhone").variable("code", "phone-" + phone).execute()
                .path("bindPhone.userErrors").entityList(Object.class).hasSize(0);
        till.earn(idOf(buyer), "T20261123-0001", 1_000);
        till.earn(idOf(buyer), "T20261123-0002", 2_000);
        till.guest("T20261123-0103", 3_000);

        assertThat(search("0103")).containsExactly("T20261123-0103");
        assertThat(search(phone.substring(0, 3) + " " + phone.substring(3))).containsExactly("T20261123-0002", "T20261123-0001");
        String code = buyer.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
        assertThat(search(code)).containsExactly("T20261123-0002", "T20261123-0001");
        assertThat(search("13000000000")).isEmpty();
        assertThat(search("100%_")).isEmpty();
    }

    @Test
    void aPhoneSearchIsAMemberLookupAuditedWithThePhoneMaskedWhileAnOrderNumberSearchIsNot() {
        String clerkId = clerk.documentName("currentStaff").execute().path("currentStaff.id").entity(String.class).get();
        String phone = "136" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        till.guest("T20261207-0042", 1_000);

        assertThat(search(phone)).isEmpty();
        assertThat(search("T20261207-0042")).containsExactly("T20261207-0042");
        assertThat(search("881234567890123452")).isEmpty(); // digits of no live code: nothing, no error

        List<AuditEntry> searches = auditOf(clerkId, "SEARCH_ORDERS");
        assertThat(searches).hasSize(1);
        assertThat(searches.get(0).storeId()).isEqualTo(store);
        assertThat(searches.get(0).detail()).contains(phone.substring(0, 3) + "****" + phone.substring(7)).doesNotContain(phone);
    }

    @Test
    void anOrderOpensWithItsLinesRefundsAndCoupons() {
        HttpGraphQlTester buyer = member(unique("detail"));
        till.earn(idOf(buyer), "E-1", 50_000);
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "满100减10",
                        "kind", "AMOUNT_OFF", "amountOffCents", 1_000, "thresholdCents", 10_000, "validDays", 30))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        String coupon = buyer.documentName("claimCoupon").variable("templateId", template).variable("key", "k")
                .execute().path("claimCoupon.coupon.id").entity(String.class).get();
        String id = till.buyPresent(buyer, "D-1", 12_000, Map.of("couponIds", List.of(coupon), "items", List.of(
                        Map.of("sku", "B-1", "name", "法棍", "category", "面包", "quantity", 2, "unitPriceCents", 3_000),
                        Map.of("sku", "C-1", "name", "拿铁", "quantity", 2, "unitPriceCents", 3_000))))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.id").entity(String.class).get();
        till.refund("D-1", "R-1", 6_000);

        clerk.documentName("storeOrder").variable("id", id).execute()
                .path("storeOrder.orderNo").entity(String.class).isEqualTo("D-1")
                .path("storeOrder.couponDiscountCents").entity(Long.class).isEqualTo(1_000L)
                .path("storeOrder.items[*].name").entityList(String.class).containsExactly("法棍", "拿铁")
                .path("storeOrder.items[0].amountCents").entity(Long.class).isEqualTo(6_000L)
                .path("storeOrder.items[1].category").valueIsNull()
                .path("storeOrder.refunds[*].refundNo").entityList(String.class).containsExactly("R-1")
                .path("storeOrder.refunds[0].amountCents").entity(Long.class).isEqualTo(6_000L)
                .path("storeOrder.coupons[*].template.name").entityList(String.class).containsExactly("满100减10")
                .path("storeOrder.coupons[0].status").entity(String.class).isEqualTo("USED")
                .path("storeOrder.walletPayment").valueIsNull();
    }

    @Test
    void staffSeeOnlyTheirOwnStoresOrders() {
        String other = createStore("other");
        String theirs = new Till(newStaff(other, "CLERK")).guest("B-1", 3_000)
                .path("recordPurchase.purchase.id").entity(String.class).get();

        clerk.documentName("storeOrder").variable("id", theirs).execute().path("storeOrder").valueIsNull();
        newStaff(store, "STORE_MANAGER").documentName("storeOrder").variable("id", theirs).execute()
                .path("storeOrder").valueIsNull();
        clerk.documentName("storeOrders").variable("storeId", other).execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN).verify();
        admin().documentName("storeOrder").variable("id", theirs).execute()
                .path("storeOrder.orderNo").entity(String.class).isEqualTo("B-1");
        admin().documentName("storeOrders").variable("storeId", other).execute()
                .path("storeOrders.edges[*].node.orderNo").entityList(String.class).containsExactly("B-1");
    }

    @Test
    void aBadRangeIsAClearError() {
        clerk.documentName("storeOrders").variable("filter", Map.of("from", "2026-03-02", "to", "2026-03-01")).execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("开始日期")).verify();
        clerk.documentName("storeOrders").variable("filter", Map.of("from", "2024-01-01", "to", "2026-01-01")).execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("366")).verify();
    }

    @Test
    void aMemberSeesTheirOwnOrdersOnly() {
        HttpGraphQlTester me = member(unique("me"));
        HttpGraphQlTester someoneElse = member(unique("else"));
        till.earn(idOf(me), "ME-1", 10_000);
        String second = till.buy(idOf(me), "ME-2", 20_000, Map.of("items", List.of(
                        Map.of("sku", "B-1", "name", "吐司", "quantity", 1, "unitPriceCents", 20_000))))
                .path("recordPurchase.purchase.id").entity(String.class).get();
        String theirs = till.buy(idOf(someoneElse), "ELSE-1", 5_000).path("recordPurchase.purchase.id")
                .entity(String.class).get();
        till.refund("ME-2", "R-ME", 20_000);

        me.documentName("myOrders").variable("first", 1).execute()
                .path("myOrders.totalCount").entity(Integer.class).isEqualTo(2)
                .path("myOrders.edges[*].node.orderNo").entityList(String.class).containsExactly("ME-2")
                .path("myOrders.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        me.documentName("myOrder").variable("id", second).execute()
                .path("myOrder.items[0].name").entity(String.class).isEqualTo("吐司")
                .path("myOrder.refunds[0].amountCents").entity(Long.class).isEqualTo(20_000L);
        me.documentName("myOrder").variable("id", theirs).execute().path("myOrder").valueIsNull();
    }

    private List<String> search(String text) {
        return clerk.documentName("storeOrders").variable("filter", Map.of("search", text)).execute()
                .path("storeOrders.edges[*].node.orderNo").entityList(String.class).get();
    }
}
