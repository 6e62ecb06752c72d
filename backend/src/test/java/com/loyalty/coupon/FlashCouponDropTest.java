package com.loyalty.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A flash drop: thousands of members claim one stocked coupon at once, through the Redis gate.
 * Claims go straight to the service (thousands of GraphQL sign-ins would take minutes); after each
 * drop SQL and Redis are checked: never more than the stock, nobody above the limit, every member
 * told OK holds their coupon, and once the drop is over exactly the stock was handed out.
 */
class FlashCouponDropTest extends IntegrationTest {

    @Autowired
    CouponService coupons;
    @Autowired
    CouponStockGate gate;
    @Autowired
    RedissonReactiveClient redis;
    @Autowired
    CouponRepository repository;

    @Test
    void threeThousandClaimsForAStockOfFiveHundredHandOutExactlyFiveHundredAndNobodyAboveTheLimit() {
        long template = template(500, 2);
        List<Viewer> crowd = members(template, 1_000);

        Map<String, Long> told = drop(template, crowd, 3, null);

        assertThat(told.values().stream().filter(id -> id > 0)).hasSize(500);
        assertThat(told.values()).allMatch(id -> id > 0 || id == LIMIT || id == OUT);
        assertInvariants(template, 500, 2, told);
        assertThat(left(template)).isZero();
    }

    @Test
    void flushingTheGateMidDropNeverIssuesMoreThanTheStockAndTheDropStillSellsOut() {
        long template = template(400, 1);
        List<Viewer> crowd = members(template, 1_500);
        AtomicBoolean running = new AtomicBoolean(true);
        // the gate's keys vanish again and again while the claims run (a FLUSHDB, an eviction)
        var flusher = Flux.interval(Duration.ofMillis(30)).onBackpressureDrop().takeWhile(n -> running.get() && n < 40)
                .concatMap(n -> redis.getKeys().delete("coupon:{" + template + "}:gate", "coupon:{" + template + "}:free"))
                .subscribeOn(Schedulers.parallel()).subscribe();

        Map<String, Long> told = drop(template, crowd, 1, null);
        running.set(false);
        flusher.dispose();

        assertInvariants(template, 400, 1, told);
        // whatever was in flight when a gate was rebuilt is now in Postgres: a reconcile counts it, and
        // late-comers get what is left
        gate.rebuild(template).block(PATIENCE);
        Map<String, Long> late = drop(template, members(template, 500), 1, null);
        told.putAll(late);
        assertInvariants(template, 400, 1, told);
        assertThat(issued(template)).isEqualTo(400);
        assertThat(left(template)).isZero();
    }

    @Test
    void aClaimWhoseInsertFailsAfterTheGateGivesItsUnitBack() {
        long template = template(3, 1);
        List<Viewer> crowd = members(template, 6);
        Viewer unlucky = crowd.get(0);
        // the coupon insert of this member fails after the gate said yes (a fault in Postgres)
        db.sql("""
                create function flash_fault() returns trigger language plpgsql as $$
                begin raise exception 'fault injected'; end $$
                """).then().block();
        db.sql("create trigger flash_fault before insert on member_coupon for each row when (new.member_id = "
                + unlucky.id() + ") execute function flash_fault()").then().block();
        try {
            assertThat(outcome(template, unlucky, "k")).isEqualTo(ERROR);
            assertThat(left(template)).isEqualTo(3);
        } finally {
            db.sql("drop trigger flash_fault on member_coupon").then().block();
            db.sql("drop function flash_fault()").then().block();
        }

        Map<String, Long> told = drop(template, crowd.subList(1, 6), 1, null);

        assertThat(told.values().stream().filter(id -> id > 0)).hasSize(3);
        assertInvariants(template, 3, 1, told);
    }

