package com.loyalty.dev.demo;

import com.loyalty.coupon.CouponEarlyAccess;
import com.loyalty.coupon.CouponPack;
import com.loyalty.coupon.CouponPackService;
import com.loyalty.coupon.CouponTemplate;
import com.loyalty.coupon.CouponTemplateFilter;
import com.loyalty.coupon.CouponTemplateService;
import com.loyalty.coupon.CreateCouponPackInput;
import com.loyalty.coupon.CreateCouponTemplateInput;
import com.loyalty.staff.StaffService;
import com.loyalty.shared.security.Viewer;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Demo coupons of the 徐汇店 manager (after {@link DemoData}): two templates on offer, one archived
 * (no longer handed out, as the console shows it), a pack of the two on offer and an archived pack,
 * and a new-product coupon in its early access (银卡 and above claim it now, everyone from 10:00 the
 * day after tomorrow: 优先领 for alice, the opening time for a new member).
 * Idempotent: skipped when the templates are there.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "loyalty.demo-data", havingValue = "true")
public class DemoCoupons implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCoupons.class);
    private static final String PREFIX = "演示·";

    private final CouponTemplateService templates;
    private final CouponPackService packs;
    private final StaffService staffService;
    private final DatabaseClient db;
    private final Clock clock;
    private final BrandProperties brand;

    public DemoCoupons(CouponTemplateService templates, CouponPackService packs, StaffService staffService,
                       DatabaseClient db, Clock clock, BrandProperties brand) {
        this.clock = clock;
        this.brand = brand;
        this.templates = templates;
        this.packs = packs;
        this.staffService = staffService;
        this.db = db;
    }

    @Override
    public void run(ApplicationArguments args) {
        manager().flatMap(manager -> templates.page(manager, new CouponTemplateFilter(null, null, null, PREFIX, null), 1, null)
                        .flatMap(existing -> existing.totalCount() > 0 ? Mono.<Void>empty() : create(manager)))
                .block(Duration.ofSeconds(30));
    }

    private Mono<Void> create(Viewer manager) {
        return Mono.zip(template(manager, PREFIX + "满100减20", 2_000, 10_000, 500),
                        template(manager, PREFIX + "满300减80", 8_000, 30_000, 200),
                        template(manager, PREFIX + "国庆满200减50（已下架）", 5_000, 20_000, 100))
                .flatMap(t -> pack(manager, PREFIX + "回店礼包", t.getT1(), t.getT2())
                        .then(pack(manager, PREFIX + "国庆礼包（已下架）", t.getT1(), t.getT3()))
                        .flatMap(oldPack -> packs.setArchived(manager, oldPack.id(), true))
                        .then(templates.setArchived(manager, t.getT3().id(), true)))
                .then(earlyAccess(manager))
                .doOnNext(t -> log.info("Demo coupons ready: templates and packs named {}*, one of each archived", PREFIX))
                .then();
    }

    /** 演示·新品尝鲜券: in its early access now, open to everyone at 10:00 (brand time) the day after tomorrow. */
    private Mono<CouponTemplate> earlyAccess(Viewer manager) {
        Instant now = clock.instant();
        ZoneId zone = brand.zone();
        Instant general = LocalDate.ofInstant(now, zone).plusDays(2).atTime(10, 0).atZone(zone).toInstant();
        return templates.create(manager, new CreateCouponTemplateInput(PREFIX + "新品尝鲜券", CouponTemplate.Kind.AMOUNT_OFF,
                1_500L, 5_000L, null, null, null, null, null, 14, 300, 1, 0, null, null, CouponTemplate.Channel.BOTH,
                false, true, null, new CouponEarlyAccess(List.of(1, 2, 3), now.minus(Duration.ofHours(1)), general)));
    }

    private Mono<CouponTemplate> template(Viewer manager, String name, long offCents, long thresholdCents, int stock) {
        return templates.create(manager, new CreateCouponTemplateInput(name, CouponTemplate.Kind.AMOUNT_OFF, offCents,
                thresholdCents, null, null, null, null, null, 30, stock, 1, 0, null, null, CouponTemplate.Channel.BOTH,
                false, true, null, null));
    }

    private Mono<CouponPack> pack(Viewer manager, String name, CouponTemplate first, CouponTemplate second) {
        return packs.create(manager, new CreateCouponPackInput(name, List.of(
                new CreateCouponPackInput.Item(first.id(), 1), new CreateCouponPackInput.Item(second.id(), 1))));
    }

    /** The 徐汇店 manager of the demo, who runs the store's coupons. */
    private Mono<Viewer> manager() {
        return DemoStaff.viewer(db, staffService, "manager-xuhui");
    }
}
