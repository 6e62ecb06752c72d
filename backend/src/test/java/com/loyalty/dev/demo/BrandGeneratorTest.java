package com.loyalty.dev.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.IntegrationTest;
import com.loyalty.wechat.WeChatClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The brand generator at a small size: its numbers, and the invariants the rest of the system relies on. */
class BrandGeneratorTest extends IntegrationTest {

    @Autowired
    BrandGenerator generator;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brand;
    @Autowired
    WeChatClient weChat;
    @Autowired
    GeneratedHistory history;

    @Test
    void generatesAConsistentBrandWithGuestsPlantedBasketsAndLedgerBalances() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long brandId = db.sql("insert into brand (name) values (:n) returning id").bind("n", "生成-" + tag)
                .map(row -> row.get("id", Long.class)).one().block();

        BrandGenerator.Generated generated = generator.generate(new BrandGenerator.Settings(brandId, 300, 3000, 0.2,
                3, 365, clock.instant(), brand.zone(), 8, weChat.appId(), "gen" + tag + "-", "G" + tag, "-" + tag,
                passwords.encode(STAFF_PASSWORD), 0.42)).block();

        assertThat(generated.members()).isEqualTo(300);
        assertThat(generated.orders()).isEqualTo(3000);
        assertThat(generated.guestOrders()).isEqualTo(600);
        assertThat(number("select count(*) from member where brand_id = :b", brandId)).isEqualTo(300);
        assertThat(number("select count(*) from purchase where brand_id = :b", brandId)).isEqualTo(3000);
        assertThat(number("select count(*) from purchase where brand_id = :b and member_id is null", brandId))
                .isEqualTo(600);
        assertThat(number("select count(*) from store where brand_id = :b", brandId)).isEqualTo(3);
        assertThat(number("select count(*) from staff where brand_id = :b", brandId)).isEqualTo(6);
        assertThat(number("select count(*) from tier where brand_id = :b", brandId)).isEqualTo(4);
        assertThat(invariantsBroken(brandId)).allSatisfy((check, n) -> assertThat(n).as(check).isZero());
    }

    @Test
    void aGeneratedMemberSignsInAndStaffSeeThePlantedRule() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long brandId = db.sql("insert into brand (name) values (:n) returning id").bind("n", "生成-" + tag)
                .map(row -> row.get("id", Long.class)).one().block();
        generator.generate(new BrandGenerator.Settings(brandId, 200, 2000, 0.2, 2, 365, clock.instant(), brand.zone(),
                8, weChat.appId(), "gen" + tag + "-", "G" + tag, "-" + tag, passwords.encode(STAFF_PASSWORD),
                0.1)).block();
        admin().documentName("runJob").variable("job", "RECOMMENDATION_RULES").execute().path("runJob.summary")
                .hasValue();

        HttpGraphQlTester manager = staff("manager-xuhui-" + tag, STAFF_PASSWORD);
        List<Map<String, Object>> rules = manager.documentName("frequentlyBoughtTogether")
                .variable("sku", "CAKE-BDAY-6").execute().path("frequentlyBoughtTogether").entityList(mapType()).get();
        assertThat(rules).extracting(r -> r.get("text")).contains("生日蛋糕（6寸） → 生日蜡烛");
        long balance = number("""
                select mp.balance from member_points mp join member m on m.id = mp.member_id
                where m.brand_id = :b and m.openid = 'o-fake-gen%s-1'""".formatted(tag), brandId);
        member("gen" + tag + "-1").document("{ me { id pointsBalance } }").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(balance);
    }

    @Test
    void aGeneratedBrandEndsWithItsPastDaysRolledUpAsTheNightlyJobsWouldHave() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long brandId = db.sql("insert into brand (name) values (:n) returning id").bind("n", "生成-" + tag)
                .map(row -> row.get("id", Long.class)).one().block();

        history.generate(new BrandGenerator.Settings(brandId, 40, 300, 0.2, 2, 20, clock.instant(), brand.zone(), 8,
                weChat.appId(), "gen" + tag + "-", "G" + tag, "-" + tag, passwords.encode(STAFF_PASSWORD), 0.3),
                STAFF_PASSWORD).block();

        String pastDays = " and day >= cast(:from as date) and day < cast(:today as date)";
        assertThat(number("select count(*) from analytics_rollup_day where brand_id = :b" + pastDays, brandId))
                .as("sales and members").isEqualTo(20);
        assertThat(number("select count(*) from analytics_economy_day where brand_id = :b and computed_at is not null"
                + " and not dirty" + pastDays, brandId)).as("points and coupons").isEqualTo(20);
        assertThat(number("select count(*) from analytics_economy_day where brand_id = :b and day >= :today", brandId))
                .as("today stays live").isZero();
        assertThat(number("select coalesce(sum(credited - debited), 0) from analytics_points_daily where brand_id = :b"
                + pastDays, brandId)).as("rolled-up points equal the ledger's").isEqualTo(number("""
                select coalesce(sum(delta), 0) from points_ledger where brand_id = :b
                  and (created_at at time zone 'Asia/Shanghai')::date >= cast(:from as date)
                  and (created_at at time zone 'Asia/Shanghai')::date < cast(:today as date)""", brandId))
                .isPositive();
    }

    /** Each check and how many rows break it. */
    private Map<String, Long> invariantsBroken(long brandId) {
        return Map.of(
                "balance = sum of the ledger", number("""
                        select count(*) from member m join member_points mp on mp.member_id = m.id
                        where m.brand_id = :b
                          and mp.balance <> (select coalesce(sum(delta), 0) from points_ledger l where l.member_id = m.id)
                        """, brandId),
                "each member has a balance and a tier", number("""
                        select count(*) from member m where m.brand_id = :b
                          and (not exists (select 1 from member_points p where p.member_id = m.id)
                               or not exists (select 1 from member_tier t where t.member_id = m.id))
                        """, brandId),
                "order amount = sum of its lines", number("""
                        select count(*) from purchase p where p.brand_id = :b and p.amount_cents <>
                            (select coalesce(sum(quantity * unit_price_cents), 0) from purchase_item i where i.purchase_id = p.id)
                        """, brandId),
                "member orders earn their EARN entry, guests nothing", number("""
                        select count(*) from purchase p where p.brand_id = :b and p.points_earned <>
                            coalesce((select sum(delta) from points_ledger l where l.purchase_id = p.id and l.kind = 'EARN'), 0)
                           or (p.member_id is null and p.points_earned <> 0)
                        """, brandId),
                "orders after registration, within the year, not in the future", number("""
                        select count(*) from purchase p left join member m on m.id = p.member_id where p.brand_id = :b
                          and (p.occurred_at < m.registered_at or p.occurred_at > now() + interval '1 minute'
                               or p.occurred_at < now() - interval '366 days')
                        """.replace("now()", "cast(:now as timestamptz)"), brandId),
                "a streak continues the day before's", number("""
                        select count(*) from checkin c join member m on m.id = c.member_id
                        left join checkin y on y.member_id = c.member_id and y.day = c.day - 1
                        where m.brand_id = :b and c.streak <> coalesce(y.streak, 0) + 1
                        """, brandId),
                "check-ins spread over the days (no month-long streaks)", number("""
                        select count(*) from checkin c join member m on m.id = c.member_id
                        where m.brand_id = :b and c.streak >= 30
                        """, brandId),
                "check-in points are in the ledger", number("""
                        select count(*) from checkin c join member m on m.id = c.member_id where m.brand_id = :b
                          and not exists (select 1 from points_ledger l where l.member_id = c.member_id
                                          and l.idempotency_key = 'checkin:' || c.day and l.delta = c.points)
                        """, brandId),
                "buckets match the entries that granted them", number("""
                        select count(*) from points_ledger l left join points_grant g on g.ledger_id = l.id
                        where l.brand_id = :b and (g.ledger_id is null or g.amount <> l.delta or g.remaining <> l.delta)
                        """, brandId));
    }

    private long number(String sql, long brandId) {
        org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("b", brandId);
        if (sql.contains(":now")) {
            spec = spec.bind("now", clock.instant());
        }
        if (sql.contains(":today")) {
            spec = spec.bind("today", brand.today(clock));
        }
        if (sql.contains(":from")) {
            spec = spec.bind("from", brand.today(clock).minusDays(20));
        }
        return spec.map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}
