package com.loyalty.analytics.today;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Today's numbers on the manager's page, for a hand-built brand on 2026-11-23 (China time).
 * <pre>
 * member  registered             orders (day: yuan)                     in the 30 days 10-25..11-23
 * A       today, at the store    11-13:50  today:100                    2
 * B       today, no store        10-24:30 (day 31, outside)  today:20   1
 * C       10-01, at the store    10-25:80 (day 30, inside)  11-03:40    2
 * D       10-01, at the store    none
 * today: 2 orders, ¥120; buyers 3, twice or more 2 -> repurchase 2/3; new at the store 1, brand 2
 * points: A +1500, C +300 by adjustment, D +200 then -200 -> liability 1800 points = ¥18
 * </pre>
 */
class TodayNumbersTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brandProperties;

    HandBuiltBrand brand;
    HttpGraphQlTester manager;

    @BeforeEach
    void handBuiltBrand() {
        clock.setTo(TODAY.atTime(LocalTime.of(15, 0)).atZone(brandProperties.zone()).toInstant());
        brand = new HandBuiltBrand(db, passwords, brandProperties.zone(), STAFF_PASSWORD);
        manager = staff(brand.managerUsername, STAFF_PASSWORD);
        long a = atTheStore(brand.member("A", TODAY));
        long b = brand.member("B", TODAY);
        long c = atTheStore(brand.member("C", LocalDate.of(2026, 10, 1)));
        long d = atTheStore(brand.member("D", LocalDate.of(2026, 10, 1)));
        brand.purchase(a, LocalDate.of(2026, 11, 13), 5000);
        brand.purchase(a, TODAY, 10000);
        brand.purchase(b, LocalDate.of(2026, 10, 24), 3000);
        brand.purchase(b, TODAY, 2000);
        brand.purchase(c, LocalDate.of(2026, 10, 25), 8000);
        brand.purchase(c, LocalDate.of(2026, 11, 3), 4000);
        adjust(a, 1500);
        adjust(c, 300);
        adjust(d, 200);
        adjust(d, -200);
    }

    @Test
    void managerSeesTodaysNewMembersOrdersRepurchaseRateAndPointsLiability() {
        Map<String, Object> numbers = today(manager, null);

        assertThat(numbers).containsEntry("day", "2026-11-23").containsEntry("storeId", String.valueOf(brand.storeId))
                .containsEntry("newMembers", 1).containsEntry("orders", 2).containsEntry("salesCents", 12000)
                .containsEntry("buyers30d", 3).containsEntry("pointsLiability", 1800)
                .containsEntry("pointsLiabilityCents", 1800);
        assertThat((Double) numbers.get("repurchaseRate30d")).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aManagerCannotReadAnotherStoresNumbers() {
        String otherStore = createStore("elsewhere");
        manager.documentName("todayNumbers").variable("storeId", otherStore).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void clerksAndMembersDoNotSeeTheNumbers() {
        newStaff(createStore("counter"), "CLERK").documentName("todayNumbers").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        member(unique("curious")).documentName("todayNumbers").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void adminSeesTheirWholeBrandWhenNoStoreIsNamed() {
        Map<String, Object> before = today(admin(), null);
        member(unique("newcomer"));

        Map<String, Object> after = today(admin(), null);
        assertThat(after).containsEntry("storeId", null);
        assertThat((Integer) after.get("newMembers")).isEqualTo((Integer) before.get("newMembers") + 1);
    }

    private long atTheStore(long memberId) {
        db.sql("update member set registration_store_id = :s where id = :m")
                .bind("s", brand.storeId).bind("m", memberId).then().block();
        return memberId;
    }

    /** Adjusts by the manager in grants of at most 500 (a manager's cap per grant; 2000 a day). */
    private void adjust(long memberId, long delta) {
        for (long left = delta; left != 0; ) {
            long grant = left > 0 ? Math.min(left, 500) : left;
            manager.documentName("adjustPoints").variable("input", Map.of("memberId", String.valueOf(memberId),
                            "delta", grant, "reason", "hand-built", "idempotencyKey", unique("adjust")))
                    .execute().path("adjustPoints.userErrors").entityList(Object.class).hasSize(0)
                    .path("adjustPoints.pendingApproval").valueIsNull();
            left -= grant;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> today(HttpGraphQlTester staff, String storeId) {
        return staff.documentName("todayNumbers").variable("storeId", storeId).execute()
                .path("todayNumbers").entity(Map.class).get();
    }
}
