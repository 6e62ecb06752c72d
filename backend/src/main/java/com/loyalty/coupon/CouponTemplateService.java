package com.loyalty.coupon;

import com.loyalty.audit.AuditedChange;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.SearchText;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.StoreService;
import com.loyalty.tier.TierService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Coupon templates for the people who run the programme: created, listed, read, edited, archived
 * and brought back, each change audited with before and after. Marketers and admins work on the
 * brand's templates; a store manager sees the templates usable at their store and creates, edits
 * and archives only those limited to it.
 */
@Service
public class CouponTemplateService {

    /**
     * The largest amount a template may name (off, threshold, cap): 10 million yuan, as the till's
     * largest order (loyalty.purchase.max-amount-cents by default), so that no sum of them overflows.
     */
    static final long MAX_CENTS = 1_000_000_000L;
    /** Coupons valid for days after they are got: at most ten years (a longer one cannot be stored). */
    static final int MAX_VALID_DAYS = 3660;
    /** The most points a coupon may cost. */
    static final long MAX_POINTS_PRICE = 1_000_000_000L;
    /** The audit trail's name for a template. */
    static final String SUBJECT = "COUPON_TEMPLATE";
    /** Early access starts and openings are at most this far from now. */
    private static final Duration HORIZON = Duration.ofDays(3660);
    private static final String CURSOR_KIND = "coupon-template";

    private final CouponRepository coupons;
    private final StoreService stores;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final CouponStockGate gate;
    private final HeldTemplates held;
    private final TierService tiers;

