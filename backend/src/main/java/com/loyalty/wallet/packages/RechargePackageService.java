package com.loyalty.wallet.packages;

import com.loyalty.coupon.CouponPackService;
import com.loyalty.purchase.PurchaseProperties;
import com.loyalty.shared.graphql.BusinessException;
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

/** Recharge packages: a manager sells them at their own store, an admin at any or every store. */
@Service
public class RechargePackageService {

    private static final long MAX_CENTS = 100_000_000L;

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

    public Mono<RechargePackage> create(Viewer staff, CreateRechargePackageInput in) {
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 64) {
            return Mono.error(BusinessException.invalid("name", "套餐名称需为 1 到 64 个字符"));
        }
        if (in.payCents() == null || in.payCents() <= 0 || in.payCents() > MAX_CENTS) {
            return Mono.error(BusinessException.invalid("payCents", "充值金额需大于 0 且不超过 100 万元"));
        }
        if (in.bonusCents() != null && (in.bonusCents() < 0 || in.bonusCents() > in.payCents())) {
            return Mono.error(BusinessException.invalid("bonusCents", "赠送金额需在 0 和充值金额之间"));
        }
        if (in.bonusValidDays() != null && (in.bonusValidDays() < 1 || in.bonusValidDays() > 3660)) {
            return Mono.error(BusinessException.invalid("bonusValidDays", "赠送金有效天数需在 1 到 3660 之间"));
        }
        if (in.bonusPoints() != null && (in.bonusPoints() < 0 || in.bonusPoints() > limits.maxPoints())) {
            return Mono.error(BusinessException.invalid("bonusPoints", "赠送积分需在 0 到 " + limits.maxPoints() + " 之间"));
        }
        CreateRechargePackageInput checked = withStores(staff, in);
        List<Long> storeIds = checked.storeIds() == null ? List.of() : checked.storeIds();
        if (new HashSet<>(storeIds).size() != storeIds.size() || checked.storeIds() != null && storeIds.isEmpty()) {
            return Mono.error(BusinessException.invalid("storeIds", "门店不能重复，且至少一家（不填则全部门店）"));
        }
        Mono<Void> packExists = in.couponPackId() == null ? Mono.empty()
                : couponPacks.find(staff.brandId(), in.couponPackId())
                        .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("couponPackId",
                                ErrorCode.COUPON_NOT_FOUND, "券包不存在")))).then();
        return Flux.fromIterable(storeIds).concatMap(id -> stores.require(staff.brandId(), id, "storeIds")).then()
                .then(packExists)
                .then(packages.insert(staff.brandId(), checked, staff.id(), clock.instant()))
                .flatMap(p -> audit.record(staff, staff.storeId(), "CREATE_RECHARGE_PACKAGE", null,
                        p.id() + " " + p.name() + " pay " + p.payCents() + " bonus " + p.bonusCents()).thenReturn(p));
    }

    public Mono<RechargePackage> setActive(Viewer staff, SetRechargePackageActiveInput in) {
        return find(staff.brandId(), in.packageId(), "packageId")
                .flatMap(p -> {
                    if (staff.role() != Role.ADMIN && (p.storeIds() == null || !p.storeIds().equals(List.of(staff.storeId())))) {
                        return Mono.error(new AccessDeniedException("a manager changes only their own store's packages"));
                    }
                    return packages.setActive(staff.brandId(), p.id(), Boolean.TRUE.equals(in.active()));
                })
                .flatMap(p -> audit.record(staff, staff.storeId(), "SET_RECHARGE_PACKAGE_ACTIVE", null,
                        p.id() + " " + p.active()).thenReturn(p));
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

    /** A manager's package is sold at their own store only; an admin's where the input says. */
    private static CreateRechargePackageInput withStores(Viewer staff, CreateRechargePackageInput in) {
        if (staff.role() == Role.ADMIN) {
            return in;
        }
        if (in.storeIds() != null && !in.storeIds().equals(List.of(staff.storeId()))) {
            throw new AccessDeniedException("a manager sells packages only at their own store");
        }
        return new CreateRechargePackageInput(in.name(), in.payCents(), in.bonusCents(), in.bonusValidDays(),
                in.bonusPoints(), in.couponPackId(), List.of(staff.storeId()));
    }
}
