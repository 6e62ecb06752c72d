package com.loyalty.dev.demo;

import com.loyalty.dev.wechat.FakeWeChatServer;
import com.loyalty.member.Gender;
import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.member.NewMember;
import com.loyalty.member.RegistrationChannel;
import com.loyalty.member.UpdateProfileInput;
import com.loyalty.privacy.ConsentService;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseItemInput;
import com.loyalty.programme.ProgramRules;
import com.loyalty.programme.ProgramRulesInput;
import com.loyalty.programme.ProgramRulesService;
import com.loyalty.programme.ScheduleProgramRulesInput;
import com.loyalty.programme.TierRule;
import com.loyalty.purchase.PurchaseService;
import com.loyalty.purchase.RecordPurchaseInput;
import com.loyalty.purchase.RecordPurchasePayload;
import com.loyalty.segment.MemberSegmentsJob;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.StaffService;
import com.loyalty.store.CreateStoreInput;
import com.loyalty.store.Store;
import com.loyalty.store.StoreService;
import com.loyalty.wechat.WeChatClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo data for the dev profile: two stores with a clerk and a manager each (password
 * {@code demo-password}), members alice and bob with a few past purchases, and a few guest
 * (non-member) orders. Idempotent; never creates an admin. Stores, members and purchases go
 * through their modules' services; the demo staff accounts (which no service creates without an
 * admin) are plain SQL.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "loyalty.demo-data", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String STAFF_PASSWORD = "demo-password";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The demo's two stores. */
    private record Stores(long xuhui, long jingan) {
    }

    /** The clerks who ring up the demo's orders. */
    private record Clerks(Viewer xuhui, Viewer jingan) {
    }

    /** The demo members' ids. */
    private record Members(long alice, long bob) {
    }

    private final BrandProperties brand;
    private final StoreService stores;
    private final StaffService staffService;
    private final MemberService memberService;
    private final WeChatClient weChat;
    private final Clock clock;
    private final PurchaseService purchases;
    private final MemberSegmentsJob segments;
    private final ConsentService consents;
    private final DatabaseClient db;
    private final ProgramRulesService programme;

    public DemoData(BrandProperties brand, StoreService stores, StaffService staffService, MemberService memberService,
                    WeChatClient weChat, Clock clock, PurchaseService purchases, MemberSegmentsJob segments,
                    ConsentService consents, DatabaseClient db, ProgramRulesService programme) {
        this.programme = programme;
        this.brand = brand;
        this.stores = stores;
        this.staffService = staffService;
        this.memberService = memberService;
        this.weChat = weChat;
        this.clock = clock;
        this.purchases = purchases;
        this.segments = segments;
        this.consents = consents;
        this.db = db;
    }

    @Override
    public void run(ApplicationArguments args) {
        long brandId = brand.id();
        staffService.hash(STAFF_PASSWORD).flatMap(hash -> Mono.zip(
                        store(brandId, "徐汇店", "上海市徐汇区漕溪北路 88 号"),
                        store(brandId, "静安店", "上海市静安区南京西路 1266 号"), Stores::new)
                .flatMap(ids -> Flux.concat(
                                staff(brandId, ids.xuhui(), "clerk-xuhui", hash, "徐汇店员", Role.CLERK),
                                staff(brandId, ids.xuhui(), "manager-xuhui", hash, "徐汇店长", Role.STORE_MANAGER),
                                staff(brandId, ids.jingan(), "clerk-jingan", hash, "静安店员", Role.CLERK),
                                staff(brandId, ids.jingan(), "manager-jingan", hash, "静安店长", Role.STORE_MANAGER))
                        .then(member("alice", "小爱", LocalDate.of(1992, 5, 8), Gender.FEMALE, ids.xuhui()))
                        .flatMap(alice -> member("bob", "阿博", LocalDate.of(1988, 11, 30), Gender.MALE, ids.jingan())
                                .map(bob -> new Members(alice, bob)))
                        .flatMap(members -> Mono.zip(clerk("clerk-xuhui"), clerk("clerk-jingan"), Clerks::new)
                                .flatMap(clerks -> history(clerks, members)))))
                .then(rulesHistory(brandId))
                .then(segments.run(brand.today(clock)))
                .block(Duration.ofSeconds(60));
        log.info("Demo data ready: members alice, bob (login code dev-<name>); staff clerk-xuhui, manager-xuhui, "
                + "clerk-jingan, manager-jingan (password {})", STAFF_PASSWORD);
    }

    /** Past purchases so the demo members have points, history and a tier; replays change nothing. */
    private Mono<Void> history(Clerks clerks, Members members) {
        Instant now = clock.instant();
        return Flux.concat(
                        buy(clerks.xuhui(), members.alice(), "DEMO-1001", 58_000, now.minus(Duration.ofDays(50))),
                        buy(clerks.xuhui(), members.alice(), "DEMO-1002", 128_000, now.minus(Duration.ofDays(20))),
                        buy(clerks.xuhui(), members.alice(), "DEMO-1003", 42_000, now.minus(Duration.ofHours(3))),
                        buy(clerks.jingan(), members.bob(), "DEMO-2001", 12_000, now.minus(Duration.ofDays(5))),
                        // walk-in customers who are not members, for the member vs non-member numbers
                        buy(clerks.xuhui(), null, "DEMO-G-3001", 6_800, now.minus(Duration.ofDays(40))),
                        buy(clerks.xuhui(), null, "DEMO-G-3002", 3_500, now.minus(Duration.ofDays(10))),
                        buy(clerks.xuhui(), null, "DEMO-G-3003", 2_200, now.minus(Duration.ofHours(2))),
                        buy(clerks.jingan(), null, "DEMO-G-4001", 9_900, now.minus(Duration.ofDays(6))))
                .then();
    }

    /**
     * A rules history for newcomers to read: version 2, scheduled by the admin from the 1st of next
     * month, gives 金卡 95折 and 黑钻 9折 at the till. Once: nothing when a second version exists.
     */
    private Mono<Void> rulesHistory(long brandId) {
        return db.sql("select id from staff where brand_id = :b and role = 'ADMIN' order by id limit 1")
                .bind("b", brandId).map(row -> row.get("id", Long.class)).one()
                .map(id -> new Viewer(id, Role.ADMIN, null, brandId))
                .filterWhen(admin -> programme.version(admin, 2).hasElement().map(exists -> !exists))
                .flatMap(admin -> {
                    ProgramRules now = programme.current();
                    List<TierRule> tiers = now.tiers().stream().map(t -> t.level() < 2 ? t : new TierRule(t.level(),
                            t.name(), t.thresholdCents(), t.pointsMultiplier(), t.level() == 2 ? 95 : 90,
                            java.util.stream.Stream.concat(t.benefits().stream(),
                                    java.util.stream.Stream.of(t.level() == 2 ? "全场 95 折" : "全场 9 折")).toList()))
                            .toList();
                    Instant firstOfNextMonth = YearMonth.from(clock.instant().atZone(brand.zone())).plusMonths(1)
                            .atDay(1).atStartOfDay(brand.zone()).toInstant();
                    return programme.schedule(admin, new ScheduleProgramRulesInput(now.version(), firstOfNextMonth,
                            "下月起金卡 95 折、黑钻 9 折（演示数据）", ProgramRulesInput.of(now).withTiers(tiers)));
                })
                .doOnNext(v -> log.info("Demo rules: version {} scheduled from {}", v.version(), v.effectiveFrom()))
                .onErrorResume(e -> {
                    log.warn("Demo rules history not scheduled: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** A purchase of the member, or a guest order when memberId is null. */
    private Mono<RecordPurchasePayload> buy(Viewer clerk, Long memberId, String orderNo, long cents, Instant at) {
        return purchases.record(clerk, new RecordPurchaseInput(null, memberId, null, orderNo, cents,
                List.of(new PurchaseItemInput("DEMO-SKU", "演示商品", "演示", 1, cents)), Purchase.Channel.STORE, 0L, at, List.of(), null, null));
    }

    /** The id of the brand's store with this name, opening it when missing. */
    private Mono<Long> store(long brandId, String name, String address) {
        return stores.list(brandId).filter(s -> s.name().equals(name)).next()
                .switchIfEmpty(Mono.defer(() -> stores.create(brandId, new CreateStoreInput(name, address))))
                .map(Store::id);
    }

    /** Creates the staff account unless the username is taken. */
    private Mono<Void> staff(long brandId, long storeId, String username, String hash, String displayName, Role role) {
        return db.sql("""
                        insert into staff (brand_id, store_id, username, password_hash, display_name, role)
                        values (:brandId, :storeId, :username, :hash, :displayName, :role)
                        on conflict (username) do nothing
                        """)
                .bind("brandId", brandId).bind("storeId", storeId).bind("username", username).bind("hash", hash)
                .bind("displayName", displayName).bind("role", role.name())
                .then();
    }

    /** The demo clerk's account, as the till sees them. */
    private Mono<Viewer> clerk(String username) {
        return DemoStaff.viewer(db, staffService, username);
    }

    /** The demo member's id, registering them (with consents and a profile) the first time. */
    private Mono<Long> member(String name, String nickname, LocalDate birthday, Gender gender, long storeId) {
        NewMember candidate = new NewMember(brand.id(), weChat.appId(), FakeWeChatServer.openidOf(name), null,
                clock.instant(), RegistrationChannel.STORE, storeId, null);
        return memberService.findOrRegister(candidate).flatMap(reg -> {
            Member member = reg.member();
            if (!reg.registered()) {
                return Mono.just(member.id());
            }
            // demo members accepted the privacy notice and marketing, as in the mini-program
            return consents.acceptAll(member.id())
                    .then(memberService.updateProfile(member.id(), new UpdateProfileInput(nickname, null, birthday, gender)))
                    .thenReturn(member.id());
        });
    }
}
