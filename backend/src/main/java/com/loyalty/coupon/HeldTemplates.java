package com.loyalty.coupon;

import com.loyalty.shared.redis.AnnouncedCache;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The coupon templates members claim, held in memory: a flash drop reads the same template for
 * every one of thousands of claims. Dropped on every instance when a template is changed or
 * archived, read again every {@link #MAX_AGE} in any case. (What was issued is never held here: it
 * is counted where it is read, and the stock gate holds what is left.)
 */
@Component
class HeldTemplates implements DisposableBean {

    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final AnnouncedCache<CouponTemplate> templates;

    HeldTemplates(CouponRepository coupons, RedissonClient redis) {
        this.templates = new AnnouncedCache<>("coupon-templates", coupons::findTemplate, MAX_AGE, redis);
    }

    /** The brand's template; empty when there is none (or it is another brand's). */
    Mono<CouponTemplate> find(long brandId, long templateId) {
        return templates.get(templateId).filter(t -> t.brandId() == brandId);
    }

    /** After a change of the template committed. */
    Mono<Void> changed(long templateId) {
        return templates.changed(templateId);
    }

    @Override
    public void destroy() {
        templates.close();
    }
}
