package com.loyalty.automation;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Daily: the wake-up, follow-up, birthday and repurchase rules. */
@Component
class AutomationJob implements ScheduledJob {

    private final AutomationService automation;

    AutomationJob(AutomationService automation) {
        this.automation = automation;
    }

    @Override
    public JobName job() {
        return JobName.AUTOMATION;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        return automation.run(asOf);
    }
}
