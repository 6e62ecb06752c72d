package com.loyalty.dev.demo;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.JobRunner;
import com.loyalty.programme.ProgramRulesService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.staff.StaffService;
import com.loyalty.wechat.WeChatClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The large demo ({@code loyalty.demo.size=LARGE}, {@code DEMO_SIZE=large scripts/dev}): after the
 * small demo, generates a year of history into the brand once (members sign in with code
 * {@code dev-g<n>}) and rolls its past days up into the analytics rollups, then scores segments and
 * mines recommendation rules, logging how long each took.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "loyalty.demo.size", havingValue = "LARGE")
public class LargeDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LargeDemoData.class);

    private final BrandGenerator generator;
    private final GeneratedHistory history;
    private final DemoProperties demo;
    private final BrandProperties brand;
    private final ProgramRulesService points;
    private final WeChatClient weChat;
    private final StaffService staff;
    private final JobRunner jobs;
    private final Clock clock;
    private final ConfigurableApplicationContext context;

    public LargeDemoData(BrandGenerator generator, GeneratedHistory history, DemoProperties demo, BrandProperties brand,
                         ProgramRulesService points, WeChatClient weChat, StaffService staff, JobRunner jobs, Clock clock,
                         ConfigurableApplicationContext context) {
        this.generator = generator;
        this.history = history;
        this.demo = demo;
        this.brand = brand;
        this.points = points;
        this.weChat = weChat;
        this.staff = staff;
        this.jobs = jobs;
        this.clock = clock;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = brand.today(clock);
        generator.generated(brand.id()).flatMap(done -> done ? Mono.fromRunnable(() -> log.info("Large demo: the brand's history is "
                        + "already generated")) : generate())
                .then(timed(JobName.MEMBER_SEGMENTS, today))
                .then(timed(JobName.RECOMMENDATION_RULES, today))
                .block(Duration.ofMinutes(15));
        if (demo.exitWhenReady()) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    private Mono<Void> generate() {
        return staff.hash(DemoData.STAFF_PASSWORD)
                .flatMap(hash -> history.generate(new BrandGenerator.Settings(brand.id(), demo.members(),
                        demo.orders(), demo.guestShare(), demo.stores(), demo.days(), clock.instant(), brand.zone(),
                        points.current().memberDays().isEmpty() ? 0 : points.current().memberDays().get(0), weChat.appId(), "g", "G", "", hash, demo.seed()), DemoData.STAFF_PASSWORD))
                .then();
    }

    private Mono<Void> timed(JobName job, LocalDate today) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return jobs.run(job, today).doOnNext(summary -> log.info("Large demo: {} in {} ms: {}", job,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), summary)).then();
        });
    }
}
