package com.loyalty.mall;

import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.media.PictureUse;
import com.loyalty.media.PictureUrls;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.SearchText;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreService;
import com.loyalty.tier.Tier;
import com.loyalty.tier.TierService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Goods of the points mall for the people who run it: created as drafts, edited as new versions of
 * their terms (a redemption keeps the version it was made under), put on sale, paused and archived,
 * each change audited with before and after; and the shelf members see.
 */
@Service
public class MallGoodsService {

    /** The most points an item may cost. */
    static final long MAX_POINTS = 1_000_000_000L;
    /** The largest cash part: 10 million yuan, as the till's largest order. */
    static final long MAX_CENTS = 1_000_000_000L;
    /** The most units a stock row may hold. */
    static final int MAX_STOCK = 1_000_000;
    static final int MAX_LIMIT = 1000;
    static final int MAX_STORES = 200;
    /** Schedules are at most this far from now. */
    private static final Duration HORIZON = Duration.ofDays(3660);
    static final String SUBJECT = "MALL_GOODS";
    private static final String CURSOR_KIND = "mall-goods";
    /** Control characters (tab, line feed and the like) have no place in a one-line name. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final MallRepository goods;
    private final StoreService stores;
    private final TierService tiers;
    private final PictureUrls pictures;
    private final StaffAuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    MallGoodsService(MallRepository goods, StoreService stores, TierService tiers, PictureUrls pictures, StaffAuditLog audit,
                     TransactionalOperator tx, Clock clock) {
        this.goods = goods;
        this.pictures = pictures;
        this.stores = stores;
        this.tiers = tiers;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<MallGoods> create(Viewer staff, CreateMallGoodsInput in) {
        MallGoods.StockScope scope = in.stockScope() == null ? MallGoods.StockScope.BRAND : in.stockScope();
        if (in.fulfilment() == null) {
            return Mono.error(BusinessException.invalid("fulfilment", "请选择领取方式：到店自提或快递配送"));
        }
        MallGoods.Terms terms = new MallGoods.Terms(in.name() == null ? null : in.name().strip(), blankToNull(in.description()),
                blankToNull(in.pictureUrl()), in.pointsPrice() == null ? 0 : in.pointsPrice(),
                in.cashCents() == null ? 0 : in.cashCents(), in.limitPerMember(),
                in.limitPeriod() == null ? MallGoods.LimitPeriod.LIFETIME : in.limitPeriod(),
                in.minTierLevel() == null ? 0 : in.minTierLevel(), in.earlyAccessTierLevel(), in.earlyAccessFrom(),
                in.openFrom());
        BusinessException problem = problem(terms, in.fulfilment());
        if (problem == null) {
            problem = stockProblem(scope, in.fulfilment(), in.stock(), in.storeStocks(), true);
        }
        if (problem != null) {
            return Mono.error(problem);
        }
        Instant now = clock.instant();
        return checkTiers(terms).then(checkStores(staff, in.storeStocks())).then(checkPicture(staff, terms.pictureUrl(), null))
                .then(goods.insert(staff.brandId(), in.fulfilment(), scope, staff.id(), now)
                        .flatMap(id -> goods.insertVersion(id, 1, terms, staff.id(), now)
                                .then(setStocks(id, scope, in.stock() == null ? 0 : in.stock(), in.storeStocks()))
                                .then(goods.find(staff.brandId(), id)))
                        .as(tx::transactional))
                .flatMap(g -> audit.recordChange(staff, staff.storeId(), "CREATE_MALL_GOODS",
                        AuditedChange.created(SUBJECT, g.id(), g), g.name()).thenReturn(g));
    }

    /** New terms as the next version, and the stock left now when given. */
    Mono<MallGoods> update(Viewer staff, UpdateMallGoodsInput in) {
        return editable(staff, in.goodsId()).flatMap(before -> {
            MallGoods.Terms terms = in.applyTo(before);
            terms = new MallGoods.Terms(terms.name() == null ? null : terms.name().strip(), blankToNull(terms.description()),
                    blankToNull(terms.pictureUrl()), terms.pointsPrice(), terms.cashCents(), terms.limitPerMember(),
                    terms.limitPeriod(), terms.minTierLevel(), terms.earlyAccessTierLevel(), terms.earlyAccessFrom(),
                    terms.openFrom());
            BusinessException problem = problem(terms, before.fulfilment());
            if (problem == null) {
                problem = stockProblem(before.stockScope(), before.fulfilment(), in.stock(), in.storeStocks(), false);
            }
            if (problem != null) {
                return Mono.error(problem);
            }
            Instant now = clock.instant();
            MallGoods.Terms changed = terms;
            Mono<Void> newVersion = changed.equals(before.terms()) ? Mono.empty()
                    : goods.nextVersion(staff.brandId(), before.id(), now)
                            .flatMap(version -> goods.insertVersion(before.id(), version, changed, staff.id(), now));
            return checkTiers(changed).then(checkStores(staff, in.storeStocks()))
                    .then(checkPicture(staff, changed.pictureUrl(), before.pictureUrl()))
                    .then(newVersion.then(setStocks(before.id(), before.stockScope(), in.stock(), in.storeStocks()))
                            .then(goods.find(staff.brandId(), before.id()))
                            .as(tx::transactional))
                    .flatMap(after -> audit.recordChange(staff, staff.storeId(), "UPDATE_MALL_GOODS",
                            AuditedChange.changed(SUBJECT, after.id(), before, after), after.name()).thenReturn(after));
        });
    }

