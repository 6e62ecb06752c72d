package com.loyalty.stamp;

import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.coupon.CouponTemplateService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreService;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The console's side of stamp cards: marketers and admins run the brand's cards (brand-wide or for
 * one store), a store manager only their own store's (and reads the brand-wide ones). Every change
 * is a new version (members' running cards keep theirs) and is audited with before and after.
 */
@Service
public class StampCardService {

    /** The audit trail's name for a stamp card. */
    static final String SUBJECT = "STAMP_CARD";
    static final int MAX_NAME = 40;
    static final int MAX_CATEGORY = 40;
    static final int MIN_STAMPS = 2;
    static final int MAX_STAMPS = 30;
    /** The largest minimum paid amount: 100 000 yuan. */
    static final long MAX_MIN_PAID_CENTS = 10_000_000L;
    static final int MAX_PERIOD_DAYS = 366;
    static final long MAX_REWARD_POINTS = 100_000L;
    private static final String CURSOR_KIND = "stamp-card";

    private final StampRepository cards;
    private final StoreService stores;
    private final CouponTemplateService templates;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    StampCardService(StampRepository cards, StoreService stores, CouponTemplateService templates, StaffAuditLog audit,
                     Clock clock, TransactionalOperator tx) {
        this.cards = cards;
        this.stores = stores;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<StampCard> create(Viewer staff, StampCardInput given) {
        StampCardInput in = given;
        if (staff.role() == Role.STORE_MANAGER) {
            if (in.storeId() != null && !in.storeId().equals(staff.storeId())) {
                return Mono.error(new AccessDeniedException("a manager's stamp cards are for their own store"));
            }
            in = new StampCardInput(in.name(), staff.storeId(), in.stampsNeeded(), in.category(), in.minPaidCents(),
                    in.period(), in.periodDays(), in.rewardPoints(), in.rewardCouponTemplateId());
        }
        StampCardInput checked = in;
        return check(staff, checked)
                .then(Mono.defer(() -> checked.storeId() == null ? Mono.empty()
                        : stores.require(staff.brandId(), checked.storeId(), "storeId").then()))
                .then(Mono.defer(() -> cards.insert(staff.brandId(), checked, staff.id(), clock.instant())))
                .flatMap(card -> audit.recordChange(staff, card.storeId(), "CREATE_STAMP_CARD",
                        AuditedChange.created(SUBJECT, card.id(), card), card.name()).thenReturn(card))
                .as(tx::transactional);
    }

    /** New terms as the card's next version: orders stamp under them from now on; running cards keep theirs. */
    public Mono<StampCard> update(Viewer staff, UpdateStampCardInput in) {
        return editable(staff, in.id()).flatMap(before -> {
            if (before.status() == StampCard.Status.STOPPED) {
                return Mono.error(stopped());
            }
            StampCardInput changed = in.applyTo(before);
            return check(staff, changed)
                    .then(Mono.defer(() -> cards.newVersion(staff.brandId(), before.id(), changed, staff.id(), clock.instant())))
                    .switchIfEmpty(Mono.error(StampCardService::stopped))
                    .flatMap(after -> audit.recordChange(staff, after.storeId(), "UPDATE_STAMP_CARD",
                            AuditedChange.changed(SUBJECT, after.id(), before, after), after.name()).thenReturn(after));
        }).as(tx::transactional);
    }

    public Mono<StampCard> pause(Viewer staff, Long id) {
        return move(staff, id, EnumSet.of(StampCard.Status.ACTIVE), StampCard.Status.PAUSED, "PAUSE_STAMP_CARD",
                "只有进行中的集章卡可以暂停");
    }

    public Mono<StampCard> resume(Viewer staff, Long id) {
        return move(staff, id, EnumSet.of(StampCard.Status.PAUSED), StampCard.Status.ACTIVE, "RESUME_STAMP_CARD",
                "只有已暂停的集章卡可以恢复");
    }

    /** Stops the card for good: no more stamps, and members' running cards end (rewards given stay). */
    public Mono<StampCard> stop(Viewer staff, Long id) {
        return move(staff, id, EnumSet.of(StampCard.Status.ACTIVE, StampCard.Status.PAUSED), StampCard.Status.STOPPED,
                "STOP_STAMP_CARD", "集章卡已停止");
    }

    private Mono<StampCard> move(Viewer staff, Long id, EnumSet<StampCard.Status> from, StampCard.Status to,
                                 String action, String conflict) {
        return editable(staff, id)
                .flatMap(before -> cards.setStatus(staff.brandId(), before.id(), from, to, clock.instant())
                        .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("id",
                                ErrorCode.STAMP_CARD_STATUS_CONFLICT, conflict))))
                        .flatMap(after -> (to == StampCard.Status.STOPPED ? cards.expireRunning(after.id()).then()
                                : Mono.<Void>empty()).thenReturn(after))
                        .flatMap(after -> audit.recordChange(staff, after.storeId(), action,
                                AuditedChange.changed(SUBJECT, after.id(), before, after), after.name()).thenReturn(after)))
                .as(tx::transactional);
    }

    /** A page of the cards the staff member may see, newest first. */
    public Mono<Pages.Page<StampCard>> page(Viewer staff, StampCardFilter filter, Integer first, String after) {
        StampCardFilter f = filter == null ? StampCardFilter.ALL : filter;
        Long managerStore = staff.role() == Role.STORE_MANAGER ? staff.storeId() : null;
        if (managerStore != null && f.storeId() != null && !f.storeId().equals(managerStore)) {
            return Mono.error(new AccessDeniedException("a manager lists their own store's stamp cards"));
        }
        int size = Pages.size(first);
        Long before = Pages.after(after, CURSOR_KIND);
        return cards.page(staff.brandId(), f, managerStore, before, size + 1).collectList()
                .zipWith(cards.count(staff.brandId(), f, managerStore),
                        (rows, total) -> Pages.of(rows, size, StampCard::id, CURSOR_KIND, after != null, total));
    }

    /** The card if the staff member may see it (a manager: brand-wide or their store's); empty otherwise. */
    public Mono<StampCard> find(Viewer staff, long id) {
        return cards.find(staff.brandId(), id).filter(card -> visible(staff, card));
    }

    public Mono<Map<Long, StampCardStats>> stats(List<StampCard> list) {
        return list.isEmpty() ? Mono.just(Map.of()) : cards.stats(list.stream().map(StampCard::id).toList());
    }

    private static boolean visible(Viewer staff, StampCard card) {
        return staff.role() != Role.STORE_MANAGER || card.storeId() == null || card.storeId().equals(staff.storeId());
    }

    /**
     * The card the staff member may change: STAMP_CARD_NOT_FOUND when they cannot see it, FORBIDDEN for a
     * manager and a brand-wide card.
     */
    private Mono<StampCard> editable(Viewer staff, Long id) {
        return (id == null ? Mono.<StampCard>empty() : find(staff, id))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("id",
                        ErrorCode.STAMP_CARD_NOT_FOUND, "集章卡不存在"))))
                .flatMap(card -> staff.role() == Role.STORE_MANAGER && card.storeId() == null
                        ? Mono.error(new AccessDeniedException("brand-wide stamp cards are run by marketers and admins"))
                        : Mono.just(card));
    }

    private static BusinessException stopped() {
        return new BusinessException(UserError.onInput("id", ErrorCode.STAMP_CARD_STATUS_CONFLICT, "集章卡已停止，不能再修改"));
    }

    /** What is wrong with the terms (INVALID_INPUT on the field), and the reward coupon's template. */
    private Mono<Void> check(Viewer staff, StampCardInput in) {
        BusinessException problem = problem(in);
        if (problem != null) {
            return Mono.error(problem);
        }
        if (in.rewardCouponTemplateId() == null) {
            return Mono.empty();
        }
        return templates.find(staff, in.rewardCouponTemplateId())
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("rewardCouponTemplateId",
                        ErrorCode.COUPON_NOT_FOUND, "优惠券不存在"))))
                .flatMap(t -> t.archived() ? Mono.error(new BusinessException(UserError.onInput("rewardCouponTemplateId",
                        ErrorCode.COUPON_ARCHIVED, "优惠券「" + t.name() + "」已下架，不能作为集章奖励")))
                        : staff.role() == Role.STORE_MANAGER && !t.usableAt(staff.storeId())
                        ? Mono.error(new AccessDeniedException("a manager rewards with their own store's coupons"))
                        : Mono.empty());
    }

    static BusinessException problem(StampCardInput in) {
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > MAX_NAME) {
            return BusinessException.invalid("name", "名称需为 1 到 " + MAX_NAME + " 个字符");
        }
        if (in.stampsNeeded() == null || in.stampsNeeded() < MIN_STAMPS || in.stampsNeeded() > MAX_STAMPS) {
            return BusinessException.invalid("stampsNeeded", "集章数需为 " + MIN_STAMPS + " 到 " + MAX_STAMPS + " 个");
        }
        if (in.category() != null && (in.category().isBlank() || in.category().strip().length() > MAX_CATEGORY)) {
            return BusinessException.invalid("category", "商品品类需为 1 到 " + MAX_CATEGORY + " 个字符");
        }
        if (in.minPaidCents() != null && (in.minPaidCents() < 1 || in.minPaidCents() > MAX_MIN_PAID_CENTS)) {
            return BusinessException.invalid("minPaidCents", "最低实付金额需为 0.01 到 100000 元");
        }
        if (in.category() == null && in.minPaidCents() == null) {
            return BusinessException.invalid("category", "请设置集章条件：商品品类或最低实付金额（至少一项）");
        }
        if (in.period() == null) {
            return BusinessException.invalid("period", "请选择集章期限");
        }
        if (in.period() == StampCard.Period.DAYS
                && (in.periodDays() == null || in.periodDays() < 1 || in.periodDays() > MAX_PERIOD_DAYS)) {
            return BusinessException.invalid("periodDays", "期限天数需为 1 到 " + MAX_PERIOD_DAYS + " 天");
        }
        if (in.period() == StampCard.Period.CALENDAR_MONTH && in.periodDays() != null) {
            return BusinessException.invalid("periodDays", "按自然月集章时不设天数");
        }
        if ((in.rewardPoints() == null) == (in.rewardCouponTemplateId() == null)) {
            return BusinessException.invalid("rewardPoints", "奖励需为积分或优惠券，二选一");
        }
        if (in.rewardPoints() != null && (in.rewardPoints() < 1 || in.rewardPoints() > MAX_REWARD_POINTS)) {
            return BusinessException.invalid("rewardPoints", "奖励积分需为 1 到 " + MAX_REWARD_POINTS + " 分");
        }
        return null;
    }
}
