package com.loyalty.jobs;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.config.Detached;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Lets an admin run a job by hand for a business date, and read the runs recorded. */
@Controller
class JobController {

    private final JobRunner jobs;
    private final Clock clock;
    private final BrandProperties brand;

    private static final String CURSOR_KIND = "JobRun";

    private final JobRunRepository runs;

    JobController(JobRunner jobs, JobRunRepository runs, Clock clock, BrandProperties brand) {
        this.jobs = jobs;
        this.runs = runs;
        this.clock = clock;
        this.brand = brand;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<RunJobPayload> runJob(@Argument RunJobInput input) {
        LocalDate today = brand.today(clock);
        LocalDate asOf = input.asOf() != null ? input.asOf() : today;
        if (asOf.isAfter(today)) {
            // a run for a day to come would act now on what is not due yet (expire points, drop tiers), irreversibly
            return Mono.just(new RunJobPayload(input.job(), asOf, "refused: " + asOf + " is after today (" + today + ")",
                    List.of(UserError.onInput("asOf", ErrorCode.INVALID_INPUT,
                            "不能为未来的日期运行任务：今天是 " + today))));
        }
        return Detached.run("job " + input.job(), jobs.run(input.job(), asOf))
                .map(summary -> new RunJobPayload(input.job(), asOf, summary, List.of()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<JobRun>> jobRuns(@Argument JobName job, @Argument Integer first, @Argument String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, CURSOR_KIND);
        return runs.page(job, before, size + 1).collectList()
                .zipWith(runs.count(job), (rows, total) -> Pages.of(rows, size, JobRun::id, CURSOR_KIND, after != null, total));
    }
}
