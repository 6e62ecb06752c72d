package com.loyalty.wallet.packages;

import com.loyalty.coupon.CouponPackService;
import com.loyalty.purchase.PurchaseProperties;
import com.loyalty.audit.AuditedChange;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.StoreService;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Recharge packages: money settings, so only admins create, change and withdraw them (audited with
 * before and after); members and staff see the ones on sale, a store manager lists those of their store.
 */
@Service
public class RechargePackageService {

    private static final long MAX_CENTS = 100_000_000L;
    /** The audit trail's name for a package. */
    static final String SUBJECT = "RECHARGE_PACKAGE";
    private static final String CURSOR_KIND = "recharge-package";

    private final RechargePackageRepository packages;
    private final CouponPackService couponPacks;
    private final StoreService stores;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final PurchaseProperties limits;

    public RechargePackageService(RechargePackageRepository packages, CouponPackService couponPacks,
                                  StoreService stores, StaffAuditLog audit, Clock clock, PurchaseProperties limits) {
        this.limits = limits;
        this.packages = packages;
        this.couponPacks = couponPacks;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<RechargePackage> create(Viewer admin, CreateRechargePackageInput in) {
        BusinessException problem = problem(in);
        if (problem != null) {
            return Mono.error(problem);
        }
        List<Long> storeIds = in.storeIds() == null ? List.of() : in.storeIds();
        if (new HashSet<>(storeIds).size() != storeIds.size() || in.storeIds() != null && storeIds.isEmpty()) {
            return Mono.error(BusinessException.invalid("storeIds", "门店不能重复，且至少一家（不填则全部门店）"));
        }
        Mono<Void> packIssuable = in.couponPackId() == null ? Mono.empty()
                : couponPacks.requireIssuable(admin.brandId(), in.couponPackId(), "couponPackId").then();
        return Flux.fromIterable(storeIds).concatMap(id -> stores.require(admin.brandId(), id, "storeIds")).then()
                .then(packIssuable)
                .then(packages.insert(admin.brandId(), in, admin.id(), clock.instant()))
                .flatMap(p -> audit.recordChange(admin, admin.storeId(), "CREATE_RECHARGE_PACKAGE",
                        AuditedChange.created(SUBJECT, p.id(), p), p.name()).thenReturn(p));
    }

    /** Changes name, price, bonus, its validity and points for recharges from now on; audited with before and after. */
    public Mono<RechargePackage> update(Viewer admin, UpdateRechargePackageInput in) {
        return find(admin.brandId(), in.packageId(), "packageId").flatMap(before -> {
            CreateRechargePackageInput changed = in.applyTo(before);
            BusinessException problem = problem(changed);
            if (problem != null) {
                return Mono.error(problem);
            }
            return packages.update(admin.brandId(), before.id(), changed)
                    .flatMap(after -> audit.recordChange(admin, admin.storeId(), "UPDATE_RECHARGE_PACKAGE",
                            AuditedChange.changed(SUBJECT, after.id(), before, after), after.name()).thenReturn(after));
        });
    }

    public Mono<RechargePackage> setActive(Viewer admin, SetRechargePackageActiveInput in) {
        return find(admin.brandId(), in.packageId(), "packageId")
                .flatMap(before -> packages.setActive(admin.brandId(), before.id(), Boolean.TRUE.equals(in.active()))
                        .flatMap(after -> audit.recordChange(admin, admin.storeId(), "SET_RECHARGE_PACKAGE_ACTIVE",
                                AuditedChange.changed(SUBJECT, after.id(), before, after),
                                after.name() + (after.active() ? " on sale" : " withdrawn")).thenReturn(after)));
    }

    /** A page of the packages, newest first: an admin's of the brand, a manager's those sold at their store. */
    public Mono<Pages.Page<RechargePackage>> page(Viewer staff, RechargePackageFilter filter, Integer first, String after) {
        RechargePackageFilter f = filter == null ? RechargePackageFilter.none() : filter;
        if (staff.role() != Role.ADMIN) {
            if (f.storeId() != null && !f.storeId().equals(staff.storeId())) {
                return Mono.error(new AccessDeniedException("a manager lists their own store's packages"));
            }
            f = f.atStore(staff.storeId());
        }
        int size = Pages.size(first);
        Long before = Pages.after(after, CURSOR_KIND);
        RechargePackageFilter scoped = f;
        return packages.page(staff.brandId(), scoped, before, size + 1).collectList()
                .zipWith(packages.count(staff.brandId(), scoped),
                        (rows, total) -> Pages.of(rows, size, RechargePackage::id, CURSOR_KIND, after != null, total));
    }

    /** The package if the staff member may see it (a manager: one sold at their store, on sale or not); empty otherwise. */
    public Mono<RechargePackage> find(Viewer staff, long id) {
        return packages.find(staff.brandId(), id).filter(p -> staff.role() == Role.ADMIN
                || staff.storeId() != null && (p.storeIds() == null || p.storeIds().contains(staff.storeId())));
    }

    /** The first thing wrong with a package's settings, or null. */
    private BusinessException problem(CreateRechargePackageInput in) {
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 64) {
            return BusinessException.invalid("name", "套餐名称需为 1 到 64 个字符");
        }
        if (in.payCents() == null || in.payCents() <= 0 || in.payCents() > MAX_CENTS) {
            return BusinessException.invalid("payCents", "充值金额需大于 0 且不超过 100 万元");
        }
        if (in.bonusCents() != null && (in.bonusCents() < 0 || in.bonusCents() > in.payCents())) {
            return BusinessException.invalid("bonusCents", "赠送金额需在 0 和充值金额之间");
        }
        if (in.bonusValidDays() != null && (in.bonusValidDays() < 1 || in.bonusValidDays() > 3660)) {
            return BusinessException.invalid("bonusValidDays", "赠送金有效天数需在 1 到 3660 之间");
        }
        if (in.bonusPoints() != null && (in.bonusPoints() < 0 || in.bonusPoints() > limits.maxPoints())) {
            return BusinessException.invalid("bonusPoints", "赠送积分需在 0 到 " + limits.maxPoints() + " 之间");
        }
        return null;
    }

    /** The package, or RECHARGE_PACKAGE_NOT_FOUND on the input field. */
    public Mono<RechargePackage> find(long brandId, Long id, String field) {
        return (id == null ? Mono.<RechargePackage>empty() : packages.find(brandId, id))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput(field,
                        ErrorCode.RECHARGE_PACKAGE_NOT_FOUND, "充值套餐不存在"))));
    }

    /** The package, if the store sells it now; RECHARGE_PACKAGE_NOT_FOUND otherwise. */
    public Mono<RechargePackage> soldAt(long brandId, Long id, long storeId) {
        return find(brandId, id, "packageId").filter(p -> p.soldAt(storeId))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("packageId",
                        ErrorCode.RECHARGE_PACKAGE_NOT_FOUND, "本店不售此充值套餐"))));
    }

    /** Packages on sale: for members and staff the active ones (of one store if given), for managers all. */
    public Flux<RechargePackage> list(Viewer viewer, Long storeId, boolean includeInactive) {
        boolean all = includeInactive && viewer.role() != Role.MEMBER && viewer.role() != Role.CLERK;
        return packages.list(viewer.brandId(), all).filter(p -> storeId == null || p.storeIds() == null
                || p.storeIds().contains(storeId));
    }
}