    CouponTemplateService(CouponRepository coupons, StoreService stores, StaffAuditLog audit, Clock clock,
                          CouponStockGate gate, HeldTemplates held, TierService tiers) {
        this.tiers = tiers;
        this.gate = gate;
        this.held = held;
        this.coupons = coupons;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<CouponTemplate> create(Viewer staff, CreateCouponTemplateInput input) {
        BusinessException problem = problem(input);
        if (problem == null) {
            problem = earlyAccessProblem(input);
        }
        if (problem != null) {
            return Mono.error(problem);
        }
        CreateCouponTemplateInput in = withEarlyAccess(input, input.earlyAccess() == null ? null
                : input.earlyAccess().normalised());
        CreateCouponTemplateInput scoped = in;
        if (staff.role() == Role.STORE_MANAGER) {
            if (in.storeIds() != null && !in.storeIds().equals(List.of(staff.storeId()))) {
                return Mono.error(new AccessDeniedException("a manager's coupons are for their own store"));
            }
            scoped = withStores(in, List.of(staff.storeId()));
        }
        CreateCouponTemplateInput checked = scoped;
        return Flux.fromIterable(checked.storeIds() == null ? List.<Long>of() : checked.storeIds())
                .concatMap(id -> stores.require(staff.brandId(), id, "storeIds"))
                .then(coupons.insertTemplate(staff.brandId(), checked, staff.id(), clock.instant()))
                .flatMap(t -> audit.recordChange(staff, staff.storeId(), "CREATE_COUPON_TEMPLATE",
                        AuditedChange.created(SUBJECT, t.id(), t), t.name()).thenReturn(t));
    }

    /** A page of the templates the staff member may see, newest first, narrowed by the filter. */
    public Mono<Pages.Page<CouponTemplate>> page(Viewer staff, CouponTemplateFilter filter, Integer first, String after) {
        CouponTemplateFilter f = filter == null ? CouponTemplateFilter.none() : filter;
        if (staff.role() == Role.STORE_MANAGER) {
            if (f.storeId() != null && !f.storeId().equals(staff.storeId())) {
                return Mono.error(new AccessDeniedException("a manager lists their own store's coupons"));
            }
            f = f.atStore(staff.storeId());
        }
        String search = SearchText.pattern(f.search(), "filter.search");
        int size = Pages.size(first);
        Long before = Pages.after(after, CURSOR_KIND);
        CouponTemplateFilter scoped = f;
        return coupons.templatePage(staff.brandId(), scoped, search, before, size + 1).collectList()
                .zipWith(coupons.countTemplates(staff.brandId(), scoped, search),
                        (rows, total) -> Pages.of(rows, size, CouponTemplate::id, CURSOR_KIND, after != null, total));
    }

    /** The template if the staff member may see it (a manager: one usable at their store); empty otherwise. */
    public Mono<CouponTemplate> find(Viewer staff, long id) {
        return coupons.findTemplate(staff.brandId(), id).filter(t -> visible(staff, t));
    }

    /** Changes name, stock, validity for coupons got from now on, per-member limit and the centre settings. */
    public Mono<CouponTemplate> update(Viewer staff, UpdateCouponTemplateInput in) {
        return editable(staff, in.templateId()).flatMap(before -> {
            CreateCouponTemplateInput applied = in.applyTo(before);
            BusinessException problem = problem(applied);
            if (problem == null) {
                problem = earlyAccessProblem(applied);
            }
            if (problem != null) {
                return Mono.error(problem);
            }
            CreateCouponTemplateInput changed = withEarlyAccess(applied, applied.earlyAccess() == null ? null
                    : applied.earlyAccess().normalised());
            return coupons.issuedCounts(List.of(before.id())).map(issued -> issued.getOrDefault(before.id(), 0L))
                    .flatMap(issued -> changed.totalStock() != null && changed.totalStock() < issued
                            ? Mono.error(BusinessException.invalid("totalStock", "库存不能少于已发出的 " + issued + " 张"))
                            : coupons.updateTemplate(staff.brandId(), before.id(), changed))
                    // coupons were handed out between the check and the update: the stock is now below them
                    .switchIfEmpty(Mono.error(() -> BusinessException.invalid("totalStock", "库存不能少于已发出的数量")))
                    // a new stock: the gate is built again from Postgres with it
                    .flatMap(after -> (java.util.Objects.equals(before.totalStock(), after.totalStock()) ? Mono.<Void>empty()
                            : gate.rebuild(after.id())).then(held.changed(after.id())).thenReturn(after))
                    .flatMap(after -> audit.recordChange(staff, staff.storeId(), "UPDATE_COUPON_TEMPLATE",
                            AuditedChange.changed(SUBJECT, after.id(), before, after), after.name()).thenReturn(after));
        });
    }

    /** Archives the template (no new coupons of it; coupons held stay valid) or brings it back. */
    public Mono<CouponTemplate> setArchived(Viewer staff, Long templateId, boolean archive) {
        return editable(staff, templateId).flatMap(before -> before.archived() == archive ? Mono.just(before)
                : coupons.setTemplateArchived(staff.brandId(), before.id(), archive ? clock.instant() : null)
                        .flatMap(after -> held.changed(after.id()).thenReturn(after))
                        .flatMap(after -> audit.recordChange(staff, staff.storeId(),
                                archive ? "ARCHIVE_COUPON_TEMPLATE" : "UNARCHIVE_COUPON_TEMPLATE",
                                AuditedChange.changed(SUBJECT, after.id(), before, after), after.name())
                                .thenReturn(after)));
    }

    /** Issued, redeemed and stock left of each template. */
    public Mono<Map<Long, CouponTemplateUsage>> usage(Collection<CouponTemplate> templates) {
        List<Long> ids = templates.stream().map(CouponTemplate::id).distinct().toList();
        return coupons.redeemed(ids).collectMap(CouponRepository.TemplateRedeemed::templateId,
                        CouponRepository.TemplateRedeemed::redeemed)
                .zipWith(coupons.issuedCounts(ids), (redeemed, issued) -> templates.stream()
                        .collect(Collectors.toMap(CouponTemplate::id, t -> {
                            long n = issued.getOrDefault(t.id(), 0L);
                            return new CouponTemplateUsage(n, redeemed.getOrDefault(t.id(), 0L), t.remainingStock(n));
                        }, (a, b) -> a)));
    }

    /**
     * The template the staff member may change: a marketer's or admin's of the brand, a manager's only
     * when limited to their store (FORBIDDEN for another they can see); COUPON_NOT_FOUND otherwise.
     */
    private Mono<CouponTemplate> editable(Viewer staff, Long id) {
        return (id == null ? Mono.<CouponTemplate>empty() : find(staff, id))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("templateId",
                        ErrorCode.COUPON_NOT_FOUND, "优惠券不存在"))))
                .flatMap(t -> staff.role() == Role.STORE_MANAGER && !t.onlyFor(staff.storeId())
                        ? Mono.error(new AccessDeniedException("a manager changes only their own store's coupons"))
                        : Mono.just(t));
    }

    /** A manager sees the templates usable at their store; marketers and admins the brand's. */
    static boolean visible(Viewer staff, CouponTemplate t) {
        return staff.role().isBrandWide() || staff.storeId() != null && t.usableAt(staff.storeId());
    }

    /** The first thing wrong with the input, or null. */
    private static BusinessException problem(CreateCouponTemplateInput in) {
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 64) {
            return BusinessException.invalid("name", "券名称需为 1 到 64 个字符");
        }
        if (in.kind() == null) {
            return BusinessException.invalid("kind", "请选择券类型");
        }
        switch (in.kind()) {
            case AMOUNT_OFF -> {
                if (in.amountOffCents() == null || in.amountOffCents() <= 0) {
                    return BusinessException.invalid("amountOffCents", "满减券需填写减免金额");
                }
                if (in.thresholdCents() != null && in.thresholdCents() > 0 && in.thresholdCents() < in.amountOffCents()) {
                    return BusinessException.invalid("thresholdCents", "门槛不能低于减免金额");
                }
            }
            case PERCENT_OFF -> {
                if (in.percentOff() == null || in.percentOff() < 1 || in.percentOff() > 99) {
                    return BusinessException.invalid("percentOff", "折扣需为 1 到 99（表示减免的百分比）");
                }
            }
            case GIFT -> {
                if (in.giftName() == null || in.giftName().isBlank()) {
                    return BusinessException.invalid("giftName", "礼品券需填写礼品名称");
                }
            }
            case SHIPPING -> {
            }
        }
        // numbers that belong to another kind are still stored: each must be in range whatever the kind
        if (in.amountOffCents() != null && (in.amountOffCents() <= 0 || in.amountOffCents() > MAX_CENTS)) {
            return BusinessException.invalid("amountOffCents", "减免金额需大于 0 且不超过 " + MAX_CENTS / 100 + " 元");
        }
        if (in.thresholdCents() != null && (in.thresholdCents() < 0 || in.thresholdCents() > MAX_CENTS)) {
            return BusinessException.invalid("thresholdCents", "使用门槛需在 0 到 " + MAX_CENTS / 100 + " 元之间");
        }
        if (in.percentOff() != null && (in.percentOff() < 1 || in.percentOff() > 99)) {
            return BusinessException.invalid("percentOff", "折扣需为 1 到 99（表示减免的百分比）");
        }
        if (in.maxDiscountCents() != null && (in.maxDiscountCents() <= 0 || in.maxDiscountCents() > MAX_CENTS)) {
            return BusinessException.invalid("maxDiscountCents", "最高减免金额需大于 0 且不超过 " + MAX_CENTS / 100 + " 元");
        }
        if (in.minTierLevel() != null && in.minTierLevel() < 0) {
            return BusinessException.invalid("minTierLevel", "最低等级不能为负");
        }
        if ((in.validUntil() == null) == (in.validDays() == null)) {
            return BusinessException.invalid("validUntil", "有效期需二选一：固定截止时间，或领取后若干天");
        }
        if (in.validDays() != null && (in.validDays() <= 0 || in.validDays() > MAX_VALID_DAYS)) {
            return BusinessException.invalid("validDays", "有效天数需在 1 到 " + MAX_VALID_DAYS + " 之间");
        }
        if (in.validFrom() != null && in.validUntil() != null && !in.validFrom().isBefore(in.validUntil())) {
            return BusinessException.invalid("validFrom", "开始时间需早于截止时间");
        }
        if (in.totalStock() != null && in.totalStock() < 0) {
            return BusinessException.invalid("totalStock", "库存不能为负");
        }
        if (in.perMemberLimit() != null && in.perMemberLimit() < 1) {
            return BusinessException.invalid("perMemberLimit", "每人限领至少 1 张");
        }
        if (in.pointsPrice() != null && (in.pointsPrice() <= 0 || in.pointsPrice() > MAX_POINTS_PRICE)) {
            return BusinessException.invalid("pointsPrice", "兑换积分需在 1 到 " + MAX_POINTS_PRICE + " 之间");
        }
        return null;
    }

    /**
     * The first thing wrong with the early access, or null: tiers of the brand (as the rules in force
     * now set them) above the first and not below the coupon's lowest tier, a start before the opening,
     * both within ten years, and only on a coupon the centre offers (free or for points).
     */
    private BusinessException earlyAccessProblem(CreateCouponTemplateInput in) {
        CouponEarlyAccess e = in.earlyAccess();
        if (e == null) {
            return null;
        }
        if (e.tierLevels() == null || e.tierLevels().isEmpty() || e.tierLevels().size() > CouponEarlyAccess.MAX_TIERS) {
            return early("tierLevels", "请选择可优先领取的会员等级");
        }
        Instant now = clock.instant();
        Map<Integer, String> names = new HashMap<>();
        tiers.tiersAt(now).forEach(t -> names.put(t.level(), t.name()));
        int lowest = in.minTierLevel() == null ? 0 : in.minTierLevel();
        for (Integer level : e.tierLevels()) {
            if (level == null || !names.containsKey(level)) {
                return early("tierLevels", "没有这个会员等级：" + level);
            }
            if (level == 0) {
                return early("tierLevels", "优先领取的等级需高于" + names.get(0) + "会员");
            }
            if (level < lowest) {
                return early("tierLevels", names.get(level) + "低于这张券的最低等级，不能优先领取");
            }
        }
        if (e.earlyFrom() == null) {
            return early("earlyFrom", "请选择优先领取的开始时间");
        }
        if (e.generalFrom() == null) {
            return early("generalFrom", "请选择全员开放的时间");
        }
        if (!e.earlyFrom().isBefore(e.generalFrom())) {
            return early("generalFrom", "全员开放时间需晚于优先开始时间");
        }
        for (Instant at : new Instant[] {e.earlyFrom(), e.generalFrom()}) {
            if (at.isBefore(now.minus(HORIZON)) || at.isAfter(now.plus(HORIZON))) {
                return early(at == e.earlyFrom() ? "earlyFrom" : "generalFrom", "时间需在十年之内");
            }
        }
        if (!Boolean.FALSE.equals(in.claimable()) || in.pointsPrice() != null) {
            return null;
        }
        return early("tierLevels", "优先领取只适用于领券中心可免费领取或积分兑换的券");
    }

    private static BusinessException early(String field, String message) {
        return new BusinessException(new UserError(List.of("input", "earlyAccess", field), message,
                ErrorCode.INVALID_INPUT));
    }

    private static CreateCouponTemplateInput withStores(CreateCouponTemplateInput in, List<Long> storeIds) {
        return new CreateCouponTemplateInput(in.name(), in.kind(), in.amountOffCents(), in.thresholdCents(),
                in.percentOff(), in.maxDiscountCents(), in.giftName(), in.validFrom(), in.validUntil(), in.validDays(),
                in.totalStock(), in.perMemberLimit(), in.minTierLevel(), storeIds, in.categories(), in.channel(),
                in.stackable(), in.claimable(), in.pointsPrice(), in.earlyAccess());
    }

    private static CreateCouponTemplateInput withEarlyAccess(CreateCouponTemplateInput in, CouponEarlyAccess early) {
        return new CreateCouponTemplateInput(in.name(), in.kind(), in.amountOffCents(), in.thresholdCents(),
                in.percentOff(), in.maxDiscountCents(), in.giftName(), in.validFrom(), in.validUntil(), in.validDays(),
                in.totalStock(), in.perMemberLimit(), in.minTierLevel(), in.storeIds(), in.categories(), in.channel(),
                in.stackable(), in.claimable(), in.pointsPrice(), early);
    }
}
