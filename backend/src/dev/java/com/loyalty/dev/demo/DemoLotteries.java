package com.loyalty.dev.demo;

import com.loyalty.lottery.CreateLotteryInput;
import com.loyalty.lottery.LotteryService;
import com.loyalty.lottery.Prize;
import com.loyalty.lottery.PrizeInput;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * A demo points lottery, after {@link DemoCampaigns} (whose marketer makes it) and {@link DemoMall}
 * (whose cup is a prize): 幸运大转盘, running for a month, 10 points a draw, 3 draws a day, prizes of
 * points and the mall's 品牌保温杯 (picked up at any store) with 谢谢参与 taking the rest.
 * Left as it is when the brand already has a lottery of that title, so restarts change nothing.
 */
@Component
@Order(22)
@ConditionalOnProperty(name = "loyalty.demo-data", havingValue = "true")
public class DemoLotteries implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLotteries.class);
    static final String TITLE = "幸运大转盘";

    private final BrandProperties brand;
    private final LotteryService lotteries;
    private final Clock clock;
    private final DatabaseClient db;

    public DemoLotteries(BrandProperties brand, LotteryService lotteries, Clock clock, DatabaseClient db) {
        this.brand = brand;
        this.lotteries = lotteries;
        this.clock = clock;
        this.db = db;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant();
        Long cup = db.sql("""
                        select g.id from mall_goods g join mall_goods_version v on v.goods_id = g.id and v.version = g.current_version
                        where g.brand_id = :b and v.name = '品牌保温杯' order by g.id limit 1""")
                .bind("b", brand.id()).map(row -> row.get("id", Long.class)).one().block(Duration.ofSeconds(10));
        List<PrizeInput> prizes = new java.util.ArrayList<>(List.of(
                new PrizeInput(Prize.Kind.POINTS, "1000 积分", 1000L, null, 5, 50, null),
                new PrizeInput(Prize.Kind.POINTS, "100 积分", 100L, null, 200, 500, null),
                new PrizeInput(Prize.Kind.POINTS, "20 积分", 20L, null, 5000, 3000, null)));
        if (cup != null) {
            prizes.add(1, new PrizeInput(Prize.Kind.GOODS, null, null, null, 10, 100, cup));
        }
        prizes.add(new PrizeInput(Prize.Kind.NOTHING, null, null, null, null, 0, null));
        CreateLotteryInput input = new CreateLotteryInput(TITLE,
                "1. 每次抽奖消耗 10 积分，每人每天最多 3 次。\n2. 中奖积分即时到账；抽中保温杯凭「我的兑换」中的提货码到任一门店领取。\n"
                        + "3. 奖品抽完或活动预算用完后，该奖项的概率归入「谢谢参与」。",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), 10L, 3, null, 100_000L, 0L, prizes);
        db.sql("select id from staff where username = 'marketer-demo'").map(row -> row.get("id", Long.class)).one()
                .map(id -> new Viewer(id, Role.MARKETER, null, brand.id()))
                .flatMap(marketer -> lotteries.list(marketer, null, 100, null)
                        .flatMap(page -> page.edges().stream().anyMatch(e -> e.getNode().title().equals(TITLE)) ? Mono.empty()
                                : lotteries.create(marketer, input).flatMap(l -> lotteries.start(marketer, l.id())).then()))
                .block(Duration.ofSeconds(60));
        log.info("Demo lottery ready: {}", TITLE);
    }
}
