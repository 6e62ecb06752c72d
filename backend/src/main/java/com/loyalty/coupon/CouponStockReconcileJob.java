package com.loyalty.coupon;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Rebuilds every live coupon stock gate from Postgres: a backend stopped between the gate and the
 * insert left its unit taken in Redis and no coupon in Postgres; the rebuilt gate has it back, so a
 * sold-out drop ends with exactly its stock handed out. Uses the time now, not the date.
 */
@Component
class CouponStockReconcileJob implements ScheduledJob {

    private final CouponStockGate gate;
    private final Clock clock;

    CouponStockReconcileJob(CouponStockGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public JobName job() {
        return JobName.COUPON_STOCK_RECONCILE;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        return gate.reconcile(clock.instant()).map(n -> "rebuilt " + n + " coupon stock gates");
    }
}
