package com.loyalty.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * RFM scores, quadrants and lifecycle stages for a hand-built brand, checked against values
 * worked out by hand (see the table in each test).
 */
class RfmAndLifecycleTest extends IntegrationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
    private static final LocalDate LONG_AGO = LocalDate.of(2025, 1, 1);

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brandProperties;

    HandBuiltBrand brand;
    HttpGraphQlTester manager;
    long a, b, c, d, e, f, g;

    /**
     * Five members bought in the window (365 days to 2026-11-30); F never bought; G's only order
     * was refunded in full.
     * <pre>
     * member  orders (day: yuan)                          recency freq  spend  avg   stage
     * A       10-29:300 11-13:300 11-28:300               2       3     900    300   ACTIVE (interval 15)
     * B       11-25:800 (registered 11-20)                5       1     800    800   NEW
     * C       06-01 07-01 08-01 09-01: 100 each           90      4     400    100   CHURNED
     * D       11-01:50 11-11:50                           19      2     100    50    DECLINING (19 > 1.5 x 10)
     * E       2025-10-15:999 (outside) 10-20:200          41      1     200    200   DORMANT
     * F       none, registered 10-01                                                  DORMANT
     * G       11-29:500 refunded, registered 2026-01-01                               CHURNED
     * </pre>
     */
    @BeforeEach
    void handBuiltBrand() {
        brand = new HandBuiltBrand(db, passwords, brandProperties.zone(), STAFF_PASSWORD);
        // brand-wide lists and any member's profile: a marketer of the brand (a manager sees their store's)
        manager = staff(brand.staff("MARKETER", null), STAFF_PASSWORD);
        a = brand.member("A", LONG_AGO);
        brand.purchase(a, day(10, 29), 30000);
        brand.purchase(a, day(11, 13), 30000);
        brand.purchase(a, day(11, 28), 30000);
        b = brand.member("B", day(11, 20));
        brand.purchase(b, day(11, 25), 80000);
        c = brand.member("C", LONG_AGO);
        for (int month = 6; month <= 9; month++) {
            brand.purchase(c, day(month, 1), 10000);
        }
        d = brand.member("D", LONG_AGO);
        brand.purchase(d, day(11, 1), 5000);
        brand.purchase(d, day(11, 11), 5000);
        e = brand.member("E", LONG_AGO);
        brand.purchase(e, LocalDate.of(2025, 10, 15), 99900);
        brand.purchase(e, day(10, 20), 20000);
        f = brand.member("F", day(10, 1));
        g = brand.member("G", LocalDate.of(2026, 1, 1));
        brand.refundAll(brand.purchase(g, day(11, 29), 50000));
        runSegments(AS_OF);
    }

    /**
     * Ranked best first, score = 5 - floor(5 x (rank - 1) / 5); ties share the better rank.
     * <pre>
     * recency  A2 B5 D19 E41 C90           -> R: A5 B4 D3 E2 C1
     * freq     C4 A3 D2 B1 E1 (tie)        -> F: C5 A4 D3 B2 E2
     * spend    A900 B800 C400 E200 D100    -> M: A5 B4 C3 E2 D1
     * avg      B800 A300 E200 C100 D50     -> avg score: B5 A4 E3 C2 D1
     * </pre>
     * High is 3 or more: A RFM high/high/high, B high/low/high, C low/high/high, D high/high/low, E all low.
     */
    @Test
    void rfmScoresAndSegmentsMatchTheHandComputedQuintiles() {
        assertRfm(a, 5, 4, 5, "IMPORTANT_VALUE", "重要价值客户");
        assertRfm(b, 4, 2, 4, "IMPORTANT_DEVELOP", "重要发展客户");
        assertRfm(c, 1, 5, 3, "IMPORTANT_KEEP", "重要保持客户");
        assertRfm(d, 3, 3, 1, "GENERAL_VALUE", "一般价值客户");
        assertRfm(e, 2, 2, 2, "GENERAL_RETAIN", "一般挽留客户");
        profile(f).path("member.rfm").valueIsNull();
        profile(g).path("member.rfm").valueIsNull();
        profile(a).path("member.rfm.recencyDays").entity(Integer.class).isEqualTo(2)
                .path("member.rfm.frequency").entity(Integer.class).isEqualTo(3)
                .path("member.rfm.monetaryCents").entity(Long.class).isEqualTo(90000L);
    }

    @Test
    void quadrantsFollowFrequencyAndAverageOrderValueWithTheirPlays() {
        assertQuadrant(a, "HIGH_FREQUENCY_HIGH_VALUE", "高频高客单");
        assertQuadrant(b, "LOW_FREQUENCY_HIGH_VALUE", "低频高客单");
        assertQuadrant(c, "HIGH_FREQUENCY_LOW_VALUE", "高频低客单");
        assertQuadrant(d, "HIGH_FREQUENCY_LOW_VALUE", "高频低客单");
        assertQuadrant(e, "LOW_FREQUENCY_HIGH_VALUE", "低频高客单");
        profile(a).path("member.quadrant.play").entity(String.class).satisfies(p -> assertThat(p).contains("储值"));
    }

    @Test
    void lifecycleStagesMatchTheHandComputedGaps() {
        assertStage(a, "ACTIVE");
        assertStage(b, "NEW");
        assertStage(c, "CHURNED");
        assertStage(d, "DECLINING");
        assertStage(e, "DORMANT");
        assertStage(f, "DORMANT");
        assertStage(g, "CHURNED");
        profile(a).path("member.lifecycle.usualIntervalDays").entity(Double.class).isEqualTo(15.0);
        profile(d).path("member.lifecycle.usualIntervalDays").entity(Double.class).isEqualTo(10.0);
    }

    @Test
    void stageChangesAreRecordedOnceAndAgainWhenTheStageMoves() {
        runSegments(AS_OF);
        profile(a).path("member.lifecycle.history").entityList(Map.class).hasSize(1);

        // 31 days after A's last order: dormant (a job runs only for a day that has come)
        clock.setTo(LocalDate.of(2026, 12, 29).atTime(12, 0).atZone(brandProperties.zone()).toInstant());
        manager = staff(brand.managerUsername, STAFF_PASSWORD);
        runSegments(LocalDate.of(2026, 12, 29));
        profile(a).path("member.lifecycle.stage").entity(String.class).isEqualTo("DORMANT")
                .path("member.lifecycle.since").entity(String.class).isEqualTo("2026-12-29")
                .path("member.lifecycle.history[0].from").entity(String.class).isEqualTo("ACTIVE")
                .path("member.lifecycle.history[0].to").entity(String.class).isEqualTo("DORMANT");
    }

    @Test
    void overviewCountsMembersPerSegmentQuadrantAndStage() {
        var overview = manager.documentName("memberSegments").execute();
        assertThat(count(overview.path("memberSegments.stages").entityList(Map.class).get(), "stage"))
                .containsEntry("ACTIVE", 1L).containsEntry("NEW", 1L).containsEntry("DECLINING", 1L)
                .containsEntry("DORMANT", 2L).containsEntry("CHURNED", 2L);
        assertThat(count(overview.path("memberSegments.rfmSegments").entityList(Map.class).get(), "segment"))
                .containsEntry("IMPORTANT_VALUE", 1L).containsEntry("GENERAL_KEEP", 0L);
        assertThat(count(overview.path("memberSegments.quadrants").entityList(Map.class).get(), "quadrant"))
                .containsEntry("HIGH_FREQUENCY_LOW_VALUE", 2L).containsEntry("LOW_FREQUENCY_LOW_VALUE", 0L);
    }

    @Test
    void marketersFilterMembersBySegmentStageAndLastPurchase() {
        assertThat(filter(Map.of("stages", List.of("DORMANT", "CHURNED")))).containsExactlyInAnyOrder(c, e, f, g);
        assertThat(filter(Map.of("rfmSegments", List.of("IMPORTANT_VALUE", "IMPORTANT_DEVELOP")))).containsExactlyInAnyOrder(a, b);
        assertThat(filter(Map.of("lastPurchaseBefore", "2026-11-01T00:00:00+08:00"))).containsExactlyInAnyOrder(c, e);
        assertThat(filter(Map.of("quadrants", List.of("HIGH_FREQUENCY_LOW_VALUE"), "stages", List.of("DECLINING"))))
                .containsExactly(d);
        manager.documentName("members").variable("filter", Map.of()).variable("first", 3).execute()
                .path("members.totalCount").entity(Integer.class).isEqualTo(7)
                .path("members.edges").entityList(Map.class).hasSize(3)
                .path("members.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
    }

    private List<Long> filter(Map<String, Object> filter) {
        return manager.documentName("members").variable("filter", filter).variable("first", 100).execute()
                .path("members.edges[*].node.id").entityList(Long.class).get();
    }

    private static Map<String, Long> count(List<Map> rows, String key) {
        return rows.stream().collect(java.util.stream.Collectors.toMap(r -> (String) r.get(key),
                r -> ((Number) r.get("members")).longValue()));
    }

    private void runSegments(LocalDate asOf) {
        admin().documentName("runJob").variable("job", "MEMBER_SEGMENTS").variable("asOf", asOf.toString()).execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).startsWith("scored"));
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response profile(long memberId) {
        return manager.documentName("memberProfile").variable("id", String.valueOf(memberId)).execute();
    }

    private void assertRfm(long member, int r, int f, int m, String segment, String name) {
        profile(member).path("member.rfm.recencyScore").entity(Integer.class).isEqualTo(r)
                .path("member.rfm.frequencyScore").entity(Integer.class).isEqualTo(f)
                .path("member.rfm.monetaryScore").entity(Integer.class).isEqualTo(m)
                .path("member.rfm.segment").entity(String.class).isEqualTo(segment)
                .path("member.rfm.segmentName").entity(String.class).isEqualTo(name);
    }

    private void assertQuadrant(long member, String quadrant, String name) {
        profile(member).path("member.quadrant.quadrant").entity(String.class).isEqualTo(quadrant)
                .path("member.quadrant.name").entity(String.class).isEqualTo(name);
    }

    private void assertStage(long member, String stage) {
        assertThat(profile(member).path("member.lifecycle.stage").entity(String.class).get())
                .as("stage of member " + member).isEqualTo(stage);
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }
}
