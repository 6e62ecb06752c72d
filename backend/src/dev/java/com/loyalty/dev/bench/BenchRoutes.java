package com.loyalty.dev.bench;

import com.loyalty.auth.SessionService;
import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.points.PointsQueries;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.tier.Tier;
import com.loyalty.tier.TierProgress;
import com.loyalty.tier.TierService;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The plain-REST baseline of the benchmarks (bench profile only): {@code GET /bench/me} does the
 * work of the GraphQL {@code me { id nickname tier tierProgress pointsBalance }} of bench/ through
 * the same services, so the difference between the two is the cost of GraphQL itself;
 * {@code GET /bench/floor} does no work at all after the member's token is checked: the most any
 * request can do through this HTTP stack on the machine ({@code ?statements=n}: plus n trivial
 * statements through R2DBC, the first and last being BEGIN and COMMIT). Also mints members' access tokens for the
 * load generator.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
public class BenchRoutes {

    private static final int MAX_TOKENS = 200_000;

    /** The member's tier and their progress towards the next. */
    record Standing(Tier tier, TierProgress progress) {
    }

    /**
     * {@code POST /bench/tokens?from=1&count=1000}: access tokens of members {@code from ..
     * from+count-1}, one "memberId token" line each, each of a sign-in opened as login would
     * (without the WeChat round trip); the load generator reads them from a file (logging 20k
     * members in through GraphQL first would take minutes).
     */
    @Bean
    RouterFunction<ServerResponse> benchTokensRoute(SessionService sessions, BrandProperties brand) {
        return RouterFunctions.route().POST("/bench/tokens", request -> {
            long from = Long.parseLong(request.queryParam("from").orElse("1"));
            int count = Math.min(Integer.parseInt(request.queryParam("count").orElse("1000")), MAX_TOKENS);
            return Flux.range(0, count)
                    .flatMapSequential(i -> sessions.open(new Viewer(from + i, Role.MEMBER, null, brand.id()))
                            .map(tokens -> (from + i) + " " + tokens.accessToken() + "\n"), 64)
                    .collect(() -> new StringBuilder(count * 300), StringBuilder::append)
                    .flatMap(lines -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(lines.toString()));
        }).build();
    }

    @Bean
    RouterFunction<ServerResponse> benchMeRoute(MemberService members, TierService tiers, PointsQueries points,
                                                BrandProperties brand) {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        ZoneId zone = brand.zone();
        return RouterFunctions.route().GET("/bench/me", request -> signedInMember()
                .flatMap(viewer -> members.get(viewer.id()).flatMap(member -> tiers.standings(Set.of(member.id()))
                        .map(standings -> standings.get(member.id()))
                        .map(standing -> new Standing(tiers.current(standing.tier()), tiers.progress(standing)))
                        .zipWith(points.balances(List.of(member.id())), (standing, balances) -> me(member, standing,
                                balances.getOrDefault(member.id(), 0L), iso, zone))))
                .flatMap(me -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("me", me)))
                .switchIfEmpty(Mono.defer(() -> ServerResponse.status(HttpStatus.UNAUTHORIZED).build())))
                .build();
    }

    /**
     * {@code GET /bench/floor}: what GraphQL {@code { __typename }} answers, for a signed-in member,
     * with no service, database or Redis behind it: the throughput ceiling of any request here.
     */
    @Bean
    RouterFunction<ServerResponse> benchFloorRoute(DatabaseClient db, TransactionalOperator tx) {
        Map<String, Object> body = Map.of("data", Map.of("__typename", "Query"));
        return RouterFunctions.route().GET("/bench/floor", request -> signedInMember()
                .flatMap(viewer -> trivialStatements(db, tx,
                                Math.min(Integer.parseInt(request.queryParam("statements").orElse("0")), 100))
                        .then(ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body)))
                .switchIfEmpty(Mono.defer(() -> ServerResponse.status(HttpStatus.UNAUTHORIZED).build())))
                .build();
    }

    /** n statements that cost Postgres next to nothing: BEGIN, n - 2 times {@code select 1}, COMMIT. */
    private static Mono<Void> trivialStatements(DatabaseClient db, TransactionalOperator tx, int n) {
        if (n <= 0) {
            return Mono.empty();
        }
        Mono<Void> selects = Flux.range(0, Math.max(n - 2, 0))
                .concatMap(i -> db.sql("select 1").fetch().rowsUpdated()).then();
        return n >= 2 ? selects.as(tx::transactional) : selects.then(db.sql("select 1").then());
    }

    private static Mono<Viewer> signedInMember() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication() == null ? null : ctx.getAuthentication().getPrincipal())
                .filter(p -> p instanceof Viewer v && v.role() == Role.MEMBER)
                .cast(Viewer.class);
    }

    /** The member as the bench's GraphQL document selects it, field for field. */
    static Map<String, Object> me(Member m, Standing standing, long balance, DateTimeFormatter iso, ZoneId zone) {
        Tier tier = standing.tier();
        TierProgress p = standing.progress();
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("current", tier(p.current()));
        progress.put("next", p.next() == null ? null : tier(p.next()));
        progress.put("averageMonthlySpendCents", p.averageMonthlySpendCents());
        progress.put("spendNeededCents", p.spendNeededCents());
        progress.put("progress", p.progress());
        progress.put("monthsBelowThreshold", p.monthsBelowThreshold());
        progress.put("keepRequirementCents", p.keepRequirementCents());
        progress.put("nextReviewAt", iso.format(p.nextReviewAt().atZone(zone).toOffsetDateTime()));
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", String.valueOf(m.id()));
        me.put("nickname", m.nickname());
        me.put("tier", tier(tier));
        me.put("tierProgress", progress);
        me.put("pointsBalance", balance);
        return me;
    }

    private static Map<String, Object> tier(Tier t) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("level", t.level());
        map.put("name", t.name());
        map.put("thresholdCents", t.thresholdCents());
        return map;
    }
}
