package com.loyalty.mall;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import com.loyalty.shared.graphql.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Expires pickups not collected by their deadline: each is closed as EXPIRED and its points and unit
 * given back exactly as a cancellation does (one that was picked up or cancelled meanwhile is left alone).
 */
@Component
class MallPickupExpiryJob implements ScheduledJob {

    /** Redemptions expired per batch; the job takes batches until none is overdue. */
    private static final int BATCH = 200;

    private final MallRedemptionRepository redemptions;
    private final MallRedemptionService service;
    private final Clock clock;

    MallPickupExpiryJob(MallRedemptionRepository redemptions, MallRedemptionService service, Clock clock) {
        this.redemptions = redemptions;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public JobName job() {
        return JobName.MALL_PICKUP_EXPIRY;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        return batch(0).map(n -> "expired " + n + " mall pickups");
    }

    private Mono<Long> batch(long doneSoFar) {
        return redemptions.overdue(clock.instant(), BATCH)
                .concatMap(r -> service.close(r, MallRedemption.State.EXPIRED, null, "逾期未提货")
                        .thenReturn(1L)
                        // picked up or cancelled in the meantime: nothing to give back
                        .onErrorResume(BusinessException.class, e -> Mono.just(0L)))
                .collectList()
                .flatMap(done -> {
                    long n = done.stream().mapToLong(Long::longValue).sum();
                    return done.size() < BATCH ? Mono.just(doneSoFar + n) : batch(doneSoFar + n);
                });
    }
}
