package com.loyalty.dev.demo;

import com.loyalty.benefit.SetTierBenefitsInput;
import com.loyalty.benefit.TierBenefitService;
import com.loyalty.coupon.CouponTemplate;
import com.loyalty.coupon.CouponTemplateFilter;
import com.loyalty.coupon.CouponTemplateService;
import com.loyalty.shared.config.BrandProperties;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 银卡's monthly benefit in the demo, after {@link DemoCoupons}: one 演示·满100减20 a month, set by the
 * demo marketer. Given on the 1st (or by hand with runJob TIER_BENEFITS), so the demo card shows it
 * 待发放 until then. Skipped when any tier has benefits.
 */
@Component
@Order(15)
@ConditionalOnProperty(name = "loyalty.demo-data", havingValue = "true")
public class DemoTierBenefits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTierBenefits.class);
    private static final int SILVER = 1;

    private final TierBenefitService benefits;
    private final CouponTemplateService templates;
    private final DemoCampaigns campaigns;
    private final BrandProperties brand;

    public DemoTierBenefits(TierBenefitService benefits, CouponTemplateService templates, DemoCampaigns campaigns,
                            BrandProperties brand) {
        this.benefits = benefits;
        this.templates = templates;
        this.campaigns = campaigns;
        this.brand = brand;
    }

    @Override
    public void run(ApplicationArguments args) {
        benefits.current(brand.id())
                .filter(all -> all.stream().allMatch(b -> b.items().isEmpty()))
                .flatMap(none -> campaigns.marketer())
                .flatMap(marketer -> templates.page(marketer, new CouponTemplateFilter(null, null, null, "演示·满100减20", null), 1, null)
                        .flatMap(page -> page.edges().isEmpty() ? Mono.empty() : Mono.just(page.edges().get(0).getNode()))
                        .flatMap((CouponTemplate t) -> benefits.set(marketer, new SetTierBenefitsInput(SILVER,
                                List.of(new SetTierBenefitsInput.Item(t.id(), 1))))))
                .doOnNext(set -> log.info("Demo tier benefit ready: 银卡 gets {} coupon(s) a month", set.items().size()))
                .block(Duration.ofSeconds(30));
    }
}
