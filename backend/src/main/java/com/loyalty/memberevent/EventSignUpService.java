package com.loyalty.memberevent;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.member.Member;
import com.loyalty.membercode.MemberCodeService;
import com.loyalty.memberevent.MemberEventPayloads.EventCheckInPayload;
import com.loyalty.memberevent.MemberEventPayloads.EventSignUpPayload;
import com.loyalty.memberevent.MemberEventPayloads.MemberEventConnection;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.tag.Tag;
import com.loyalty.tag.TagService;
import com.loyalty.tier.TierService;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A member's side of events: signing up (a place while there is one, else the waiting list),
 * cancelling (a freed place goes to the first waiting, who is told), and being checked in at the
 * door by the event's store staff, who scan the member's rotating code: the attendance is recorded
 * once and its points go through the ledger once (idempotency key {@code event:<id>}).
 */
@Service
public class EventSignUpService {

    static final String CHECK_IN = "CHECK_IN_AT_EVENT";

    private final MemberEventRepository events;
    private final EventSignUpRepository signUps;
    private final MemberEventService management;
    private final EventMessages messages;
    private final MemberCodeService codes;
    private final PointsService points;
    private final TierService tiers;
    private final TagService tags;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    EventSignUpService(MemberEventRepository events, EventSignUpRepository signUps, MemberEventService management,
                       EventMessages messages, MemberCodeService codes, PointsService points, TierService tiers,
                       TagService tags, StaffAuditLog audit, Clock clock, TransactionalOperator tx) {
        this.events = events;
        this.signUps = signUps;
        this.management = management;
        this.messages = messages;
        this.codes = codes;
        this.points = points;
        this.tiers = tiers;
        this.tags = tags;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** Who the member is for audiences: their tier level and tags now. */
    record Standing(int tierLevel, Set<Long> tagIds) {

        boolean takes(MemberEvent event) {
            return (event.minTierLevel() == null || tierLevel >= event.minTierLevel())
                    && (event.tagIds().isEmpty() || event.tagIds().stream().anyMatch(tagIds::contains));
        }
    }

    Mono<Standing> standing(long memberId) {
        return tiers.current(memberId).zipWith(tags.tagsOf(List.of(memberId)),
                (tier, tagged) -> new Standing(tier.level(), tagged.getOrDefault(memberId, List.of()).stream()
                        .map(Tag::id).collect(Collectors.toSet())));
    }

    /** The event when the member may see it: of their brand, not a draft, for them or signed up by them. */
    Mono<MemberEvent> visibleTo(Viewer member, Long eventId) {
        if (eventId == null) {
            return Mono.empty();
        }
        return events.find(member.brandId(), eventId)
                .filter(event -> event.storedStatus() != MemberEventStatus.DRAFT)
                .filterWhen(event -> signUps.find(event.id(), member.id()).hasElement()
                        .flatMap(signed -> signed ? Mono.just(true) : standing(member.id()).map(s -> s.takes(event))));
    }

    public Mono<EventSignUpPayload> signUp(Viewer member, Long eventId) {
        Instant now = clock.instant();
        return events.find(member.brandId(), eventId == null ? -1 : eventId)
                .filter(event -> event.storedStatus() != MemberEventStatus.DRAFT)
                .switchIfEmpty(Mono.error(MemberEventService::notFound))
                .flatMap(event -> signUps.find(event.id(), member.id())
                        .filter(existing -> existing.status() != EventSignUp.Status.CANCELLED)
                        .map(existing -> EventSignUpPayload.of(existing, true))
                        .switchIfEmpty(Mono.defer(() -> {
                            if (!event.signUpOpen(now)) {
                                return Mono.error(new BusinessException(ErrorCode.EVENT_SIGN_UP_CLOSED, closedReason(event, now)));
                            }
                            return standing(member.id()).flatMap(standing -> standing.takes(event)
                                    ? take(event.id(), member.id(), now)
                                    : Mono.error(new BusinessException(ErrorCode.EVENT_NOT_FOR_MEMBER,
                                            "该活动仅限" + audienceText(event) + "参加")));
                        })));
    }

    /** Under the event's lock: a place while there is room, else the back of the waiting list. */
    private Mono<EventSignUpPayload> take(long eventId, long memberId, Instant now) {
        return events.lock(eventId)
                .flatMap(event -> signUps.find(eventId, memberId)
                        .filter(existing -> existing.status() != EventSignUp.Status.CANCELLED)
                        .map(existing -> EventSignUpPayload.of(existing, true))
                        .switchIfEmpty(Mono.defer(() -> {
                            if (!event.signUpOpen(now)) {
                                return Mono.error(new BusinessException(ErrorCode.EVENT_SIGN_UP_CLOSED, closedReason(event, now)));
                            }
                            boolean room = event.placesLeft() > 0;
                            return signUps.signUp(event, memberId, room ? EventSignUp.Status.CONFIRMED : EventSignUp.Status.WAITING, now)
                                    .flatMap(done -> (room ? events.addPlaces(eventId, 1) : Mono.<Void>empty())
                                            .thenReturn(EventSignUpPayload.of(done, false)));
                        })))
                .as(tx::transactional);
    }

    private static String closedReason(MemberEvent event, Instant now) {
        return switch (event.status(now)) {
            case PAUSED -> "活动暂停报名";
            case CANCELLED -> "活动已取消";
            case FINISHED -> "活动已结束";
            default -> now.isBefore(event.signUpOpensAt()) ? "报名尚未开始" : "报名已截止";
        };
    }

    private static String audienceText(MemberEvent event) {
        String tier = event.minTierLevel() == null ? "" : "等级 " + event.minTierLevel() + " 及以上";
        String tag = event.tagIds().isEmpty() ? "" : "指定标签";
        return tier.isEmpty() ? tag + "会员" : tag.isEmpty() ? tier + "会员" : tier + "且有" + tag + "的会员";
    }

    public Mono<EventSignUpPayload> cancel(Viewer member, Long eventId) {
        Instant now = clock.instant();
        return events.find(member.brandId(), eventId == null ? -1 : eventId)
                .switchIfEmpty(Mono.error(MemberEventService::notFound))
                .flatMap(found -> events.lock(found.id()))
                .flatMap(event -> signUps.find(event.id(), member.id())
                        .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.EVENT_NOT_SIGNED_UP, "你没有报名这个活动")))
                        .flatMap(signUp -> {
                            if (signUp.status() == EventSignUp.Status.CANCELLED) {
                                return Mono.just(EventSignUpPayload.of(signUp, true));
                            }
                            if (signUp.attended()) {
                                return Mono.error(MemberEventService.conflict("你已到场签到，不能取消报名"));
                            }
                            if (!event.live(now)) {
                                return Mono.error(MemberEventService.conflict("活动已取消或已结束"));
                            }
                            boolean confirmed = signUp.status() == EventSignUp.Status.CONFIRMED;
                            Instant deadline = confirmed ? signUp.cancelDeadline() : event.startsAt();
                            if (now.isAfter(deadline)) {
                                return Mono.error(new BusinessException(ErrorCode.EVENT_CANCEL_DEADLINE_PASSED,
                                        "已过取消截止时间，不能取消报名"));
                            }
                            return signUps.cancel(signUp.id(), now)
                                    .flatMap(done -> done ? Mono.<Void>empty()
                                            : Mono.error(MemberEventService.conflict("你已到场签到，不能取消报名")))
                                    .then(confirmed ? events.addPlaces(event.id(), -1)
                                            .then(management.promoteWhileRoom(event, now)) : Mono.<Void>empty())
                                    .then(signUps.find(event.id(), member.id()))
                                    .map(cancelled -> EventSignUpPayload.of(cancelled, false));
                        }))
                .as(tx::transactional);
    }

    /**
     * An erased member cannot come (they can no longer sign in to show their ticket): their places and
     * waiting-list entries in events that have not started are given up, whatever the cancellation
     * deadline, and each freed place goes to the first waiting, who is told. What they attended stays.
     * Runs inside the erasure's transaction.
     */
    public Mono<Void> giveUpPlacesOf(long memberId) {
        Instant now = clock.instant();
        return signUps.upcomingOf(memberId, now)
                .concatMap(signUp -> events.lock(signUp.eventId())
                        .flatMap(event -> signUps.cancel(signUp.id(), now)
                                .flatMap(done -> done && signUp.status() == EventSignUp.Status.CONFIRMED
                                        ? events.addPlaces(event.id(), -1).then(management.promoteWhileRoom(event, now))
                                        : Mono.<Void>empty())))
                .then();
    }

    /**
     * Checks the member whose code the staff member scanned in at the door of an event of their store:
     * the attendance and its points once; a repeat answers the same attendance, replayed.
     */
    public Mono<EventCheckInPayload> checkIn(Viewer staff, Long eventId, String memberCode) {
        Instant now = clock.instant();
        if (memberCode == null || memberCode.isBlank() || memberCode.length() > 200) {
            return Mono.error(BusinessException.invalid("memberCode", "请扫描会员的活动票券（会员码）"));
        }
        return management.manageable(staff, eventId)
                .flatMap(event -> event.doorsOpen(now) ? Mono.just(event)
                        : Mono.error(new BusinessException(ErrorCode.EVENT_CHECK_IN_CLOSED,
                                "活动开始前 1 小时到活动结束之间才能签到")))
                .flatMap(event -> codes.redeem(staff, memberCode.strip(), "event:" + event.id())
                        .flatMap(member -> attend(staff, event, member, now)));
    }

    private Mono<EventCheckInPayload> attend(Viewer staff, MemberEvent event, Member member, Instant now) {
        return points.lock(member.id())
                .then(signUps.find(event.id(), member.id()))
                .filter(signUp -> signUp.status() == EventSignUp.Status.CONFIRMED)
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.EVENT_NOT_SIGNED_UP,
                        "该会员没有这个活动的正式名额（未报名、候补中或已取消）")))
                .flatMap(signUp -> signUp.attended() ? Mono.just(new EventCheckInPayload(signUp, member, true, List.of()))
                        : signUps.attend(signUp.id(), staff.staffId(), signUp.points(), now)
                                .flatMap(attended -> award(staff, event, attended, now)
                                        .then(audit.record(staff, event.storeId(), CHECK_IN, member.id(),
                                                event.id() + " " + event.title() + " +" + attended.points()))
                                        .thenReturn(new EventCheckInPayload(attended, member, false, List.of()))))
                .as(tx::transactional);
    }

    private Mono<Void> award(Viewer staff, MemberEvent event, EventSignUp attended, Instant now) {
        if (attended.points() <= 0) {
            return Mono.empty();
        }
        return points.credit(new NewEntry(event.brandId(), attended.memberId(), EntryKind.EVENT, null, null,
                        event.storeId(), staff.staffId(), "活动到场：" + event.title(), "event:" + event.id(), now),
                attended.points(), points.expiryFor(now)).then();
    }

    /** Events for the member's list: published or paused, not ended, whose audience takes them now. */
    public Mono<MemberEventConnection> forMember(Viewer member, Integer first, String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, "event");
        Instant now = clock.instant();
        return standing(member.id()).flatMap(standing -> events.visibleToMembers(member.brandId(), now, null, 1000)
                .collectList()
                .flatMap(all -> signUps.ofMemberAt(member.id(), all.stream().map(MemberEvent::id).toList())
                        .map(EventSignUp::eventId).collect(Collectors.toSet())
                        .map(signed -> {
                            List<MemberEvent> mine = all.stream()
                                    .filter(e -> standing.takes(e) || signed.contains(e.id())).toList();
                            List<MemberEvent> page = mine.stream().filter(e -> before == null || e.id() < before)
                                    .limit(size + 1L).toList();
                            return MemberEventConnection.of(Pages.of(page, size, MemberEvent::id, "event", before != null,
                                    mine.size()), List.of());
                        })));
    }

    /** The member's own sign-ups, newest first. */
    public Mono<Pages.Page<EventSignUp>> mine(Viewer member, Integer first, String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, "signup");
        return signUps.countOfMember(member.id()).flatMap(total -> signUps.ofMember(member.id(), before, size + 1)
                .collectList().map(rows -> Pages.of(rows, size, EventSignUp::id, "signup", before != null, total)));
    }

    /** An event's sign-ups in sign-up order, for staff who may see the event. */
    public Mono<Pages.Page<EventSignUp>> ofEvent(MemberEvent event, EventSignUp.Status status, Integer first, String after) {
        int size = Pages.size(first);
        Long afterQueue = Pages.after(after, "queue");
        return signUps.countOfEvent(event.id(), status).flatMap(total -> signUps.ofEvent(event.id(), status, afterQueue,
                        size + 1)
                .collectList().map(rows -> Pages.of(rows, size, EventSignUp::queueNo, "queue", afterQueue != null, total)));
    }

    /** The member's sign-ups of these events. */
    public Mono<Map<Long, EventSignUp>> mySignUps(long memberId, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return signUps.ofMemberAt(memberId, eventIds).collectMap(EventSignUp::eventId, Function.identity());
    }

    /** The latest sign-ups of each of these members (for their profiles). */
    public Mono<Map<Long, List<EventSignUp>>> ofMembers(Collection<Long> memberIds, int last) {
        if (memberIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return signUps.latestOfMembers(memberIds, last).collectMultimap(EventSignUp::memberId)
                .map(m -> m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    public Mono<Map<Long, MemberEvent>> eventsByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return events.findByIds(ids).collectMap(MemberEvent::id);
    }

}
