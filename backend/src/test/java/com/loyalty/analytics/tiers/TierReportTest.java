package com.loyalty.analytics.tiers;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.EconomyExports;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.HandBuiltEconomy;
import com.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Tier distribution and moves for a hand-built brand, today 2026-06-15, range 03-01..05-31 by month.
 * Levels 0 普通, 1 银卡, 2 金卡, 3 黑钻. P..T registered at the brand's store, U at the other store.
 * <pre>
 * member  registered   tier changes (i: right after a purchase, r: at the month's review)
 * P       2026-01-10   02-10 0->1 i, 04-01 1->2 r(2026-04)
 * Q       2026-02-01   03-15 0->1 i, 05-20 1->2 i
 * R       2025-10-01   2025-11-05 0->1 i, 05-01 1->0 r(2026-05)
 * S       2026-04-10   none
 * T       2026-06-05   none
 * U       2026-03-20   04-02 0->1 i                       (other store)
 * reviews: 2026-03 P R; 2026-04 P Q R; 2026-05 P Q R (+U)
 *
 * store   end of March: P1 Q1 R1           -> L0 0, L1 3, L2 0
 *         end of April: P2 Q1 R1 S0        -> L0 1, L1 2, L2 1
 *         end of May:   P2 Q2 R0 S0        -> L0 2, L1 0, L2 2
 *         now:          + T0               -> L0 3, L1 0, L2 2   (shares 0.6, 0, 0.4)
 *         moves 2026-03: reviewed 2, instant up 1; 04: reviewed 3, review up 1; 05: reviewed 3, down 1, instant up 1
 * brand   adds U: March L0 +1; April and May L1 +1; now L1 1; April instant up +1; May reviewed 4
 * </pre>
 */
class TierReportTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brandProperties;

    HandBuiltBrand brand;
    HandBuiltEconomy more;

    @BeforeEach
    void handBuiltBrand() {
        clock.setTo(LocalDate.of(2026, 6, 15).atTime(LocalTime.of(15, 0)).atZone(brandProperties.zone()).toInstant());
        brand = new HandBuiltBrand(db, passwords, brandProperties.zone(), STAFF_PASSWORD);
        more = new HandBuiltEconomy(brand, db, passwords, brandProperties.zone());
        more.tiers();
        long other = more.store("other");
        long p = atStore("P", "2026-01-10");
        long q = atStore("Q", "2026-02-01");
        long r = atStore("R", "2025-10-01");
        atStore("S", "2026-04-10");
        atStore("T", "2026-06-05");
        long u = more.registeredAt(brand.member("U", day("2026-03-20")), other);
        more.tierChange(p, 0, 1, day("2026-02-10"), null);
        more.tierChange(p, 1, 2, day("2026-04-01"), day("2026-04-01"));
        more.tierChange(q, 0, 1, day("2026-03-15"), null);
        more.tierChange(q, 1, 2, day("2026-05-20"), null);
        more.tierChange(r, 0, 1, day("2025-11-05"), null);
        more.tierChange(r, 1, 0, day("2026-05-01"), day("2026-05-01"));
        more.tierChange(u, 0, 1, day("2026-04-02"), null);
        review(p, "2026-03-01", 1, 1);
        review(r, "2026-03-01", 1, 1);
        review(p, "2026-04-01", 1, 2);
        review(q, "2026-04-01", 1, 1);
        review(r, "2026-04-01", 1, 1);
        review(p, "2026-05-01", 2, 2);
        review(q, "2026-05-01", 1, 1);
        review(r, "2026-05-01", 1, 0);
        review(u, "2026-05-01", 1, 1);
    }

    @Test
    void managerSeesTiersNowAtEachMonthEndAndTheMovesOfEachMonth() {
        Map<String, Object> report = report(staff(brand.managerUsername, STAFF_PASSWORD), null);

        assertThat(report).containsEntry("storeId", String.valueOf(brand.storeId));
        assertThat(report.get("tiers")).isEqualTo(List.of(
                Map.of("level", 0, "name", "普通", "members", 3, "share", 0.6),
                Map.of("level", 1, "name", "银卡", "members", 0, "share", 0.0),
                Map.of("level", 2, "name", "金卡", "members", 2, "share", 0.4),
                Map.of("level", 3, "name", "黑钻", "members", 0, "share", 0.0)));
        assertThat(levels(report)).containsExactly(List.of(0, 3, 0, 0), List.of(1, 2, 1, 0), List.of(2, 0, 2, 0));
        assertThat(report.get("moves")).isEqualTo(List.of(
                moves("2026-03", 2, 0, 0, 1), moves("2026-04", 3, 1, 0, 0), moves("2026-05", 3, 0, 1, 1)));
    }

    @Test
    void adminSeesTheWholeBrand() {
        HttpGraphQlTester admin = staff(more.staff("ADMIN", null, STAFF_PASSWORD), STAFF_PASSWORD);

        Map<String, Object> report = report(admin, null);

        assertThat(report).containsEntry("storeId", null);
        assertThat(levels(report)).containsExactly(List.of(1, 3, 0, 0), List.of(1, 3, 1, 0), List.of(2, 1, 2, 0));
        assertThat(report.get("moves")).isEqualTo(List.of(
                moves("2026-03", 2, 0, 0, 1), moves("2026-04", 3, 1, 0, 1), moves("2026-05", 4, 0, 1, 1)));
    }

    @Test
    void theTierExportHasTheSameNumbers() {
        Map<String, Object> range = Map.of("from", "2026-03-01", "to", "2026-05-31", "granularity", "MONTH");

        assertThat(EconomyExports.lines(staff(brand.managerUsername, STAFF_PASSWORD), "TIERS", range)).containsExactly(
                "类型,开始日期,结束日期,普通会员数,银卡会员数,金卡会员数,黑钻会员数,复核人数,复核升级,复核降级,即时升级",
                "期末分布,2026-03-01,2026-03-31,0,3,0,0,,,,",
                "期末分布,2026-04-01,2026-04-30,1,2,1,0,,,,",
                "期末分布,2026-05-01,2026-05-31,2,0,2,0,,,,",
                "当前分布,,,3,0,2,0,,,,",
                "月度变动,2026-03-01,2026-03-31,,,,,2,0,0,1",
                "月度变动,2026-04-01,2026-04-30,,,,,3,1,0,0",
                "月度变动,2026-05-01,2026-05-31,,,,,3,0,1,1");
    }

    private long atStore(String name, String registered) {
        return more.registeredAt(brand.member(name, day(registered)), brand.storeId);
    }

    private void review(long member, String month, int before, int after) {
        more.tierReview(member, day(month), before, after);
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }

    private static Map<String, Object> moves(String month, int reviewed, int up, int down, int instant) {
        return Map.of("month", month, "reviewed", reviewed, "reviewUpgrades", up, "reviewDowngrades", down,
                "instantUpgrades", instant, "upgrades", up + instant, "downgrades", down);
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> levels(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("series")).stream()
                .map(p -> ((List<Map<String, Object>>) p.get("tiers")).stream().map(t -> t.get("members")).toList())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(HttpGraphQlTester staff, String storeId) {
        Map<String, Object> range = new HashMap<>(Map.of("from", "2026-03-01", "to", "2026-05-31", "granularity", "MONTH"));
        range.put("storeId", storeId);
        return staff.documentName("tierReport").variable("range", range).execute()
                .path("tierReport").entity(Map.class).get();
    }
}
