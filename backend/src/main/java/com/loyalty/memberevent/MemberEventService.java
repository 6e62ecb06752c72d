package com.loyalty.memberevent;

import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.media.PictureUrls;
import com.loyalty.media.PictureUse;
import com.loyalty.memberevent.MemberEventInputs.CreateMemberEventInput;
import com.loyalty.memberevent.MemberEventInputs.MemberEventActionInput;
import com.loyalty.memberevent.MemberEventInputs.MemberEventFilter;
import com.loyalty.memberevent.MemberEventInputs.UpdateMemberEventInput;
import com.loyalty.memberevent.MemberEventPayloads.MemberEventConnection;
import com.loyalty.memberevent.MemberEventPayloads.StatusCount;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.SearchText;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.StaffCapsProperties;
import com.loyalty.store.StoreScope;
import com.loyalty.tag.TagService;
import com.loyalty.tier.TierService;
import com.loyalty.tier.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Member events as staff run them: store managers at their own store, marketers and admins at any
 * store of the brand create, change, publish, pause, resume and cancel them, each step audited with
 * before and after. A change of terms takes a new version and never works against members already
 * signed up (see {@link EventSignUpRepository#improveTerms}); a lower capacity drops nobody.
 */
@Service
public class MemberEventService {

    static final int MAX_TITLE = 40;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_REASON = 200;
    static final int MAX_CAPACITY = 10_000;
    static final long MAX_POINTS = 100_000;
    static final int MAX_TAGS = 10;
    static final Duration LONGEST = Duration.ofDays(7);
    static final Duration FURTHEST = Duration.ofDays(731);
    static final Duration DEFAULT_CANCEL_NOTICE = Duration.ofHours(24);

    static final String CREATE = "CREATE_MEMBER_EVENT";
    static final String UPDATE = "UPDATE_MEMBER_EVENT";
    static final String PUBLISH = "PUBLISH_MEMBER_EVENT";
    static final String PAUSE = "PAUSE_MEMBER_EVENT";
    static final String RESUME = "RESUME_MEMBER_EVENT";
    static final String CANCEL = "CANCEL_MEMBER_EVENT";
    static final String SUBJECT = "MEMBER_EVENT";

    private final MemberEventRepository events;
    private final EventSignUpRepository signUps;
    private final EventMessages messages;
    private final StoreScope scope;
    private final TagService tags;
    private final TierService tiers;
    private final PictureUrls pictures;
    private final StaffAuditLog audit;
    private final StaffCapsProperties caps;
    private final Clock clock;
    private final TransactionalOperator tx;

    MemberEventService(MemberEventRepository events, EventSignUpRepository signUps, EventMessages messages,
                       StoreScope scope, TagService tags, TierService tiers, PictureUrls pictures, StaffAuditLog audit,
                       StaffCapsProperties caps, Clock clock, TransactionalOperator tx) {
        this.pictures = pictures;
        this.events = events;
        this.signUps = signUps;
        this.messages = messages;
        this.scope = scope;
        this.tags = tags;
        this.tiers = tiers;
        this.audit = audit;
        this.caps = caps;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<MemberEvent> create(Viewer staff, CreateMemberEventInput in) {
        Instant now = clock.instant();
        return scope.storeFor(staff, in.storeId())
                .flatMap(storeId -> {
                    Instant startsAt = required(in.startsAt(), "startsAt");
                    Instant endsAt = required(in.endsAt(), "endsAt");
                    MemberEventRepository.Terms terms = new MemberEventRepository.Terms(storeId, in.title(),
                            in.description() == null ? "" : in.description(), in.pictureUrl(), startsAt, endsAt,
                            in.capacity() == null ? 0 : in.capacity(), in.minTierLevel(),
                            in.tagIds() == null ? List.of() : in.tagIds(),
                            in.signUpOpensAt() == null ? now : in.signUpOpensAt(),
                            in.signUpClosesAt() == null ? startsAt : in.signUpClosesAt(),
                            in.points() == null ? 0 : in.points(),
                            in.cancelDeadline() == null ? latest(now, startsAt.minus(DEFAULT_CANCEL_NOTICE)) : in.cancelDeadline());
                    return checked(staff, terms, now, null);
                })
                .flatMap(terms -> events.insert(staff.brandId(), terms, staff.staffId(), now))
                .flatMap(event -> audit.recordChange(staff, event.storeId(), CREATE,
                        new AuditedChange(SUBJECT, event.id(), null, snapshot(event)), event.title()).thenReturn(event))
                .as(tx::transactional);
    }

    public Mono<MemberEvent> update(Viewer staff, UpdateMemberEventInput in) {
        Instant now = clock.instant();
        String reason = reason(in.reason(), false);
        return manageable(staff, in.eventId())
                .flatMap(current -> {
                    if (!current.live(now)) {
                        return Mono.error(conflict("活动已取消或已结束，不能再修改"));
                    }
                    MemberEventRepository.Terms was = MemberEventRepository.Terms.of(current);
                    MemberEventRepository.Terms terms = new MemberEventRepository.Terms(current.storeId(),
                            or(in.title(), was.title()), or(in.description(), was.description()),
                            in.pictureUrl() == null ? was.pictureUrl() : in.pictureUrl().isBlank() ? null : in.pictureUrl(),
                            or(in.startsAt(), was.startsAt()), or(in.endsAt(), was.endsAt()),
                            or(in.capacity(), was.capacity()),
                            in.minTierLevel() == null ? was.minTierLevel() : in.minTierLevel() < 0 ? null : in.minTierLevel(),
                            or(in.tagIds(), was.tagIds()), or(in.signUpOpensAt(), was.signUpOpensAt()),
                            or(in.signUpClosesAt(), was.signUpClosesAt()), or(in.points(), was.points()),
                            or(in.cancelDeadline(), was.cancelDeadline()));
                    if (terms.equals(was)) {
                        return Mono.just(current);
                    }
                    return checked(staff, terms, now, current)
                            .flatMap(ok -> events.lock(current.id()))
                            .flatMap(locked -> events.update(locked.id(), terms, now))
                            .flatMap(updated -> signUps.improveTerms(updated.id(), updated.points(), updated.cancelDeadline())
                                    .then(promoteWhileRoom(updated, now))
                                    .then(events.find(updated.brandId(), updated.id())))
                            .flatMap(updated -> audit.recordChange(staff, updated.storeId(), UPDATE,
                                    new AuditedChange(SUBJECT, updated.id(), snapshot(current), snapshot(updated)),
                                    reason).thenReturn(updated));
                })
                .as(tx::transactional);
    }

    public Mono<MemberEvent> publish(Viewer staff, MemberEventActionInput in) {
        return move(staff, in, PUBLISH, MemberEventStatus.DRAFT, MemberEventStatus.PUBLISHED, "只有草稿可以发布");
    }

    public Mono<MemberEvent> pause(Viewer staff, MemberEventActionInput in) {
        return move(staff, in, PAUSE, MemberEventStatus.PUBLISHED, MemberEventStatus.PAUSED, "只有报名中的活动可以暂停");
    }

    public Mono<MemberEvent> resume(Viewer staff, MemberEventActionInput in) {
        return move(staff, in, RESUME, MemberEventStatus.PAUSED, MemberEventStatus.PUBLISHED, "只有已暂停的活动可以恢复");
    }

    /** Cancels the event and tells everyone signed up or waiting. */
    public Mono<MemberEvent> cancel(Viewer staff, MemberEventActionInput in) {
        Instant now = clock.instant();
        String reason = reason(in.reason(), true);
        return manageable(staff, in.eventId())
                .flatMap(current -> events.lock(current.id()))
                .flatMap(current -> {
                    if (!current.live(now)) {
                        return Mono.error(conflict("活动已取消或已结束"));
                    }
                    return events.setStatus(current.id(), MemberEventStatus.CANCELLED, reason, now)
                            .flatMap(cancelled -> signUps.liveMembers(cancelled.id())
                                    .concatMap(memberId -> messages.cancelled(cancelled, memberId, reason, now))
                                    .then(audit.recordChange(staff, cancelled.storeId(), CANCEL,
                                            new AuditedChange(SUBJECT, cancelled.id(), snapshot(current), snapshot(cancelled)),
                                            reason))
                                    .thenReturn(cancelled));
                })
                .as(tx::transactional);
    }

    private Mono<MemberEvent> move(Viewer staff, MemberEventActionInput in, String action, MemberEventStatus from,
                                   MemberEventStatus to, String refusal) {
        Instant now = clock.instant();
        String reason = reason(in.reason(), false);
        return manageable(staff, in.eventId())
                .flatMap(current -> events.lock(current.id()))
                .flatMap(current -> current.status(now) != from ? Mono.error(conflict(refusal))
                        : events.setStatus(current.id(), to, null, now)
                                .flatMap(moved -> audit.recordChange(staff, moved.storeId(), action,
                                        new AuditedChange(SUBJECT, moved.id(), snapshot(current), snapshot(moved)),
                                        reason).thenReturn(moved)))
                .as(tx::transactional);
    }

    /** Moves waiting members up while the event has room (after a larger capacity), telling each. */
    Mono<Void> promoteWhileRoom(MemberEvent event, Instant now) {
        return events.lock(event.id()).flatMap(locked -> locked.placesLeft() == 0 ? Mono.<Void>empty()
                : signUps.promoteFirstWaiting(locked.id(), now)
                        .flatMap(promoted -> events.addPlaces(locked.id(), 1)
                                .then(messages.promoted(locked, promoted, now))
                                .then(promoteWhileRoom(locked, now))));
    }

    /** The event when the staff member may manage it: their store's for a store manager; EVENT_NOT_FOUND otherwise. */
    Mono<MemberEvent> manageable(Viewer staff, Long eventId) {
        return visible(staff, eventId).switchIfEmpty(Mono.error(MemberEventService::notFound));
    }

    /** The event when the staff member may see it (store staff: their store's); empty otherwise. */
    Mono<MemberEvent> visible(Viewer staff, Long eventId) {
        if (eventId == null) {
            return Mono.empty();
        }
        return events.find(staff.brandId(), eventId)
                .filter(event -> staff.role().isBrandWide() || Objects.equals(staff.storeId(), event.storeId()));
    }

    static BusinessException notFound() {
        return new BusinessException(UserError.onInput("eventId", ErrorCode.EVENT_NOT_FOUND, "活动不存在"));
    }

    static BusinessException conflict(String message) {
        return new BusinessException(ErrorCode.EVENT_STATUS_CONFLICT, message);
    }

    /** The staff list: store staff see their own store's events, the brand-wide roles any (or one store's). */
    public Mono<MemberEventConnection> list(Viewer staff, MemberEventFilter filter, Integer first, String after) {
        MemberEventFilter f = filter == null ? new MemberEventFilter(null, null, null) : filter;
        Long storeId = staff.role().isBrandWide() ? f.storeId() : staff.storeId();
        if (!staff.role().isBrandWide() && (storeId == null || f.storeId() != null && !f.storeId().equals(storeId))) {
            return Mono.just(MemberEventConnection.of(Pages.of(List.of(), 0, MemberEvent::id, "event", false, 0),
                    counts(List.of())));
        }
        MemberEventRepository.Where where = new MemberEventRepository.Where(staff.brandId(), storeId,
                SearchText.pattern(f.search(), "search"));
        int size = Pages.size(first);
        Long before = Pages.after(after, "event");
        Instant now = clock.instant();
        return events.statusCounts(where, now).collectList().flatMap(found -> {
            List<StatusCount> counts = counts(found);
            long total = f.status() == null ? counts.stream().mapToLong(StatusCount::count).sum()
                    : counts.stream().filter(c -> c.status() == f.status()).mapToLong(StatusCount::count).sum();
            return events.page(where, f.status(), now, before, size + 1).collectList()
                    .map(rows -> MemberEventConnection.of(Pages.of(rows, size, MemberEvent::id, "event", before != null, total),
                            counts));
        });
    }

    private static List<StatusCount> counts(List<StatusCount> found) {
        Map<MemberEventStatus, Integer> byStatus = found.stream()
                .collect(Collectors.toMap(StatusCount::status, StatusCount::count, Integer::sum));
        return Arrays.stream(MemberEventStatus.values()).map(s -> new StatusCount(s, byStatus.getOrDefault(s, 0))).toList();
    }

    /** Each event's numbers, for a page of events at once. */
    public Mono<Map<Long, MemberEventStats>> stats(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return events.stats(eventIds, clock.instant())
                .collectMap(MemberEventRepository.Numbers::eventId, MemberEventRepository.Numbers::stats);
    }

    /** The terms when they make sense (ranges, order of times, tier, tags, the editor's points cap); INVALID_INPUT on the field otherwise. */
    private Mono<MemberEventRepository.Terms> checked(Viewer staff, MemberEventRepository.Terms t, Instant now,
                                                      MemberEvent current) {
        String title = t.title() == null ? "" : t.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE || title.contains("\n")) {
            return invalid("title", "活动名称需为 1 到 " + MAX_TITLE + " 个字，且不能换行");
        }
        String description = t.description().strip();
        if (description.length() > MAX_DESCRIPTION) {
            return invalid("description", "活动介绍最多 " + MAX_DESCRIPTION + " 个字");
        }
        String picture = t.pictureUrl() == null || t.pictureUrl().isBlank() ? null : t.pictureUrl().strip();
        // a new picture: uploaded for this store's events (or the brand's), or an https URL; one kept is not checked again
        Mono<String> pictureCheck = picture == null || current != null && picture.equals(current.pictureUrl()) ? Mono.empty()
                : pictures.checked(staff, picture, PictureUse.EVENT, t.storeId(), "pictureUrl");
        boolean startMoved = current == null || !t.startsAt().equals(current.startsAt());
        if (startMoved && !t.startsAt().isAfter(now) || t.startsAt().isAfter(now.plus(FURTHEST))) {
            return invalid("startsAt", "开始时间需在现在之后、两年以内");
        }
        if (!t.endsAt().isAfter(t.startsAt()) || t.endsAt().isAfter(t.startsAt().plus(LONGEST))) {
            return invalid("endsAt", "结束时间需晚于开始时间，且活动最长 7 天");
        }
        if (t.capacity() < 1 || t.capacity() > MAX_CAPACITY) {
            return invalid("capacity", "名额需为 1 到 " + MAX_CAPACITY);
        }
        if (t.points() < 0 || t.points() > MAX_POINTS) {
            return invalid("points", "到场积分需为 0 到 " + MAX_POINTS);
        }
        if (!t.signUpClosesAt().isAfter(t.signUpOpensAt()) || t.signUpClosesAt().isAfter(t.endsAt())) {
            return invalid("signUpClosesAt", "报名截止需晚于报名开始，且不晚于活动结束");
        }
        if (t.signUpOpensAt().isAfter(now.plus(FURTHEST))) {
            return invalid("signUpOpensAt", "报名开始需在两年以内");
        }
        if (t.cancelDeadline().isAfter(t.startsAt())) {
            return invalid("cancelDeadline", "取消截止不能晚于活动开始");
        }
        if (t.tagIds().size() > MAX_TAGS) {
            return invalid("tagIds", "最多指定 " + MAX_TAGS + " 个标签");
        }
        long cap = caps.of(staff.role()).pointsPerGrant();
        if (t.points() > cap && (current == null || t.points() > current.points())) {
            return Mono.error(new BusinessException(UserError.onInput("points", ErrorCode.POINTS_CAP_EXCEEDED,
                    "到场积分 " + t.points() + " 超出您的发放上限（每人 " + cap + " 分），请由管理员设置")));
        }
        List<Long> tagIds = List.copyOf(new LinkedHashSet<>(t.tagIds()));
        Integer level = t.minTierLevel();
        List<Tier> ladder = tiers.tiersAt(now);
        if (level != null && ladder.stream().noneMatch(tier -> tier.level() == level)) {
            return invalid("minTierLevel", "没有这个等级（可选 " + ladder.stream().map(tier -> tier.level() + " " + tier.name())
                    .collect(Collectors.joining("、")) + "）");
        }
        return Flux.fromIterable(tagIds)
                .concatMap(id -> tags.find(staff.brandId(), id).switchIfEmpty(Mono.error(() -> new BusinessException(
                        UserError.onInput("tagIds", ErrorCode.TAG_NOT_FOUND, "标签不存在：" + id)))))
                .then(pictureCheck)
                .then(Mono.just(new MemberEventRepository.Terms(t.storeId(), title, description, picture, t.startsAt(),
                        t.endsAt(), t.capacity(), level, tagIds, t.signUpOpensAt(), t.signUpClosesAt(), t.points(),
                        t.cancelDeadline())));
    }

    private static <T> Mono<T> invalid(String field, String message) {
        return Mono.error(BusinessException.invalid(field, message));
    }

    private static Instant required(Instant value, String field) {
        if (value == null) {
            throw BusinessException.invalid(field, "请填写" + ("startsAt".equals(field) ? "开始时间" : "结束时间"));
        }
        return value;
    }

    private static String reason(String reason, boolean required) {
        String r = reason == null ? "" : reason.strip();
        if (required && r.isEmpty()) {
            throw BusinessException.invalid("reason", "请填写取消原因（会告知已报名的会员）");
        }
        if (r.length() > MAX_REASON) {
            throw BusinessException.invalid("reason", "原因最多 " + MAX_REASON + " 个字");
        }
        return r.isEmpty() ? null : r;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    /** What the audit trail keeps of an event before and after a change. */
    static Map<String, Object> snapshot(MemberEvent e) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("title", e.title());
        s.put("storeId", e.storeId());
        s.put("startsAt", e.startsAt().toString());
        s.put("endsAt", e.endsAt().toString());
        s.put("capacity", e.capacity());
        s.put("minTierLevel", e.minTierLevel());
        s.put("tagIds", e.tagIds());
        s.put("signUpOpensAt", e.signUpOpensAt().toString());
        s.put("signUpClosesAt", e.signUpClosesAt().toString());
        s.put("points", e.points());
        s.put("cancelDeadline", e.cancelDeadline().toString());
        s.put("status", e.storedStatus().name());
        s.put("version", e.version());
        s.put("pictureUrl", e.pictureUrl());
        s.put("description", e.description());
        return s;
    }
}
