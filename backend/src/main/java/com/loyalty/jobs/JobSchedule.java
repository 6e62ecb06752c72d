package com.loyalty.jobs;

import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.TimeZone;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs every job on its cron (business time) on every instance; the job lock lets only one
 * instance do the work, and a daily job done for the date is not run again. A job's cron is {@code loyalty.jobs.cron.<JOB_NAME>} or its default.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "loyalty.jobs.scheduled", havingValue = "true", matchIfMissing = true)
class JobSchedule implements SchedulingConfigurer {

    private final JobRunner jobs;
    private final Clock clock;
    private final BrandProperties brand;
    private final Environment env;

    JobSchedule(JobRunner jobs, Clock clock, BrandProperties brand, Environment env) {
        this.jobs = jobs;
        this.clock = clock;
        this.brand = brand;
        this.env = env;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        TimeZone zone = TimeZone.getTimeZone(brand.zone());
        for (JobName job : JobName.values()) {
            String cron = env.getProperty("loyalty.jobs.cron." + job.name(), job.defaultCron());
            registrar.addCronTask(new CronTask(() -> runToday(job),
                    new CronTrigger(cron, zone)));
        }
    }

    private void runToday(JobName job) {
        jobs.runScheduled(job, brand.today(clock)).block(Duration.ofMinutes(30));
    }
}
