package com.loyalty.demo;

import com.loyalty.member.MemberRepository;
import com.loyalty.member.MemberService;
import com.loyalty.privacy.ConsentService;
import com.loyalty.member.NewMember;
import com.loyalty.member.ProfileChange;
import com.loyalty.member.Gender;
import com.loyalty.member.RegistrationChannel;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseItemInput;
import com.loyalty.purchase.PurchaseService;
import com.loyalty.purchase.RecordPurchaseInput;
import com.loyalty.purchase.RecordPurchasePayload;
import com.loyalty.segment.MemberSegmentsJob;
import com.loyalty.staff.Staff;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.staff.StaffRepository;
import com.loyalty.staff.StaffService;
import com.loyalty.store.StoreRepository;
import com.loyalty.wechat.FakeWeChatServer;
import com.loyalty.wechat.WeChatClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo data for the dev profile: two stores with a clerk and a manager each (password
 * {@code demo-password}), members alice and bob with a few past purchases, and a few guest
 * (non-member) orders. Idempotent; never creates an admin.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "loyalty.demo-data", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String STAFF_PASSWORD = "demo-password";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final BrandProperties brand;
    private final StoreRepository stores;
    private final StaffRepository staff;
    private final StaffService staffService;
    private final MemberService memberService;
    private final MemberRepository members;
    private final WeChatClient weChat;
    private final Clock clock;
    private final PurchaseService purchases;
    private final MemberSegmentsJob segments;
    private final ConsentService consents;

    public DemoData(BrandProperties brand, StoreRepository stores, StaffRepository staff, StaffService staffService,
                    MemberService memberService, MemberRepository members, WeChatClient weChat, Clock clock,
                    PurchaseService purchases, MemberSegmentsJob segments, ConsentService consents) {
        this.segments = segments;
        this.consents = consents;
        this.brand = brand;
        this.stores = stores;
        this.staff = staff;
        this.staffService = staffService;
        this.memberService = memberService;
        this.members = members;
        this.weChat = weChat;
        this.clock = clock;
        this.purchases = purchases;
    }

    @Override
    public void run(ApplicationArguments args) {
        long brandId = brand.id();
        staffService.hash(STAFF_PASSWORD).flatMap(hash -> Mono.zip(
                        stores.ensure(brandId, "徐汇店", "上海市徐汇区漕溪北路 88 号"),
                        stores.ensure(brandId, "静安店", "上海市静安区南京西路 1266 号"))
                .flatMap(ids -> Flux.concat(
                                staff.insertIfAbsent(brandId, ids.getT1(), "clerk-xuhui", hash, "徐汇店员", Role.CLERK),
                                staff.insertIfAbsent(brandId, ids.getT1(), "manager-xuhui", hash, "徐汇店长", Role.MANAGER),
                                staff.insertIfAbsent(brandId, ids.getT2(), "clerk-jingan", hash, "静安店员", Role.CLERK),
                                staff.insertIfAbsent(brandId, ids.getT2(), "manager-jingan", hash, "静安店长", Role.MANAGER))
                        .then(Flux.concat(
                                member("alice", "小爱", LocalDate.of(1992, 5, 8), Gender.FEMALE, ids.getT1()),
                                member("bob", "阿博", LocalDate.of(1988, 11, 30), Gender.MALE, ids.getT2()))
                                .then())
                        .then(history())))
                .then(segments.run(brand.today(clock)))
                .block(Duration.ofSeconds(60));
        log.info("Demo data ready: members alice, bob (login code dev-<name>); staff clerk-xuhui, manager-xuhui, "
                + "clerk-jingan, manager-jingan (password {})", STAFF_PASSWORD);
    }

    /** Past purchases so the demo members have points, history and a tier; replays change nothing. */
    private Mono<Void> history() {
        Instant now = clock.instant();
        return Mono.zip(staff.findByUsername("clerk-xuhui"), staff.findByUsername("clerk-jingan"),
                        members.findByOpenid(weChat.appId(), FakeWeChatServer.openidOf("alice")),
                        members.findByOpenid(weChat.appId(), FakeWeChatServer.openidOf("bob")))
                .flatMapMany(t -> Flux.concat(
                        buy(t.getT1(), t.getT3().id(), "DEMO-1001", 58_000, now.minus(Duration.ofDays(50))),
                        buy(t.getT1(), t.getT3().id(), "DEMO-1002", 128_000, now.minus(Duration.ofDays(20))),
                        buy(t.getT1(), t.getT3().id(), "DEMO-1003", 42_000, now.minus(Duration.ofHours(3))),
                        buy(t.getT2(), t.getT4().id(), "DEMO-2001", 12_000, now.minus(Duration.ofDays(5))),
                        // walk-in customers who are not members, for the member vs non-member numbers
                        buy(t.getT1(), null, "DEMO-G-3001", 6_800, now.minus(Duration.ofDays(40))),
                        buy(t.getT1(), null, "DEMO-G-3002", 3_500, now.minus(Duration.ofDays(10))),
                        buy(t.getT1(), null, "DEMO-G-3003", 2_200, now.minus(Duration.ofHours(2))),
                        buy(t.getT2(), null, "DEMO-G-4001", 9_900, now.minus(Duration.ofDays(6)))))
                .then();
    }

    /** A purchase of the member, or a guest order when memberId is null. */
    private Mono<RecordPurchasePayload> buy(Staff clerk, Long memberId, String orderNo, long cents, Instant at) {
        return purchases.record(clerk.viewer(), new RecordPurchaseInput(null, memberId, null, orderNo, cents,
                List.of(new PurchaseItemInput("DEMO-SKU", "演示商品", "演示", 1, cents)), Purchase.Channel.STORE, 0L, at, List.of(), null, null));
    }

    private Mono<Void> member(String name, String nickname, LocalDate birthday, Gender gender, long storeId) {
        Instant now = clock.instant();
        NewMember candidate = new NewMember(brand.id(), weChat.appId(), FakeWeChatServer.openidOf(name), null, now,
                RegistrationChannel.STORE, storeId, null);
        return memberService.findOrRegister(candidate)
                .filter(MemberService.Registration::registered)
                // demo members accepted the privacy notice and marketing, as in the mini-program
                .flatMap(reg -> consents.acceptAll(reg.member().id()).thenReturn(reg))
                .flatMap(reg -> members.updateProfile(reg.member().id(),
                        new ProfileChange(nickname, null, birthday, gender), now, now))
                .then();
    }
}
