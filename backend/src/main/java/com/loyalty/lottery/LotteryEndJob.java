package com.loyalty.lottery;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Ends lotteries whose end time has passed (every five minutes; the job lock lets one instance at a
 * time do it): each RUNNING or PAUSED one is recorded as ENDED, audited as done by the system. Reads
 * show them as ended from their end time on, before this runs. The time is now (the business date is
 * not used); a lottery is ended once, whoever else runs the job or ends it meanwhile.
 */
@Component
class LotteryEndJob implements ScheduledJob {

    private final LotteryService lotteries;
    private final Clock clock;

    LotteryEndJob(LotteryService lotteries, Clock clock) {
        this.lotteries = lotteries;
        this.clock = clock;
    }

    @Override
    public JobName job() {
        return JobName.LOTTERY_END;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        return lotteries.endPastTheirEnd(clock.instant()).map(n -> "ended " + n + " lotteries past their end time");
    }
}