    @Test
    void aBackendStoppedBetweenTheGateAndTheInsertLeavesTheStockShortUntilTheReconcile() {
        long template = template(5, 1);
        List<Viewer> crowd = members(template, 10);
        CouponTemplate t = repository.findTemplate(crowd.get(0).brandId(), template).block(PATIENCE);
        // two claims took their units and their backend died before writing anything
        gate.take(t, crowd.get(0).id()).block(PATIENCE);
        gate.take(t, crowd.get(1).id()).block(PATIENCE);

        Map<String, Long> told = drop(template, crowd.subList(2, 10), 1, null);
        assertThat(issued(template)).isEqualTo(3); // short, never over
        assertInvariants(template, 5, 1, told);

        admin().documentName("runJob").variable("job", "COUPON_STOCK_RECONCILE").execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).startsWith("rebuilt"));
        told.putAll(drop(template, crowd, 1, "after"));

        assertThat(issued(template)).isEqualTo(5);
        assertInvariants(template, 5, 1, told);
    }

    @Test
    void aPackThatFailsGivesBackTheStockItsEarlierCouponsTook() {
        long plenty = template(1, 1);
        long none = template(0, 1);
        String pack = admin().document("mutation($items: [CouponPackItemInput!]!) { createCouponPack(input: { "
                        + "name: \"闪购券包\", items: $items }) { pack { id } userErrors { code message } } }")
                .variable("items", List.of(Map.of("templateId", String.valueOf(plenty), "quantity", 1),
                        Map.of("templateId", String.valueOf(none), "quantity", 1)))
                .execute().path("createCouponPack.pack.id").entity(String.class).get();
        List<Viewer> two = members(plenty, 2);

        admin().document("mutation($m: ID!, $p: ID!) { issueCouponPack(input: { memberId: $m, packId: $p, "
                        + "reason: \"补偿\", idempotencyKey: \"p-1\" }) { userErrors { code } } }")
                .variable("m", String.valueOf(two.get(0).id())).variable("p", pack).execute()
                .path("issueCouponPack.userErrors[0].code").entity(String.class).isEqualTo("COUPON_OUT_OF_STOCK");

        assertThat(left(plenty)).isEqualTo(1);
        assertThat(outcome(plenty, two.get(1), "k")).isPositive();
        assertInvariants(plenty, 1, 1, Map.of());
    }

    @Test
    void aRepeatedClaimAnswersTheFirstCouponEvenOnceTheDropSoldOut() {
        long template = template(1, 1);
        List<Viewer> two = members(template, 2);
        long first = outcome(template, two.get(0), "same");

        assertThat(outcome(template, two.get(1), "other")).isEqualTo(OUT);
        assertThat(outcome(template, two.get(0), "same")).isEqualTo(first);
        assertThat(issued(template)).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------

    private static final long LIMIT = -1;
    private static final long OUT = -2;
    private static final long ERROR = -3;

    /** Every member claims {@code times} (keys differ), all at once; what each claim was told, by key. */
    private Map<String, Long> drop(long template, List<Viewer> crowd, int times, String round) {
        Map<String, Long> told = new ConcurrentHashMap<>();
        Flux.fromIterable(crowd)
                .flatMap(member -> Flux.range(0, times).map(i -> Map.entry(member, i)))
                .flatMap(claim -> {
                    String key = claim.getKey().id() + "-" + claim.getValue() + (round == null ? "" : "-" + round);
                    return claim(template, claim.getKey(), key).doOnNext(id -> told.put(key, id));
                }, 256)
                .then().block(Duration.ofMinutes(3));
        return told;
    }

    private long outcome(long template, Viewer member, String key) {
        return claim(template, member, key).block(PATIENCE);
    }

    /** The coupon's id, or LIMIT, OUT, ERROR. */
    private Mono<Long> claim(long template, Viewer member, String key) {
        return coupons.claim(member, template, key).map(MemberCoupon::id)
                .onErrorResume(BusinessException.class, e -> Mono.just(switch (e.error().code()) {
                    case COUPON_LIMIT_REACHED -> LIMIT;
                    case COUPON_OUT_OF_STOCK -> OUT;
                    default -> ERROR;
                }))
                .onErrorResume(e -> Mono.just(ERROR));
    }

    /** Never above the stock, each slot once and within it, nobody above the limit, every coupon told OK held. */
    private void assertInvariants(long template, int stock, int limit, Map<String, Long> told) {
        Map<String, Object> row = db.sql("""
                        select count(*) as n, count(distinct stock_slot) as slots, coalesce(max(stock_slot), 0) as top,
                               count(*) filter (where stock_slot is null) as unslotted,
                               (select coalesce(max(n), 0) from (select count(*) as n from member_coupon
                                   where template_id = :t group by member_id) m) as most,
                               (select count(*) from member_coupon_count k where k.template_id = :t and k.count > :limit)
                                   as counted_above
                        from member_coupon where template_id = :t
                        """)
                .bind("t", template).bind("limit", limit).fetch().one().block(PATIENCE);
        assertThat(((Number) row.get("n")).longValue()).as("issued").isLessThanOrEqualTo(stock);
        assertThat(((Number) row.get("slots")).longValue()).as("distinct slots").isEqualTo(((Number) row.get("n")).longValue());
        assertThat(((Number) row.get("top")).intValue()).as("highest slot").isLessThanOrEqualTo(stock);
        assertThat(((Number) row.get("unslotted")).longValue()).isZero();
        assertThat(((Number) row.get("most")).longValue()).as("most coupons of one member").isLessThanOrEqualTo(limit);
        assertThat(((Number) row.get("counted_above")).longValue()).isZero();
        List<Long> okIds = told.values().stream().filter(id -> id > 0).toList();
        if (!okIds.isEmpty()) {
            Long held = db.sql("select count(*) as n from member_coupon where template_id = :t and id = any(:ids)")
                    .bind("t", template).bind("ids", okIds.toArray(Long[]::new))
                    .map(r -> r.get("n", Long.class)).one().block(PATIENCE);
            assertThat(held).as("coupons members were told they got").isEqualTo(okIds.size());
        }
    }

    private long issued(long template) {
        return db.sql("select count(*) as n from member_coupon where template_id = :t").bind("t", template)
                .map(r -> r.get("n", Long.class)).one().block(PATIENCE);
    }

    /** What the gate says is left. */
    private long left(long template) {
        String left = redis.<String, String>getMap("coupon:{" + template + "}:gate", StringCodec.INSTANCE).get("left")
                .block(PATIENCE);
        return left == null ? -1 : Long.parseLong(left);
    }

    private long template(int stock, int perMember) {
        Map<String, Object> input = new HashMap<>(Map.of("name", "限时抢券", "kind", "AMOUNT_OFF", "amountOffCents", 1_000,
                "thresholdCents", 0, "validDays", 30, "totalStock", stock, "perMemberLimit", perMember));
        return Long.parseLong(admin().documentName("createCouponTemplate").variable("input", input).execute()
                .path("createCouponTemplate.userErrors").entityList(Object.class).hasSize(0)
                .path("createCouponTemplate.template.id").entity(String.class).get());
    }

    /** {@code n} members of the template's brand, inserted at once (like an import). */
    private List<Viewer> members(long template, int n) {
        String tag = unique("flash");
        long brand = db.sql("select brand_id from coupon_template where id = :t").bind("t", template)
                .map(r -> r.get("brand_id", Long.class)).one().block(PATIENCE);
        return db.sql("""
                        insert into member (brand_id, app_id, openid, registered_at, registration_channel, invite_code)
                        select :b, 'flash-app', :tag || '-' || g, now(), 'IMPORT', :tag || '-' || g
                        from generate_series(1, :n) g
                        returning id
                        """)
                .bind("b", brand).bind("tag", tag).bind("n", n)
                .map(r -> new Viewer(r.get("id", Long.class), Role.MEMBER, null, brand)).all().collectList()
                .block(PATIENCE);
    }
}
