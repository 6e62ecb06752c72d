package com.loyalty.jobs;

import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the daily jobs on every instance's schedule; the job lock lets only one do the work. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "loyalty.jobs.scheduled", havingValue = "true", matchIfMissing = true)
public class JobSchedule {

    private final JobRunner jobs;
    private final Clock clock;
    private final BrandProperties brand;

    public JobSchedule(JobRunner jobs, Clock clock, BrandProperties brand) {
        this.jobs = jobs;
        this.clock = clock;
        this.brand = brand;
    }

    /** Ten past midnight, business time: yesterday's expiries and the next reminders. */
    @Scheduled(cron = "${loyalty.jobs.points-expiry-cron:0 10 0 * * *}", zone = "${loyalty.brand.zone:Asia/Shanghai}")
    public void pointsExpiry() {
        jobs.run(JobName.POINTS_EXPIRY, LocalDate.now(clock.withZone(brand.zone()))).block(Duration.ofMinutes(30));
    }

    /** Nine in the morning: reminders for coupons about to expire. */
    @Scheduled(cron = "${loyalty.jobs.coupon-reminders-cron:0 0 9 * * *}", zone = "${loyalty.brand.zone:Asia/Shanghai}")
    public void couponReminders() {
        jobs.run(JobName.COUPON_REMINDERS, LocalDate.now(clock.withZone(brand.zone()))).block(Duration.ofMinutes(30));
    }

    /** Twenty past midnight on the 1st: the monthly tier review. */
    @Scheduled(cron = "${loyalty.jobs.tier-review-cron:0 20 0 1 * *}", zone = "${loyalty.brand.zone:Asia/Shanghai}")
    public void tierReview() {
        jobs.run(JobName.TIER_REVIEW, LocalDate.now(clock.withZone(brand.zone()))).block(Duration.ofMinutes(30));
    }
}