    /** Puts on sale, pauses or archives; archived goods stay archived. */
    public Mono<MallGoods> setStatus(Viewer staff, Long goodsId, MallGoods.Status to) {
        return editable(staff, goodsId).flatMap(before -> {
            if (before.status() == to) {
                return Mono.just(before);
            }
            if (before.status() == MallGoods.Status.ARCHIVED) {
                return Mono.error(new BusinessException(UserError.onInput("goodsId", ErrorCode.MALL_NOT_ON_SALE,
                        "商品「" + before.name() + "」已归档，不能再上架或暂停")));
            }
            if (to == MallGoods.Status.PAUSED && before.status() != MallGoods.Status.ON_SALE) {
                return Mono.error(new BusinessException(UserError.onInput("goodsId", ErrorCode.MALL_NOT_ON_SALE,
                        "只有在售的商品可以暂停")));
            }
            return goods.setStatus(staff.brandId(), before.id(), to, clock.instant())
                    .flatMap(after -> audit.recordChange(staff, staff.storeId(), switch (to) {
                        case ON_SALE -> "PUBLISH_MALL_GOODS";
                        case PAUSED -> "PAUSE_MALL_GOODS";
                        case ARCHIVED -> "ARCHIVE_MALL_GOODS";
                        case DRAFT -> "DRAFT_MALL_GOODS";
                    }, AuditedChange.changed(SUBJECT, after.id(), before, after), after.name()).thenReturn(after));
        });
    }

    public Mono<Pages.Page<MallGoods>> page(Viewer staff, MallGoodsFilter filter, Integer first, String after) {
        return page(staff.brandId(), filter == null ? MallGoodsFilter.NONE : filter, first, after);
    }

    /** The shelf: goods on sale, newest first. */
    Mono<Pages.Page<MallGoods>> shelf(Viewer member, Integer first, String after) {
        return page(member.brandId(), new MallGoodsFilter(MallGoods.Status.ON_SALE, null, null), first, after);
    }

    private Mono<Pages.Page<MallGoods>> page(long brandId, MallGoodsFilter f, Integer first, String after) {
        String search = SearchText.pattern(f.search(), "filter.search");
        int size = Pages.size(first);
        Long before = Pages.after(after, CURSOR_KIND);
        return goods.page(brandId, f, search, before, size + 1).collectList()
                .zipWith(goods.count(brandId, f, search),
                        (rows, total) -> Pages.of(rows, size, MallGoods::id, CURSOR_KIND, after != null, total));
    }

    Mono<MallGoods> find(Viewer viewer, long id) {
        return goods.find(viewer.brandId(), id);
    }

    /** An item as members may see it: on sale or paused. */
    Mono<MallGoods> findForMember(Viewer member, long id) {
        return goods.find(member.brandId(), id)
                .filter(g -> g.status() == MallGoods.Status.ON_SALE || g.status() == MallGoods.Status.PAUSED);
    }

