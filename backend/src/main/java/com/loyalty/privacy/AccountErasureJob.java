package com.loyalty.privacy;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Erases the accounts whose cooling-off period has ended (closeAccount). */
@Component
class AccountErasureJob implements ScheduledJob {

    private final AccountClosureService closures;

    AccountErasureJob(AccountClosureService closures) {
        this.closures = closures;
    }

    @Override
    public JobName job() {
        return JobName.ACCOUNT_ERASURE;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        return closures.eraseDue(asOf);
    }
}
