package com.loyalty.dev.demo;

import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.StaffService;
import com.loyalty.wallet.packages.CreateRechargePackageInput;
import com.loyalty.wallet.packages.RechargePackageFilter;
import com.loyalty.wallet.packages.RechargePackageService;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo stored-value packages sold at every store, created by the bootstrap admin (money settings are
 * ADMIN only), so the till's 储值充值 and the member's 储值卡 have something to sell: 充500送50 and
 * 充1000送150 with 100 points. Idempotent: skipped when the brand has packages.
 */
@Component
@Order(12)
@ConditionalOnProperty(name = "loyalty.demo-data", havingValue = "true")
public class DemoRechargePackages implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRechargePackages.class);
    private static final int BONUS_VALID_DAYS = 365;

    private final RechargePackageService packages;
    private final StaffService staffService;
    private final String adminUsername;
    private final DatabaseClient db;

    public DemoRechargePackages(RechargePackageService packages, StaffService staffService,
                                @Value("${loyalty.bootstrap-admin.username}") String adminUsername, DatabaseClient db) {
        this.packages = packages;
        this.staffService = staffService;
        this.adminUsername = adminUsername;
        this.db = db;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoStaff.viewer(db, staffService, adminUsername)
                .flatMap(admin -> packages.page(admin, new RechargePackageFilter(null, null), 1, null)
                        .flatMap(existing -> existing.totalCount() > 0 ? Mono.<Void>empty() : create(admin)))
                .block(Duration.ofSeconds(30));
    }

    private Mono<Void> create(Viewer admin) {
        return Flux.just(
                        new CreateRechargePackageInput("充500送50", 50_000L, 5_000L, BONUS_VALID_DAYS, 0L, null, null),
                        new CreateRechargePackageInput("充1000送150", 100_000L, 15_000L, BONUS_VALID_DAYS, 100L, null, null))
                .concatMap(input -> packages.create(admin, input))
                .then()
                .doOnSuccess(done -> log.info("Demo recharge packages ready: 充500送50 and 充1000送150 at every store"));
    }
}