    Mono<List<MallStoreStock>> storeStocks(List<MallGoods> list) {
        List<Long> ids = MallRepository.ids(list);
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return goods.storeStocks(ids).collectList().flatMap(rows -> stores.findByIds(
                        rows.stream().map(MallRepository.StockRow::storeId).distinct().toList())
                .collectMap(s -> s.id(), s -> s.name())
                .map(names -> rows.stream().map(r -> new MallStoreStock(r.goodsId(), r.storeId(),
                        names.getOrDefault(r.storeId(), ""), r.remaining())).toList()));
    }

    /** Where each PICKUP item may be collected: open stores, with the units left for them. */
    Mono<Map<MallGoods, List<MallStoreStock>>> pickupStores(List<MallGoods> list) {
        if (list.isEmpty()) {
            return Mono.just(Map.of());
        }
        return stores.list(list.get(0).brandId()).filter(s -> s.open()).collectList()
                .zipWith(storeStocks(list), (open, perStore) -> list.stream().collect(Collectors.toMap(g -> g, g -> {
                    if (g.fulfilment() != MallGoods.Fulfilment.PICKUP) {
                        return List.<MallStoreStock>of();
                    }
                    if (g.stockScope() == MallGoods.StockScope.BRAND) {
                        return open.stream().map(s -> new MallStoreStock(g.id(), s.id(), s.name(), g.stockLeft())).toList();
                    }
                    List<Long> openIds = open.stream().map(s -> s.id()).toList();
                    return perStore.stream().filter(r -> r.goodsId() == g.id() && openIds.contains(r.storeId())).toList();
                }, (a, b) -> a)));
    }

