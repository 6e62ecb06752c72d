package com.loyalty.dev.demo;

import com.loyalty.dev.wechat.FakeWeChatServer;
import com.loyalty.memberevent.EventSignUpService;
import com.loyalty.memberevent.MemberEventInputs.CreateMemberEventInput;
import com.loyalty.memberevent.MemberEventInputs.MemberEventActionInput;
import com.loyalty.memberevent.MemberEventService;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
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
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo member events at 徐汇店, after {@link DemoData}, made by {@code manager-xuhui} through the
 * event service: a tasting starting in half an hour (its doors are open: alice holds a place, so the
 * staff page 活动签到 can scan her ticket), a workshop next week with one place (bob holds it, alice
 * waits first in line), and a draft; and, for the events report, a tasting held 8 days ago (written as
 * it would have happened, since events cannot be created in the past): alice came (its 30 points
 * through the points ledger), bob held a place and did not. An event whose title the brand already
 * has is left as it is.
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
    private final PointsService points;
    private final TransactionalOperator tx;

    public DemoEvents(BrandProperties brand, MemberEventService events, EventSignUpService signUps, StaffService staff,
                      Clock clock, DatabaseClient db, PointsService points, TransactionalOperator tx) {
        this.points = points;
        this.tx = tx;
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
                        event(manager, input("圣诞烘焙课", "姜饼屋亲子烘焙", now.plus(Duration.ofDays(20)), 10, 50L), false),
                        pastTasting(manager, now.minus(Duration.ofDays(8)).truncatedTo(ChronoUnit.HOURS)))
                        .then())
                .block(Duration.ofSeconds(60));
        log.info("Demo member events ready at 徐汇店 (one with open doors, one full with a waiting list, a draft,"
                + " one held last week)");
    }

    /** The tasting held last week: alice attended, bob was a no-show. */
    private Mono<Void> pastTasting(Viewer manager, Instant starts) {
        String title = "上周咖啡品鉴会";
        Instant attended = starts.plus(Duration.ofMinutes(5));
        return db.sql("select count(*) as n from member_event where brand_id = :b and title = :t")
                .bind("b", brand.id()).bind("t", title).map(row -> row.get("n", Long.class)).one()
                .flatMap(n -> n > 0 ? Mono.empty() : Mono.zip(member("alice"), member("bob")).flatMap(both -> db.sql("""
                                insert into member_event (brand_id, store_id, title, description, starts_at, ends_at, capacity,
                                    signup_opens_at, signup_closes_at, points, cancel_deadline, status, confirmed, created_by,
                                    created_at, updated_at)
                                values (:b, :store, :t, '埃塞俄比亚与哥伦比亚新豆对比品鉴', :starts, :ends, 12, :opens, :starts, 30,
                                    :deadline, 'PUBLISHED', 2, :staff, :opens, :opens)
                                returning id
                                """)
                        .bind("b", brand.id()).bind("store", manager.storeId()).bind("t", title).bind("starts", starts)
                        .bind("ends", starts.plus(Duration.ofHours(2))).bind("opens", starts.minus(Duration.ofDays(7)))
                        .bind("deadline", starts.minus(Duration.ofHours(24))).bind("staff", manager.staffId())
                        .map(row -> row.get("id", Long.class)).one()
                        .flatMap(id -> signedUp(id, both.getT1().id(), 1, starts, attended)
                                .then(signedUp(id, both.getT2().id(), 2, starts, null))
                                .then(points.lock(both.getT1().id()))
                                .then(points.credit(new NewEntry(brand.id(), both.getT1().id(), EntryKind.EVENT, null, null,
                                        manager.storeId(), manager.staffId(), "活动到场：" + title, "event:" + id, attended),
                                        30, points.expiryFor(attended))))
                        .as(tx::transactional)))
                .then();
    }

    private Mono<Void> signedUp(long eventId, long memberId, int queue, Instant starts, Instant attendedAt) {
        return db.sql("""
                        insert into member_event_signup (event_id, member_id, status, queue_no, points, cancel_deadline,
                            event_version, signed_up_at, confirmed_at, attended_at, points_awarded)
                        values (:e, :m, 'CONFIRMED', nextval('member_event_queue'), 30, :deadline, 1, :at, :at, :attended,
                            :awarded)
                        """)
                .bind("e", eventId).bind("m", memberId).bind("deadline", starts.minus(Duration.ofHours(24)))
                .bind("at", starts.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(queue)))
                .bind("attended", org.springframework.r2dbc.core.Parameter.fromOrEmpty(attendedAt, Instant.class))
                .bind("awarded", org.springframework.r2dbc.core.Parameter.fromOrEmpty(attendedAt == null ? null : 30L, Long.class))
                .then();
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
