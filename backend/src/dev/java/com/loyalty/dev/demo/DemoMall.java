package com.loyalty.dev.demo;

import com.loyalty.mall.CreateMallGoodsInput;
import com.loyalty.mall.MallGoods;
import com.loyalty.mall.MallGoodsFilter;
import com.loyalty.mall.MallGoodsService;
import com.loyalty.mall.MallRedemptionService;
import com.loyalty.mall.MallStoreStockInput;
import com.loyalty.mall.RedeemMallGoodsInput;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.StaffService;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The demo points mall (after {@link DemoCampaigns}, whose marketer runs it): a cup collected at
 * either store, a 金卡 gift with a cash part stocked per store, a tote bag sent by post and a draft,
 * and alice's redemption of two cups (its limit). Idempotent: skipped when goods are there.
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "loyalty.demo-data", havingValue = "true")
public class DemoMall implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMall.class);

    private final MallGoodsService goods;
    private final MallRedemptionService redemptions;
    private final StaffService staffService;
    private final BrandProperties brand;
    private final DatabaseClient db;

    public DemoMall(MallGoodsService goods, MallRedemptionService redemptions, StaffService staffService,
                    BrandProperties brand, DatabaseClient db) {
        this.goods = goods;
        this.redemptions = redemptions;
        this.staffService = staffService;
        this.brand = brand;
        this.db = db;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoStaff.viewer(db, staffService, "marketer-demo")
                .flatMap(marketer -> goods.page(marketer, new MallGoodsFilter(null, null, null), 1, null)
                        .flatMap(existing -> existing.totalCount() > 0 ? Mono.<Void>empty() : create(marketer)))
                .block(Duration.ofSeconds(30));
    }

    private Mono<Void> create(Viewer marketer) {
        // 徐汇店 first: alice is its member and collects there, as its manager's pages show
        Mono<List<Long>> stores = db.sql("select id from store where brand_id = :b order by name <> '徐汇店', id").bind("b", brand.id())
                .map(row -> row.get("id", Long.class)).all().collectList();
        return stores.flatMap(ids -> onSale(marketer, input("品牌保温杯", "304 不锈钢，350ml，门店自提", 1200, 0,
                        MallGoods.Fulfilment.PICKUP, MallGoods.StockScope.BRAND, 50, null, 2, 0))
                .flatMap(cup -> onSale(marketer, input("金卡专享·年节礼盒", "坚果与茶礼盒，金卡及以上会员专享", 5000, 3900,
                                MallGoods.Fulfilment.PICKUP, MallGoods.StockScope.STORE, null,
                                ids.stream().map(id -> new MallStoreStockInput(id, 10)).toList(), 1, 2))
                        .then(onSale(marketer, input("帆布购物袋", "包邮到家", 800, 0, MallGoods.Fulfilment.DELIVERY,
                                MallGoods.StockScope.BRAND, 200, null, 2, 0)))
                        .then(goods.create(marketer, input("新品试吃装（草稿）", null, 300, 0, MallGoods.Fulfilment.PICKUP,
                                MallGoods.StockScope.BRAND, 100, null, null, 0)))
                        .then(alice().flatMap(alice -> redemptions.redeem(alice, new RedeemMallGoodsInput(cup.id(),
                                cup.version(), ids.get(0), null, "demo-mall-cup", 2))))))
                .doOnNext(r -> log.info("Demo mall ready: goods of marketer-demo, alice redeemed {}", r.redemption() == null
                        ? "nothing (" + r.userErrors() + ")" : r.redemption().name()))
                .then();
    }

    private Mono<MallGoods> onSale(Viewer marketer, CreateMallGoodsInput in) {
        return goods.create(marketer, in).flatMap(g -> goods.setStatus(marketer, g.id(), MallGoods.Status.ON_SALE));
    }

    private static CreateMallGoodsInput input(String name, String description, long points, long cash,
                                              MallGoods.Fulfilment fulfilment, MallGoods.StockScope scope, Integer stock,
                                              List<MallStoreStockInput> perStore, Integer limit, int minTier) {
        return new CreateMallGoodsInput(name, description, null, points, cash, fulfilment, scope, stock, perStore, limit,
                MallGoods.LimitPeriod.LIFETIME, minTier, null, null, null);
    }

    private Mono<Viewer> alice() {
        return db.sql("select id from member where brand_id = :b and nickname = '小爱' order by id limit 1").bind("b", brand.id())
                .map(row -> new Viewer(row.get("id", Long.class), Role.MEMBER, null, brand.id())).one();
    }
}