    private Mono<MallGoods> editable(Viewer staff, Long id) {
        return (id == null ? Mono.<MallGoods>empty() : goods.find(staff.brandId(), id))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("goodsId",
                        ErrorCode.MALL_GOODS_NOT_FOUND, "商品不存在"))));
    }

    private Mono<Void> setStocks(long goodsId, MallGoods.StockScope scope, Integer stock, List<MallStoreStockInput> perStore) {
        if (scope == MallGoods.StockScope.BRAND) {
            return stock == null ? Mono.empty() : goods.setStock(goodsId, MallGoods.BRAND_STOCK, stock);
        }
        return Flux.fromIterable(perStore == null ? List.of() : perStore)
                .concatMap(s -> goods.setStock(goodsId, s.storeId(), s.remaining())).then();
    }

    /** Every store named is one of the brand's. */
    private Mono<Void> checkStores(Viewer staff, List<MallStoreStockInput> perStore) {
        return Flux.fromIterable(perStore == null ? List.of() : perStore)
                .concatMap(s -> stores.require(staff.brandId(), s.storeId(), "storeStocks")).then();
    }

    /** The tier levels named are the brand's (as the rules in force now set them). */
    private Mono<Void> checkTiers(MallGoods.Terms t) {
        Set<Integer> levels = new HashSet<>();
        for (Tier tier : tiers.tiersAt(clock.instant())) {
            levels.add(tier.level());
        }
        if (!levels.contains(t.minTierLevel())) {
            return Mono.error(BusinessException.invalid("minTierLevel", "没有这个会员等级：" + t.minTierLevel()));
        }
        if (t.earlyAccessTierLevel() != null && !levels.contains(t.earlyAccessTierLevel())) {
            return Mono.error(BusinessException.invalid("earlyAccessTierLevel", "没有这个会员等级：" + t.earlyAccessTierLevel()));
        }
        return Mono.empty();
    }

    /**
     * A new picture must be one uploaded for goods of the brand, or an https URL (PictureUrls); one
     * kept as it was is not checked again.
     */
    private Mono<Void> checkPicture(Viewer staff, String url, String was) {
        return url == null || url.equals(was) ? Mono.empty()
                : pictures.checked(staff, url, PictureUse.GOODS, null, "pictureUrl").then();
    }

    /** The first thing wrong with the terms, or null. */
    private BusinessException problem(MallGoods.Terms t, MallGoods.Fulfilment fulfilment) {
        if (t.name() == null || t.name().isBlank() || t.name().length() > 64 || CONTROL.matcher(t.name()).find()) {
            return BusinessException.invalid("name", "商品名称需为 1 到 64 个字符，不能含换行等控制字符");
        }
        if (t.description() != null && (t.description().length() > 1000
                || CONTROL.matcher(t.description().replace("\n", "")).find())) {
            return BusinessException.invalid("description", "商品介绍最多 1000 个字符，不能含控制字符");
        }
        if (t.pointsPrice() <= 0 || t.pointsPrice() > MAX_POINTS) {
            return BusinessException.invalid("pointsPrice", "兑换积分需在 1 到 " + MAX_POINTS + " 之间");
        }
        if (t.cashCents() < 0 || t.cashCents() > MAX_CENTS) {
            return BusinessException.invalid("cashCents", "加价金额需在 0 到 " + MAX_CENTS / 100 + " 元之间");
        }
        if (t.cashCents() > 0 && fulfilment != MallGoods.Fulfilment.PICKUP) {
            return BusinessException.invalid("cashCents", "积分加钱只适用于到店自提（现金部分在门店收银台支付）");
        }
        if (t.limitPerMember() != null && (t.limitPerMember() < 1 || t.limitPerMember() > MAX_LIMIT)) {
            return BusinessException.invalid("limitPerMember", "每人限兑需在 1 到 " + MAX_LIMIT + " 之间");
        }
        if (t.minTierLevel() < 0) {
            return BusinessException.invalid("minTierLevel", "最低等级不能为负");
        }
        boolean early = t.earlyAccessTierLevel() != null || t.earlyAccessFrom() != null;
        if (early && (t.earlyAccessTierLevel() == null || t.earlyAccessFrom() == null || t.openFrom() == null)) {
            return BusinessException.invalid("earlyAccessFrom", "优先兑换需同时填写优先等级、优先开始时间和全员开放时间");
        }
        if (early && t.earlyAccessTierLevel() < 1) {
            return BusinessException.invalid("earlyAccessTierLevel", "优先兑换的等级需高于普通会员");
        }
        if (early && !t.earlyAccessFrom().isBefore(t.openFrom())) {
            return BusinessException.invalid("earlyAccessFrom", "优先开始时间需早于全员开放时间");
        }
        Instant now = clock.instant();
        for (Instant at : new Instant[] {t.earlyAccessFrom(), t.openFrom()}) {
            if (at != null && (at.isBefore(now.minus(HORIZON)) || at.isAfter(now.plus(HORIZON)))) {
                return BusinessException.invalid(at == t.openFrom() ? "openFrom" : "earlyAccessFrom", "时间需在十年之内");
            }
        }
        return null;
    }

    private static BusinessException stockProblem(MallGoods.StockScope scope, MallGoods.Fulfilment fulfilment,
                                                  Integer stock, List<MallStoreStockInput> perStore, boolean creating) {
        if (scope == MallGoods.StockScope.STORE && fulfilment != MallGoods.Fulfilment.PICKUP) {
            return BusinessException.invalid("stockScope", "按门店分配库存只适用于到店自提");
        }
        if (scope == MallGoods.StockScope.BRAND) {
            if (perStore != null && !perStore.isEmpty()) {
                return BusinessException.invalid("storeStocks", "全品牌统一库存的商品请填写 stock");
            }
            if (stock != null && (stock < 0 || stock > MAX_STOCK)) {
                return BusinessException.invalid("stock", "库存需在 0 到 " + MAX_STOCK + " 之间");
            }
            return null;
        }
        if (stock != null) {
            return BusinessException.invalid("stock", "按门店分配库存的商品请填写 storeStocks");
        }
        if (perStore == null || perStore.isEmpty()) {
            return creating ? BusinessException.invalid("storeStocks", "请至少为一家门店分配库存") : null;
        }
        if (perStore.size() > MAX_STORES) {
            return BusinessException.invalid("storeStocks", "最多为 " + MAX_STORES + " 家门店分配库存");
        }
        Set<Long> seen = new HashSet<>();
        for (MallStoreStockInput s : perStore) {
            if (s.storeId() == null || !seen.add(s.storeId())) {
                return BusinessException.invalid("storeStocks", "每家门店只能出现一次");
            }
            if (s.remaining() == null || s.remaining() < 0 || s.remaining() > MAX_STOCK) {
                return BusinessException.invalid("storeStocks", "每家门店的库存需在 0 到 " + MAX_STOCK + " 之间");
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
