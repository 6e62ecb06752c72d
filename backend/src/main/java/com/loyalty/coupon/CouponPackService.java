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
import com.loyalty.store.StoreScope;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Coupon packs: created by marketers and admins (a manager only from coupons limited to their own
 * store), handed out whole or not at all.
 */
@Service
public class CouponPackService {

    /** The audit trail's name for a pack. */
    static final String SUBJECT = "COUPON_PACK";
    private static final String CURSOR_KIND = "coupon-pack";
    /** The most templates in one pack. */
    static final int MAX_ITEMS = 20;

    private final CouponPackRepository packs;
    private final CouponRepository templates;
    private final CouponService coupons;
    private final StoreScope scope;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    public CouponPackService(CouponPackRepository packs, CouponRepository templates, CouponService coupons,
                             StoreScope scope, StaffAuditLog audit, Clock clock,
                             TransactionalOperator tx) {
        this.scope = scope;
        this.packs = packs;
        this.templates = templates;
        this.coupons = coupons;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** The brand's coupon pack with this id, or empty. */
    public Mono<CouponPack> find(long brandId, long packId) {
        return packs.find(brandId, packId);
    }

    /**
     * The pack, when it can be handed out: COUPON_NOT_FOUND on {@code field} when the brand has no such
     * pack, COUPON_ARCHIVED when it or one of its templates is archived. For rules that give a pack
     * (automation, recharge packages) when they are set.
     */
    public Mono<CouponPack> requireIssuable(long brandId, Long packId, String field) {
        return (packId == null ? Mono.<CouponPack>empty() : packs.find(brandId, packId))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput(field,
                        ErrorCode.COUPON_NOT_FOUND, "券包不存在"))))
                .flatMap(pack -> issuable(pack).flatMap(ok -> ok ? Mono.just(pack)
                        : Mono.error(new BusinessException(UserError.onInput(field, ErrorCode.COUPON_ARCHIVED,
                                "券包「" + pack.name() + "」或其中的券已下架")))));
    }

    /** Whether the pack exists and neither it nor any of its templates is archived. */
    public Mono<Boolean> issuable(long brandId, long packId) {
        return packs.find(brandId, packId).flatMap(this::issuable).defaultIfEmpty(false);
    }

    private Mono<Boolean> issuable(CouponPack pack) {
        return pack.archived() ? Mono.just(false) : templatesOf(pack).all(t -> !t.archived());
    }

    public Mono<CouponPack> create(Viewer staff, CreateCouponPackInput in) {
        BusinessException problem = nameProblem(in.name());
        problem = problem != null ? problem : itemsProblem(in.items());
        if (problem != null) {
            return Mono.error(problem);
        }
        return checkItems(staff, in.items())
                .then(packs.insertPack(staff.brandId(), in.name().strip(), staff.id(), clock.instant()))
                .flatMap(id -> Flux.fromIterable(in.items()).concatMap(i -> packs.insertItem(id, i.templateId(), i.quantity()))
                        .then(packs.find(staff.brandId(), id)))
                .flatMap(pack -> audit.recordChange(staff, staff.storeId(), "CREATE_COUPON_PACK",
                        AuditedChange.created(SUBJECT, pack.id(), pack), pack.name()).thenReturn(pack))
                .as(tx::transactional);
    }

    /** A new name, and new items while the pack is not archived; audited with before and after. */
    public Mono<CouponPack> update(Viewer staff, UpdateCouponPackInput in) {
        String name = in.name();
        BusinessException problem = name == null ? null : nameProblem(name);
        problem = problem != null || in.items() == null ? problem : itemsProblem(in.items());
        if (problem != null) {
            return Mono.error(problem);
        }
        return editable(staff, in.packId()).flatMap(before -> {
            if (in.items() != null && before.archived()) {
                return Mono.error(new BusinessException(UserError.onInput("packId", ErrorCode.COUPON_ARCHIVED,
                        "券包已下架，恢复后才能修改其中的券")));
            }
            Mono<Void> rename = name == null ? Mono.empty() : packs.rename(staff.brandId(), before.id(), name.strip());
            Mono<Void> items = in.items() == null ? Mono.empty() : checkItems(staff, in.items())
                    .then(packs.deleteItems(before.id()))
                    .thenMany(Flux.fromIterable(in.items())
                            .concatMap(i -> packs.insertItem(before.id(), i.templateId(), i.quantity())))
                    .then();
            return rename.then(items).then(packs.find(staff.brandId(), before.id()))
                    .flatMap(after -> audit.recordChange(staff, staff.storeId(), "UPDATE_COUPON_PACK",
                            AuditedChange.changed(SUBJECT, after.id(), before, after), after.name()).thenReturn(after))
                    .as(tx::transactional);
        });
    }

    /** Archives the pack (it is handed out no more) or brings it back; audited. */
    public Mono<CouponPack> setArchived(Viewer staff, Long packId, boolean archive) {
        return editable(staff, packId).flatMap(before -> before.archived() == archive ? Mono.just(before)
                : packs.setArchived(staff.brandId(), before.id(), archive ? clock.instant() : null)
                        .then(packs.find(staff.brandId(), before.id()))
                        .flatMap(after -> audit.recordChange(staff, staff.storeId(),
                                archive ? "ARCHIVE_COUPON_PACK" : "UNARCHIVE_COUPON_PACK",
                                AuditedChange.changed(SUBJECT, after.id(), before, after), after.name())
                                .thenReturn(after)));
    }

    /** A page of the packs the staff member may see (a manager: packs of coupons their store honours), newest first. */
    public Mono<Pages.Page<CouponPack>> page(Viewer staff, CouponPackFilter filter, Integer first, String after) {
        CouponPackFilter f = filter == null ? CouponPackFilter.none() : filter;
        String search = SearchText.pattern(f.search(), "filter.search");
        Long store = staff.role().isBrandWide() ? null : staff.storeId();
        int size = Pages.size(first);
        Long before = Pages.after(after, CURSOR_KIND);
        return packs.page(staff.brandId(), f, search, store, before, size + 1)
                .zipWith(packs.count(staff.brandId(), f, search, store),
                        (rows, total) -> Pages.of(rows, size, CouponPack::id, CURSOR_KIND, after != null, total));
    }

    /** The pack if the staff member may see it (a manager: only coupons their store honours); empty otherwise. */
    public Mono<CouponPack> find(Viewer staff, long packId) {
        return packs.find(staff.brandId(), packId).filterWhen(pack -> staff.role().isBrandWide() ? Mono.just(true)
                : templatesOf(pack).all(t -> CouponTemplateService.visible(staff, t)));
    }

    /**
     * The pack the staff member may change: any of the brand for marketers and admins; for a manager
     * one of coupons limited to their store (FORBIDDEN for another they can see); COUPON_NOT_FOUND
     * (PACK_NOT_FOUND) otherwise.
     */
    private Mono<CouponPack> editable(Viewer staff, Long packId) {
        return (packId == null ? Mono.<CouponPack>empty() : find(staff, packId))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("packId",
                        ErrorCode.PACK_NOT_FOUND, "券包不存在"))))
                .filterWhen(pack -> staff.role() != Role.STORE_MANAGER ? Mono.just(true)
                        : templatesOf(pack).all(t -> t.onlyFor(staff.storeId())))
                .switchIfEmpty(Mono.error(() -> new AccessDeniedException("a manager changes only packs of their own store's coupons")));
    }

    private Flux<CouponTemplate> templatesOf(CouponPack pack) {
        return pack.items().isEmpty() ? Flux.empty()
                : templates.findTemplates(pack.items().stream().map(CouponPack.Item::templateId).toList());
    }

    private static BusinessException nameProblem(String name) {
        return name == null || name.isBlank() || name.strip().length() > 64
                ? BusinessException.invalid("name", "券包名称需为 1 到 64 个字符") : null;
    }

    /** What is wrong with a pack's items, or null. */
    private static BusinessException itemsProblem(List<CreateCouponPackInput.Item> given) {
        List<CreateCouponPackInput.Item> items = given == null ? List.of() : given;
        if (items.isEmpty() || items.size() > MAX_ITEMS || items.stream().anyMatch(i -> i.templateId() == null
                || i.quantity() == null || i.quantity() < 1 || i.quantity() > 20)
                || new HashSet<>(items.stream().map(CreateCouponPackInput.Item::templateId).toList()).size() != items.size()) {
            return BusinessException.invalid("items", "券包需含 1 到 " + MAX_ITEMS + " 种不重复的券，每种 1 到 20 张");
        }
        return null;
    }

    /**
     * Each item's template is the brand's (COUPON_NOT_FOUND), not archived (COUPON_ARCHIVED) and, for a
     * manager, limited to their store (FORBIDDEN).
     */
    private Mono<Void> checkItems(Viewer staff, List<CreateCouponPackInput.Item> items) {
        return Flux.fromIterable(items)
                .concatMap(i -> templates.findTemplate(staff.brandId(), i.templateId())
                        .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("items",
                                ErrorCode.COUPON_NOT_FOUND, "优惠券不存在：" + i.templateId())))))
                .concatMap(t -> staff.role() == Role.STORE_MANAGER && !t.onlyFor(staff.storeId())
                        ? Mono.error(new AccessDeniedException("a manager's packs hold only their own store's coupons"))
                        : t.archived() ? Mono.error(new BusinessException(UserError.onInput("items",
                                ErrorCode.COUPON_ARCHIVED, "优惠券「" + t.name() + "」已下架，不能放入券包")))
                        : Mono.just(t))
                .then();
    }

    /** A campaign's pack for one member, inside the campaign's transaction; once per campaign and member. */
    public Mono<List<MemberCoupon>> issueForCampaign(long brandId, long memberId, long packId, long campaignId) {
        return issueAll(brandId, memberId, packId, String.valueOf(campaignId), campaignId);
    }

    /** A pack an automation rule gives, inside its transaction; once per key (the rule's action). */
    public Mono<List<MemberCoupon>> issueAutomatically(long brandId, long memberId, long packId, String key) {
        return issueAll(brandId, memberId, packId, key, null);
    }

    private Mono<List<MemberCoupon>> issueAll(long brandId, long memberId, long packId, String key, Long campaignId) {
        // checked before any coupon is handed out, so that a caller skipping an archived pack leaves no part of it
        return packs.find(brandId, packId).flatMap(pack -> issuable(pack).flatMap(ok -> ok ? Mono.just(pack)
                        : Mono.error(new BusinessException(UserError.onInput("packId", ErrorCode.COUPON_ARCHIVED,
                                "券包「" + pack.name() + "」或其中的券已下架，不能再发放")))))
                .flatMapMany(pack -> Flux.fromIterable(pack.items())
                        .concatMap(item -> Flux.range(1, item.quantity()).concatMap(n -> coupons.obtainForPack(brandId,
                                memberId, item.templateId(), key + ":" + item.templateId() + ":" + n, campaignId))))
                .collectList();
    }

    /** The pack, or COUPON_ARCHIVED on packId when it is archived. */
    private static Mono<CouponPack> notArchived(CouponPack pack) {
        return pack.archived() ? Mono.error(new BusinessException(UserError.onInput("packId", ErrorCode.COUPON_ARCHIVED,
                "券包「" + pack.name() + "」已下架，不能再发放"))) : Mono.just(pack);
    }

    /** Gives the member every coupon of the pack, or none; repeating the key changes nothing. */
    public Mono<List<MemberCoupon>> issue(Viewer staff, IssueCouponPackInput in) {
        if (in.reason() == null || in.reason().isBlank()) {
            return Mono.error(BusinessException.invalid("reason", "请填写发券原因"));
        }
        if (in.idempotencyKey() == null || in.idempotencyKey().isBlank() || in.idempotencyKey().length() > 60) {
            return Mono.error(BusinessException.invalid("idempotencyKey", "需要 1 到 60 个字符的幂等键"));
        }
        return scope.requireMemberInScope(staff, in.memberId(), "memberId")
                .flatMap(member -> packs.find(staff.brandId(), in.packId())
                        .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("packId",
                                ErrorCode.COUPON_NOT_FOUND, "券包不存在"))))
                        .flatMap(CouponPackService::notArchived)
                        .flatMap(pack -> Flux.fromIterable(pack.items())
                                .concatMap(item -> templates.findTemplate(staff.brandId(), item.templateId()))
                                .all(template -> CouponService.mayIssue(staff, template))
                                .flatMap(allowed -> allowed ? Mono.just(pack) : Mono.error(new AccessDeniedException(
                                        "a manager issues packs of their own store's coupons only"))))
                        .flatMap(pack -> Flux.fromIterable(pack.items())
                                .concatMap(item -> Flux.range(1, item.quantity()).concatMap(n -> coupons.obtainForPack(
                                        staff.brandId(), member.id(), item.templateId(),
                                        in.idempotencyKey() + ":" + pack.id() + ":" + item.templateId() + ":" + n, null)))
                                .collectList()
                                .flatMap(list -> audit.record(staff, staff.storeId(), "ISSUE_COUPON_PACK", member.id(),
                                        pack.name() + ": " + in.reason().strip()).thenReturn(list)))
                        .as(tx::transactional));
    }
}
