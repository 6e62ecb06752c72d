package com.loyalty.dev.demo;

import com.loyalty.dev.wechat.FakeWeChatServer;
import com.loyalty.memberevent.EventSignUpService;
import com.loyalty.memberevent.MemberEventInputs.CreateMemberEventInput;
import com.loyalty.memberevent.MemberEventInputs.MemberEventActionInput;
import com.loyalty.memberevent.MemberEventService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.StaffService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Demo member events at 徐汇店, after {@link DemoData}, made by {@code manager-xuhui} through the
 * event service: a tasting starting in half an hour (its doors are open: alice holds a place, so the
 * staff page 活动签到 can scan her ticket), a workshop next week with one place (bob holds it, alice
 * waits first in line), and a draft. An event whose title the brand already has is left as it is.
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "loyalty.demo-data", havingValue = "true")
public class DemoEvents implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEvents.class);

    private final BrandProperties brand;
    private final MemberEventService events;
    private final EventSignUpService signUps;
    private final StaffService staff;
    private final Clock clock;
    private final DatabaseClient db;

    public DemoEvents(BrandProperties brand, MemberEventService events, EventSignUpService signUps, StaffService staff,
                      Clock clock, DatabaseClient db) {
        this.brand = brand;
        this.events = events;
        this.signUps = signUps;
        this.staff = staff;
        this.clock = clock;
        this.db = db;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        DemoStaff.viewer(db, staff, "manager-xuhui").flatMap(manager -> Flux.concat(
                        event(manager, input("今日咖啡品鉴会", "七款新豆盲品，咖啡师现场讲解", now.plus(Duration.ofMinutes(30)), 12, 30L),
                                true, "alice"),
                        event(manager, input("手工坊：拉花体验", "一对一教你拉出第一颗心", now.plus(Duration.ofDays(7)), 1, 20L),
                                true, "bob", "alice"),
                        event(manager, input("圣诞烘焙课", "姜饼屋亲子烘焙", now.plus(Duration.ofDays(20)), 10, 50L), false))
                        .then())
                .block(Duration.ofSeconds(60));
        log.info("Demo member events ready at 徐汇店 (one with open doors, one full with a waiting list, a draft)");
    }

    private static CreateMemberEventInput input(String title, String description, Instant starts, int capacity, long points) {
        return new CreateMemberEventInput(null, title, description, null, starts, starts.plus(Duration.ofHours(2)), capacity,
                null, null, null, null, points, starts.minus(Duration.ofMinutes(10)));
    }

    /** Creates the event (publishing it and signing the members up in order) unless the brand has one of that title. */
    private Mono<Void> event(Viewer manager, CreateMemberEventInput in, boolean publish, String... members) {
        return db.sql("select count(*) as n from member_event where brand_id = :b and title = :t")
                .bind("b", brand.id()).bind("t", in.title()).map(row -> row.get("n", Long.class)).one()
                .flatMap(n -> n > 0 ? Mono.empty() : events.create(manager, in)
                        .flatMap(e -> !publish ? Mono.<Void>empty()
                                : events.publish(manager, new MemberEventActionInput(e.id(), null))
                                        .thenMany(Flux.fromArray(members).concatMap(name -> member(name)
                                                .flatMap(m -> signUps.signUp(m, e.id()))))
                                        .then()));
    }

    private Mono<Viewer> member(String name) {
        return db.sql("select id from member where brand_id = :b and openid = :o")
                .bind("b", brand.id()).bind("o", FakeWeChatServer.openidOf(name))
                .map(row -> new Viewer(row.get("id", Long.class), Role.MEMBER, null, brand.id())).one();
    }
}
