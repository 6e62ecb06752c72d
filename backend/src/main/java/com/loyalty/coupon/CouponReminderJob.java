package com.loyalty.coupon;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import com.loyalty.notify.NotificationOutbox;
import com.loyalty.shared.config.BrandProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Queues one reminder per coupon that expires within the next days (default 3); once per coupon. */
@Component
class CouponReminderJob implements ScheduledJob {

    private final CouponRepository coupons;
    private final NotificationOutbox outbox;
    private final BrandProperties brand;
    private final Settings settings;

    CouponReminderJob(CouponRepository coupons, NotificationOutbox outbox, BrandProperties brand,
                             Settings settings) {
        this.coupons = coupons;
        this.outbox = outbox;
        this.brand = brand;
        this.settings = settings;
    }

    /** How many days ahead members hear about expiring coupons. */
    @ConfigurationProperties("loyalty.coupon")
    public record Settings(@DefaultValue("3") int reminderDays) {
    }

    @Override
    public JobName job() {
        return JobName.COUPON_REMINDERS;
    }

    /** Queues reminders for coupons expiring within the reminder window of the business date. */
    @Override
    public Mono<String> run(LocalDate asOf) {
        Instant dayStart = asOf.atStartOfDay(brand.zone()).toInstant();
        return coupons.expiringBetween(dayStart, dayStart.plus(Duration.ofDays(settings.reminderDays())))
                .concatMap(c -> outbox.enqueue(c.memberId(), "COUPON_EXPIRING", "coupon-expiring:" + c.couponId(),
                        Map.of("couponId", c.couponId(), "name", c.name(), "validUntil", c.validUntil().toString()),
                        dayStart))
                .filter(Boolean::booleanValue)
                .count()
                .map(n -> "queued " + n + " coupon reminders");
    }
}
