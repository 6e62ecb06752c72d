package com.loyalty.mall;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.crypto.PhoneCipher;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreScope;
import com.loyalty.store.StoreService;
import com.loyalty.tier.TierService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Members' redemptions of mall goods. Redeeming is one transaction holding the member's points lock
 * (so a member's redemptions apply one at a time and their limit holds, counted in units), taking
 * the units asked for from the stock row in one conditional update (all or none, never below zero)
 * and their points through the ledger; any refusal rolls all of it back. Closing a redemption
 * (cancelled, expired) moves it out of its open state in one conditional update, so exactly one
 * caller gives back the points and every unit, whatever runs in parallel. Prizes of the lottery are
 * redemptions too ({@link MallPrizes}): 0 points, collected at any store.
 */
@Service
public class MallRedemptionService {

    private static final String CURSOR_KIND = "mall-redemption";
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern CODE = Pattern.compile("[0-9]{12}");
    /** The most units one redemption may take (fewer when the goods have a smaller per-member limit). */
    static final int MAX_QUANTITY = 99;

    private final MallRepository goods;
    private final MallRedemptionRepository redemptions;
    private final PointsService points;
    private final TierService tiers;
    private final StoreService stores;
    private final StoreScope scope;
    private final StaffAuditLog audit;
    private final PhoneCipher cipher;
    private final RateLimits rateLimits;
    private final TransactionalOperator tx;
    private final BrandProperties brand;
    private final MallProperties settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MallRedemptionService(MallRepository goods, MallRedemptionRepository redemptions, PointsService points,
                          TierService tiers, StoreService stores, StoreScope scope, StaffAuditLog audit,
                          PhoneCipher cipher, RateLimits rateLimits, TransactionalOperator tx, BrandProperties brand,
                          MallProperties settings, Clock clock) {
        this.goods = goods;
        this.redemptions = redemptions;
        this.points = points;
        this.tiers = tiers;
        this.stores = stores;
        this.scope = scope;
        this.audit = audit;
        this.cipher = cipher;
        this.rateLimits = rateLimits;
        this.tx = tx;
        this.brand = brand;
        this.settings = settings;
        this.clock = clock;
    }

    /** Where a redemption takes its unit from and how the member gets it. */
    private record Placement(long stockStoreId, Long pickupStoreId, byte[] addressCipher, String addressMasked) {
    }

    public Mono<MallRedemptionPayload> redeem(Viewer member, RedeemMallGoodsInput in) {
        String key = in.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > 100) {
            return Mono.error(BusinessException.invalid("idempotencyKey", "需要 1 到 100 个字符的幂等键"));
        }
        if (in.goodsId() == null) {
            return Mono.error(notFound());
        }
        int quantity = in.quantity() == null ? 1 : in.quantity();
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            return Mono.error(BusinessException.invalid("quantity", "兑换数量需为 1 到 " + MAX_QUANTITY + " 件"));
        }
        // a repeat answers the first redemption, whatever changed since (paused, sold out, limit reached)
        return redemptions.findByKey(member.id(), MallRedemption.Source.REDEEM, key).map(MallRedemptionPayload::replay)
                .switchIfEmpty(Mono.defer(() -> rateLimits.acquire(RateLimitedAction.COUPON_CLAIM, member.id())
                        .then(goods.find(member.brandId(), in.goodsId()))
                        .switchIfEmpty(Mono.error(this::notFound))
                        .flatMap(g -> placement(member, g, in)
                                .flatMap(place -> tiers.current(member.id()).flatMap(tier -> take(member, g.id(), in,
                                        quantity, place, tier.level()).as(tx::transactional))))));
    }

    /** Checks the store or the address the fulfilment needs. */
    private Mono<Placement> placement(Viewer member, MallGoods g, RedeemMallGoodsInput in) {
        if (g.fulfilment() == MallGoods.Fulfilment.DELIVERY) {
            if (in.storeId() != null) {
                return Mono.error(BusinessException.invalid("storeId", "快递配送的商品无需选择门店"));
            }
            MallAddressInput a = in.address();
            if (a == null) {
                return Mono.error(BusinessException.invalid("address", "请填写收货地址"));
            }
            String problem = addressProblem(a);
            if (problem != null) {
                return Mono.error(BusinessException.invalid("address", problem));
            }
            String phone = PhoneCipher.normalize(a.phone());
            String full = a.recipient().strip() + " " + phone + " " + a.region().strip() + " " + a.detail().strip();
            String masked = a.recipient().strip().charAt(0) + "*".repeat(Math.max(1, a.recipient().strip().length() - 1))
                    + " " + PhoneCipher.mask(phone) + " " + a.region().strip() + " ****";
            return Mono.just(new Placement(MallGoods.BRAND_STOCK, null, cipher.encrypt(full), masked));
        }
        if (in.address() != null) {
            return Mono.error(BusinessException.invalid("address", "到店自提的商品无需填写地址"));
        }
        if (in.storeId() == null) {
            return Mono.error(BusinessException.invalid("storeId", "请选择提货门店"));
        }
        return stores.requireOpen(member.brandId(), in.storeId(), "storeId")
                .map(store -> new Placement(g.stockScope() == MallGoods.StockScope.STORE ? store.id() : MallGoods.BRAND_STOCK,
                        store.id(), null, null));
    }

    private static String addressProblem(MallAddressInput a) {
        if (a.recipient() == null || a.recipient().isBlank() || a.recipient().strip().length() > 32
                || CONTROL.matcher(a.recipient()).find()) {
            return "收货人需为 1 到 32 个字符";
        }
        if (a.phone() == null || PhoneCipher.normalize(a.phone()) == null) {
            return "请填写正确的手机号码";
        }
        if (a.region() == null || a.region().isBlank() || a.region().strip().length() > 64 || CONTROL.matcher(a.region()).find()) {
            return "所在地区需为 1 到 64 个字符";
        }
        if (a.detail() == null || a.detail().isBlank() || a.detail().strip().length() > 200 || CONTROL.matcher(a.detail()).find()) {
            return "详细地址需为 1 到 200 个字符";
        }
        return null;
    }

    /**
     * Inside the transaction, holding the member's points lock: the key once more (a parallel repeat
     * waited on the lock), the goods as they stand now, their limit, the units, the points.
     */
    private Mono<MallRedemptionPayload> take(Viewer member, long goodsId, RedeemMallGoodsInput in, int quantity,
                                             Placement place, int tierLevel) {
        Instant now = clock.instant();
        String key = in.idempotencyKey();
        return points.lock(member.id())
                .then(redemptions.findByKey(member.id(), MallRedemption.Source.REDEEM, key).map(MallRedemptionPayload::replay))
                .switchIfEmpty(Mono.defer(() -> goods.find(member.brandId(), goodsId)
                        .switchIfEmpty(Mono.error(this::notFound))
                        .flatMap(g -> check(g, in, quantity, tierLevel, now)
                                .then(withinLimit(member.id(), g, quantity, now))
                                .then(goods.takeUnits(g.id(), place.stockStoreId(), quantity))
                                .flatMap(taken -> taken ? Mono.just(g) : outOfStock(g, place.stockStoreId(), quantity)))
                        .flatMap(g -> redemptions.insert(new MallRedemptionRepository.NewRedemption(member.brandId(), g,
                                        member.id(), g.fulfilment() == MallGoods.Fulfilment.PICKUP
                                        ? MallRedemption.State.AWAITING_PICKUP : MallRedemption.State.AWAITING_SHIPMENT,
                                        place.stockStoreId(), place.pickupStoreId(),
                                        g.fulfilment() == MallGoods.Fulfilment.PICKUP ? newCode() : null,
                                        g.fulfilment() == MallGoods.Fulfilment.PICKUP
                                                ? now.plus(Duration.ofDays(settings.pickupDays())) : null,
                                        place.addressCipher(), place.addressMasked(), key, now, quantity,
                                        MallRedemption.Source.REDEEM))
                                .flatMap(id -> points.debit(new NewEntry(member.brandId(), member.id(), EntryKind.MALL_REDEEM,
                                                null, null, place.pickupStoreId(), null, "积分商城兑换 " + g.name()
                                                + (quantity > 1 ? " ×" + quantity : ""), "mall:" + id, now),
                                                g.pointsPrice() * quantity, null, false)
                                        .then(redemptions.find(member.brandId(), id))))
                        .map(MallRedemptionPayload::of)));
    }

    /** MALL_OUT_OF_STOCK, saying how many are left when some are but fewer than asked for. */
    private <T> Mono<T> outOfStock(MallGoods g, long stockStoreId, int quantity) {
        boolean brandWide = stockStoreId == MallGoods.BRAND_STOCK;
        return goods.remaining(g.id(), stockStoreId).defaultIfEmpty(0).flatMap(left -> Mono.error(new BusinessException(
                ErrorCode.MALL_OUT_OF_STOCK, left > 0 && quantity > left
                ? "「" + g.name() + "」" + (brandWide ? "" : "在这家门店") + "只剩 " + left + " 件，请减少兑换数量"
                : brandWide ? "「" + g.name() + "」已兑完" : "「" + g.name() + "」在这家门店已兑完，请换一家门店")));
    }

    private Mono<Void> check(MallGoods g, RedeemMallGoodsInput in, int quantity, int tierLevel, Instant now) {
        if (g.limitPerMember() != null && quantity > g.limitPerMember()) {
            return Mono.error(BusinessException.invalid("quantity", "「" + g.name() + "」每人"
                    + (g.limitPeriod() == MallGoods.LimitPeriod.MONTH ? "每月" : "") + "限兑 " + g.limitPerMember()
                    + " 件，一次最多兑换 " + g.limitPerMember() + " 件"));
        }
        if (g.status() != MallGoods.Status.ON_SALE) {
            return Mono.error(new BusinessException(UserError.onInput("goodsId", ErrorCode.MALL_NOT_ON_SALE,
                    g.status() == MallGoods.Status.PAUSED ? "「" + g.name() + "」暂停兑换" : "「" + g.name() + "」未在兑换中")));
        }
        if (in.expectedVersion() != null && in.expectedVersion() != g.version()) {
            return Mono.error(new BusinessException(UserError.onInput("expectedVersion", ErrorCode.MALL_TERMS_CHANGED,
                    "「" + g.name() + "」的兑换条件已更新，请查看后再兑换")));
        }
        if (tierLevel < g.minTierLevel()) {
            return Mono.error(new BusinessException(ErrorCode.MALL_TIER_TOO_LOW, "会员等级不够，不能兑换「" + g.name() + "」"));
        }
        if (!g.openFor(tierLevel, now)) {
            return Mono.error(new BusinessException(ErrorCode.MALL_NOT_OPEN, "「" + g.name() + "」尚未开放兑换"));
        }
        return Mono.empty();
    }

    /**
     * The member's limit in units, counted while their points lock is held (so no parallel redemption
     * of theirs slips past): what they hold plus what they ask for.
     */
    private Mono<Void> withinLimit(long memberId, MallGoods g, int quantity, Instant now) {
        if (g.limitPerMember() == null) {
            return Mono.empty();
        }
        Instant since = g.limitPeriod() == MallGoods.LimitPeriod.MONTH ? monthStart(now) : Instant.EPOCH;
        String each = "「" + g.name() + "」每人" + (g.limitPeriod() == MallGoods.LimitPeriod.MONTH ? "每月" : "")
                + "限兑 " + g.limitPerMember() + " 件";
        return redemptions.heldSince(memberId, g.id(), since).flatMap(held -> held + quantity <= g.limitPerMember()
                ? Mono.empty()
                : Mono.error(new BusinessException(ErrorCode.MALL_LIMIT_REACHED, held >= g.limitPerMember() ? each
                        : each + "，您已兑 " + held + " 件，还可兑 " + (g.limitPerMember() - held) + " 件")));
    }

    Instant monthStart(Instant now) {
        return YearMonth.from(now.atZone(brand.zone())).atDay(1).atStartOfDay(brand.zone()).toInstant();
    }

    /** Cancels an open redemption: the member's own, or as staff within their store and role (audited). */
    Mono<MallRedemption> cancel(Viewer viewer, CancelMallRedemptionInput in) {
        if (in.reason() == null || in.reason().isBlank() || in.reason().strip().length() > 200 || CONTROL.matcher(in.reason()).find()) {
            return Mono.error(BusinessException.invalid("reason", "请填写取消原因（1 到 200 个字符）"));
        }
        return find(viewer, in.redemptionId()).flatMap(r -> {
            if (viewer.role().isStaff() && !viewer.role().isBrandWide() && !java.util.Objects.equals(r.pickupStoreId(), viewer.storeId())) {
                return Mono.error(new AccessDeniedException("staff cancel only pickups at their own store"));
            }
            Long staffId = viewer.role().isStaff() ? viewer.id() : null;
            return close(r, MallRedemption.State.CANCELLED, staffId, in.reason().strip())
                    .then(staffId == null ? Mono.empty() : audit.record(viewer, r.pickupStoreId(), "CANCEL_MALL_REDEMPTION",
                            r.memberId(), "redemption " + r.id() + " " + r.name() + ": " + in.reason().strip()))
                    .then(redemptions.find(r.brandId(), r.id()));
        });
    }

    /**
     * Moves the redemption out of its open state and gives back its points (through the ledger, a new
     * grant; none for a prize, which cost none) and all its units, in one transaction;
     * MALL_REDEMPTION_CLOSED when it was already closed.
     */
    Mono<Void> close(MallRedemption r, MallRedemption.State to, Long staffId, String reason) {
        Instant now = clock.instant();
        return redemptions.close(r.id(), to, staffId, reason, now)
                .flatMap(moved -> moved ? Mono.<Void>empty() : Mono.error(closed(r)))
                .then(r.pointsTotal() == 0 ? Mono.empty() : points.lock(r.memberId())
                        .then(points.credit(new NewEntry(r.brandId(), r.memberId(), EntryKind.MALL_RETURN, null, null,
                                r.pickupStoreId(), staffId, (to == MallRedemption.State.EXPIRED ? "逾期未提货退回 " : "取消兑换退回 ")
                                + r.name() + (r.quantity() > 1 ? " ×" + r.quantity() : ""), "mall-return:" + r.id(), now),
                                r.pointsTotal(), points.expiryFor(now))).then())
                .then(goods.giveUnitsBack(r.goodsId(), r.stockStoreId(), r.quantity()))
                .as(tx::transactional);
    }

    /**
     * A prize of the lottery: one unit of brand-wide pickup goods on sale, as a redemption at 0 points
     * collected at any store of the brand, inside the caller's transaction. The key makes it once per
     * draw. MALL_NOT_ON_SALE or MALL_OUT_OF_STOCK when it cannot be given (nothing is taken then).
     */
    Mono<Long> givePrize(long brandId, long memberId, long goodsId, String key) {
        Instant now = clock.instant();
        return redemptions.findByKey(memberId, MallRedemption.Source.LOTTERY, key).map(MallRedemption::id)
                .switchIfEmpty(Mono.defer(() -> goods.find(brandId, goodsId)
                        .switchIfEmpty(Mono.error(this::notFound))
                        .flatMap(g -> {
                            if (g.status() != MallGoods.Status.ON_SALE) {
                                return Mono.error(new BusinessException(ErrorCode.MALL_NOT_ON_SALE, "「" + g.name() + "」未在兑换中"));
                            }
                            String problem = prizeProblem(g);
                            return problem != null ? Mono.error(new BusinessException(ErrorCode.MALL_GOODS_NOT_A_PRIZE, problem))
                                    : goods.takeUnits(g.id(), MallGoods.BRAND_STOCK, 1)
                                            .flatMap(taken -> taken ? Mono.just(g) : outOfStock(g, MallGoods.BRAND_STOCK, 1));
                        })
                        .flatMap(g -> redemptions.insert(new MallRedemptionRepository.NewRedemption(brandId, g, memberId,
                                MallRedemption.State.AWAITING_PICKUP, MallGoods.BRAND_STOCK, null, newCode(),
                                now.plus(Duration.ofDays(settings.pickupDays())), null, null, key, now, 1,
                                MallRedemption.Source.LOTTERY)))));
    }

    /** Why the goods cannot be a prize of the lottery (delivered, or stocked per store); null when they can. */
    static String prizeProblem(MallGoods g) {
        if (g.fulfilment() != MallGoods.Fulfilment.PICKUP) {
            return "「" + g.name() + "」需快递配送，不能作为抽奖奖品（奖品凭提货码到店领取），请选择到店自提的商品";
        }
        if (g.stockScope() != MallGoods.StockScope.BRAND) {
            return "「" + g.name() + "」按门店分配库存，不能作为抽奖奖品，请选择全品牌统一库存的商品";
        }
        return null;
    }

    /** A redemption about to be handed over, and the store handing it over. */
    private record AtStore(MallRedemption redemption, long storeId) {
    }

    /** The redemption behind a pickup code, for staff at the till of the store it is collected at. */
    Mono<MallRedemption> pickup(Viewer staff, MallPickupInput in) {
        return pickupAt(staff, in).map(AtStore::redemption);
    }

    private Mono<AtStore> pickupAt(Viewer staff, MallPickupInput in) {
        // the store first: staff naming another store learn nothing about codes there, not even their format
        return scope.storeFor(staff, in.storeId())
                .flatMap(storeId -> in.code() == null || !CODE.matcher(in.code().strip()).matches()
                        ? Mono.error(BusinessException.invalid("code", "提货码为 12 位数字"))
                        : rateLimits.acquire(RateLimitedAction.MEMBER_CODE_SCAN, staff.rateSubject()).thenReturn(storeId))
                .flatMap(storeId -> redemptions.findByCode(staff.brandId(), in.code().strip())
                        .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("code",
                                ErrorCode.MALL_REDEMPTION_NOT_FOUND, "提货码无效"))))
                        // a prize is collected at any store; a bought item at the store chosen
                        .flatMap(r -> r.pickupStoreId() == null || storeId.equals(r.pickupStoreId()) ? Mono.just(new AtStore(r, storeId))
                                : stores.find(staff.brandId(), r.pickupStoreId()).map(s -> s.name()).defaultIfEmpty("其他门店")
                                        .flatMap(name -> Mono.error(new BusinessException(UserError.onInput("code",
                                                ErrorCode.MALL_PICKUP_OTHER_STORE, "这份兑换需在「" + name + "」提货"))))));
    }

    /** Hands the item over: the code checked at the staff member's store; the cash part recorded. Audited. */
    Mono<MallRedemption> completePickup(Viewer staff, MallPickupInput in) {
        return pickupAt(staff, in).flatMap(at -> {
            MallRedemption r = at.redemption();
            return redemptions.pickUp(r.id(), at.storeId(), staff.id(), clock.instant())
                    .flatMap(done -> done ? Mono.<Void>empty() : Mono.error(closed(r)))
                    .then(audit.record(staff, at.storeId(), "MALL_PICKUP", r.memberId(), "redemption " + r.id() + " "
                            + r.name() + " x" + r.quantity() + (r.source() == MallRedemption.Source.LOTTERY ? " (lottery prize)" : "")
                            + (r.cashTotalCents() > 0 ? ", cash " + r.cashTotalCents() + " cents collected" : "")))
                    .then(redemptions.find(r.brandId(), r.id()));
        });
    }

    /** Marks a delivery shipped (marketer, admin). Audited. */
    Mono<MallRedemption> ship(Viewer staff, ShipMallRedemptionInput in) {
        if (in.trackingNumber() == null || !TRACKING.matcher(in.trackingNumber().strip()).matches()) {
            return Mono.error(BusinessException.invalid("trackingNumber", "快递单号为 1 到 64 位字母、数字或短横线"));
        }
        String tracking = in.trackingNumber().strip();
        return find(staff, in.redemptionId()).flatMap(r -> redemptions.ship(r.id(), staff.id(), tracking, clock.instant())
                .flatMap(done -> done ? Mono.<Void>empty() : Mono.error(closed(r)))
                .then(audit.record(staff, null, "SHIP_MALL_REDEMPTION", r.memberId(), "redemption " + r.id() + " "
                        + r.name() + " tracking " + tracking))
                .then(redemptions.find(r.brandId(), r.id())));
    }

    /** The redemption if the viewer may see it (a member: their own; staff: the brand's); MALL_REDEMPTION_NOT_FOUND otherwise. */
    private Mono<MallRedemption> find(Viewer viewer, Long id) {
        return (id == null ? Mono.<MallRedemption>empty() : redemptions.find(viewer.brandId(), id))
                .filter(r -> viewer.role().isStaff() || r.memberId() == viewer.id())
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("redemptionId",
                        ErrorCode.MALL_REDEMPTION_NOT_FOUND, "兑换记录不存在"))));
    }

    Mono<Pages.Page<MallRedemption>> mine(Viewer member, MallRedemption.State state, Integer first, String after) {
        return page(member.brandId(), member.id(), new MallRedemptionFilter(state, null, null, null), first, after);
    }

    /** Staff's list: clerks and managers see pickups at their store (naming another is FORBIDDEN). */
    Mono<Pages.Page<MallRedemption>> page(Viewer staff, MallRedemptionFilter filter, Integer first, String after) {
        MallRedemptionFilter f = filter == null ? MallRedemptionFilter.NONE : filter;
        if (!staff.role().isBrandWide()) {
            if (f.storeId() != null && !f.storeId().equals(staff.storeId())) {
                return Mono.error(new AccessDeniedException("staff list their own store's redemptions"));
            }
            f = f.atStore(staff.storeId());
        }
        return page(staff.brandId(), null, f, first, after);
    }

    private Mono<Pages.Page<MallRedemption>> page(long brandId, Long memberId, MallRedemptionFilter f, Integer first,
                                                  String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, CURSOR_KIND);
        return redemptions.page(brandId, memberId, f, before, size + 1).collectList()
                .zipWith(redemptions.count(brandId, memberId, f),
                        (rows, total) -> Pages.of(rows, size, MallRedemption::id, CURSOR_KIND, after != null, total));
    }

    /** For the member's shelf: whether each item may be redeemed now and how many they hold against its limit. */
    Mono<Map<MallGoods, MallGoodsForMember>> forMember(Viewer member, List<MallGoods> list) {
        Instant now = clock.instant();
        return tiers.current(member.id()).flatMap(tier -> redemptions.held(member.id(), MallRepository.ids(list), monthStart(now))
                .collectMap(MallRedemptionRepository.Held::goodsId)
                .map(held -> list.stream().collect(Collectors.toMap(g -> g, g -> {
                    MallRedemptionRepository.Held h = held.get(g.id());
                    int count = h == null ? 0 : (int) (g.limitPeriod() == MallGoods.LimitPeriod.MONTH ? h.month() : h.ever());
                    String why = why(g, tier.level(), count, now);
                    return new MallGoodsForMember(why == null, why, count, why == null ? maxQuantity(g, count) : 0);
                }, (a, b) -> a))));
    }

    /** The most units the member may ask for in one redemption now: the cap, their limit left, the units left. */
    static int maxQuantity(MallGoods g, int held) {
        int most = Math.min(MAX_QUANTITY, Math.max(0, g.stockLeft()));
        return g.limitPerMember() == null ? most : Math.max(0, Math.min(most, g.limitPerMember() - held));
    }

    /** Why the member may not redeem the item now, or null. */
    private static String why(MallGoods g, int level, int held, Instant now) {
        if (g.status() != MallGoods.Status.ON_SALE) {
            return "暂停兑换";
        }
        if (level < g.minTierLevel()) {
            return "会员等级不足";
        }
        if (!g.openFor(level, now)) {
            return "尚未开放";
        }
        if (g.stockLeft() <= 0) {
            return "已兑完";
        }
        if (g.limitPerMember() != null && held >= g.limitPerMember()) {
            return "已达兑换上限";
        }
        return null;
    }

    Mono<Map<Long, Long>> redeemedCounts(List<MallGoods> list) {
        return redemptions.redeemedCounts(MallRepository.ids(list));
    }

    /** The full address for the member who gave it. */
    String address(MallRedemption r) {
        return r.addressCipher() == null ? null : cipher.decrypt(r.addressCipher());
    }

    private String newCode() {
        return String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
    }

    private BusinessException notFound() {
        return new BusinessException(UserError.onInput("goodsId", ErrorCode.MALL_GOODS_NOT_FOUND, "商品不存在"));
    }

    private static BusinessException closed(MallRedemption r) {
        return new BusinessException(UserError.of(ErrorCode.MALL_REDEMPTION_CLOSED, "这份兑换已" + switch (r.state()) {
            case PICKED_UP -> "提货";
            case SHIPPED -> "发货";
            case CANCELLED -> "取消";
            case EXPIRED -> "过期退回";
            default -> "处理";
        } + "，不能再操作"));
    }
}
