package com.loyalty.programme;

import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The brand's programme rules as versions. Consumers ask for the rules in force at the time of
 * their event ({@link #rulesAt(Instant)}): never retroactive. An admin schedules a new version
 * based on the newest one (RULES_VERSION_CONFLICT when another came first), from now or a later
 * time (EFFECTIVE_TIME_IN_PAST before now), and may cancel one that is not yet in force.
 */
@Service
public class ProgramRulesService {

    /** A time this close before now counts as now (the admin's clock, the request's way here). */
    static final Duration NOW_TOLERANCE = Duration.ofMinutes(1);
    /** How far ahead a version may be scheduled. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);
    static final String SUBJECT = "PROGRAM_RULES";

    private final ProgramRulesCache cache;
    private final ProgramRulesRepository repository;
    private final StaffAuditLog audit;
    private final BrandProperties brand;
    private final Clock clock;
    private final TransactionalOperator tx;

    ProgramRulesService(ProgramRulesCache cache, ProgramRulesRepository repository, StaffAuditLog audit,
                        BrandProperties brand, Clock clock, TransactionalOperator tx) {
        this.cache = cache;
        this.repository = repository;
        this.audit = audit;
        this.brand = brand;
        this.clock = clock;
        this.tx = tx;
    }

    /** The rules of this deployment's brand in force at {@code at} (from memory: call it on every order). */
    public ProgramRules rulesAt(Instant at) {
        return ProgramRulesCache.inForce(cache.held(), at).rules();
    }

    /** The rules of a brand in force at {@code at}; a brand without versions has the deployment brand's. */
    public Mono<ProgramRules> rulesAt(long brandId, Instant at) {
        return versionsOf(brandId).map(list -> ProgramRulesCache.inForce(list, at).rules());
    }

    /** The rules in force now. */
    public ProgramRules current() {
        return rulesAt(clock.instant());
    }

    /** A brand's rules in force now. */
    public Mono<ProgramRules> current(long brandId) {
        return rulesAt(brandId, clock.instant());
    }

    /** The first version after {@code rules} that is scheduled (not in force yet, not cancelled); empty when none. */
    public Mono<RulesVersion> upcomingAfter(long brandId, ProgramRules rules) {
        Instant now = clock.instant();
        return versionsOf(brandId).flatMap(list -> Mono.justOrEmpty(list.stream()
                .filter(v -> !v.cancelled() && v.version() > rules.version() && v.effectiveFrom().isAfter(now))
                .min(Comparator.comparingInt(RulesVersion::version))));
    }

    /** Where a version stands now. */
    public Mono<RulesVersion.Status> status(long brandId, RulesVersion version) {
        if (version.cancelled()) {
            return Mono.just(RulesVersion.Status.CANCELLED);
        }
        Instant now = clock.instant();
        if (version.effectiveFrom().isAfter(now)) {
            return Mono.just(RulesVersion.Status.SCHEDULED);
        }
        return versionsOf(brandId).map(list -> ProgramRulesCache.inForce(list, now).version() == version.version()
                ? RulesVersion.Status.IN_FORCE : RulesVersion.Status.SUPERSEDED);
    }

    /** One version of the viewer's brand; empty when there is none. */
    public Mono<RulesVersion> version(Viewer viewer, int version) {
        return versionsOf(viewer.brandId()).flatMap(list -> Mono.justOrEmpty(list.stream()
                .filter(v -> v.version() == version).findFirst()));
    }

    /** The viewer's brand's versions, newest first. */
    public Mono<Pages.Page<RulesVersion>> versions(Viewer viewer, Integer first, String after) {
        int size = Pages.size(first);
        Long afterVersion = Pages.after(after, "rules");
        Integer before = afterVersion == null ? null : (int) Math.max(Integer.MIN_VALUE,
                Math.min(Integer.MAX_VALUE, afterVersion));
        return repository.page(viewer.brandId(), before, size + 1).collectList()
                .zipWith(repository.count(viewer.brandId()),
                        (rows, total) -> Pages.of(rows, size, RulesVersion::version, "rules", after != null, total));
    }

    /** Schedules a new version; audited with the rules before (the newest version's) and after. */
    public Mono<RulesVersion> schedule(Viewer admin, ScheduleProgramRulesInput in) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            if (in.basedOnVersion() == null || in.basedOnVersion() < 1) {
                throw invalidOn("basedOnVersion", "请指定修改所基于的版本号");
            }
            ProgramRulesChecks.checkReason(in.reason());
            Instant from = in.effectiveFrom() == null ? now : in.effectiveFrom();
            if (from.isBefore(now.minus(NOW_TOLERANCE))) {
                throw new BusinessException(UserError.onInput("effectiveFrom", ErrorCode.EFFECTIVE_TIME_IN_PAST,
                        "生效时间不能早于现在：规则只对今后生效"));
            }
            if (from.isBefore(now)) {
                from = now;
            }
            if (from.isAfter(now.plus(MAX_AHEAD))) {
                throw invalidOn("effectiveFrom", "生效时间至多为一年以内");
            }
            Instant effectiveFrom = from;
            long brandId = admin.brandId();
            return repository.versions(brandId).collectList().flatMap(list -> {
                RulesVersion latest = list.stream().filter(v -> !v.cancelled())
                        .max(Comparator.comparingInt(RulesVersion::version)).orElse(null);
                if (latest == null || latest.version() != in.basedOnVersion()) {
                    return Mono.error(conflict(latest));
                }
                ProgramRulesChecks.check(in.rules(), latest.rules().tiers().size());
                if (effectiveFrom.isBefore(latest.effectiveFrom())) {
                    return Mono.error(invalidOn("effectiveFrom", "生效时间不能早于第 " + latest.version()
                            + " 版的生效时间"));
                }
                int number = list.stream().mapToInt(RulesVersion::version).max().orElse(0) + 1;
                RulesVersion next = new RulesVersion(number, effectiveFrom, admin.id(), in.reason().strip(), now, null,
                        in.rules().toRules(number, effectiveFrom, latest.rules()));
                return repository.insert(brandId, next)
                        .switchIfEmpty(Mono.error(() -> conflict(latest)))
                        .flatMap(saved -> audit.recordChange(admin, null, "SCHEDULE_PROGRAM_RULES",
                                        AuditedChange.changed(SUBJECT, saved.version(), latest.rules(), saved.rules()),
                                        saved.reason())
                                .thenReturn(saved));
            }).as(tx::transactional).flatMap(saved -> cache.changed(brandId).thenReturn(saved));
        });
    }

    /** Cancels a version that is not in force yet; it stays in the history. */
    public Mono<RulesVersion> cancel(Viewer admin, CancelScheduledProgramRulesInput in) {
        return Mono.defer(() -> {
            if (in.version() == null || in.version() < 1) {
                throw invalidOn("version", "请指定要撤销的版本号");
            }
            ProgramRulesChecks.checkReason(in.reason());
            Instant now = clock.instant();
            long brandId = admin.brandId();
            return repository.cancel(brandId, in.version(), now, admin.id())
                    .switchIfEmpty(Mono.error(() -> invalidOn("version", "只能撤销尚未生效的版本")))
                    .flatMap(cancelled -> audit.recordChange(admin, null, "CANCEL_PROGRAM_RULES",
                                    AuditedChange.changed(SUBJECT, cancelled.version(), cancelled.rules(), null),
                                    in.reason().strip())
                            .thenReturn(cancelled))
                    .as(tx::transactional)
                    .flatMap(cancelled -> cache.changed(brandId).thenReturn(cancelled));
        });
    }

    private Mono<List<RulesVersion>> versionsOf(long brandId) {
        return cache.versions(brandId).flatMap(list -> list.isEmpty() && brandId != brand.id()
                ? cache.versions(brand.id()) : Mono.just(list));
    }

    private static BusinessException conflict(RulesVersion latest) {
        return new BusinessException(UserError.onInput("basedOnVersion", ErrorCode.RULES_VERSION_CONFLICT,
                "规则已被修改（最新为第 " + (latest == null ? 0 : latest.version()) + " 版），请刷新后再改"));
    }

    private static BusinessException invalidOn(String field, String message) {
        return BusinessException.invalid(field, message);
    }
}
