package com.loyalty.coupon;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import org.springframework.security.access.AccessDeniedException;
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

    public Mono<CouponPack> create(Viewer staff, CreateCouponPackInput in) {
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 64) {
            return Mono.error(BusinessException.invalid("name", "券包名称需为 1 到 64 个字符"));
        }
        List<CreateCouponPackInput.Item> items = in.items() == null ? List.of() : in.items();
        if (items.isEmpty() || items.stream().anyMatch(i -> i.templateId() == null || i.quantity() == null
                || i.quantity() < 1 || i.quantity() > 20)
                || new HashSet<>(items.stream().map(CreateCouponPackInput.Item::templateId).toList()).size() != items.size()) {
            return Mono.error(BusinessException.invalid("items", "券包需含不重复的券，每种 1 到 20 张"));
        }
        return Flux.fromIterable(items)
                .concatMap(i -> templates.findTemplate(staff.brandId(), i.templateId())
                        .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("items",
                                ErrorCode.COUPON_NOT_FOUND, "优惠券不存在：" + i.templateId())))))
                .concatMap(t -> staff.role() == Role.STORE_MANAGER && !List.of(staff.storeId()).equals(t.storeIds())
                        ? Mono.error(new AccessDeniedException("a manager's packs hold only their own store's coupons"))
                        : Mono.just(t))
                .then(packs.insertPack(staff.brandId(), in.name().strip(), staff.id(), clock.instant()))
                .flatMap(id -> Flux.fromIterable(items).concatMap(i -> packs.insertItem(id, i.templateId(), i.quantity()))
                        .then(packs.find(staff.brandId(), id)))
                .as(tx::transactional);
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
        return packs.find(brandId, packId).flatMapMany(pack -> Flux.fromIterable(pack.items())
                        .concatMap(item -> Flux.range(1, item.quantity()).concatMap(n -> coupons.obtainForPack(brandId,
                                memberId, item.templateId(), key + ":" + item.templateId() + ":" + n, campaignId))))
                .collectList();
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
