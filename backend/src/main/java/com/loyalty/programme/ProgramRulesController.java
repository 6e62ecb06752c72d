package com.loyalty.programme;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.StaffRef;
import com.loyalty.staff.StaffService;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The programme's rules: what anyone may read, the history staff read, the versions admins schedule. */
@Controller
class ProgramRulesController {

    private final ProgramRulesService rules;
    private final BrandProperties brand;
    private final StaffService staff;

    ProgramRulesController(ProgramRulesService rules, BrandProperties brand, StaffService staff) {
        this.rules = rules;
        this.brand = brand;
        this.staff = staff;
    }

    /** Anyone, signed in or not: the rules of this deployment's brand. */
    @QueryMapping
    public Mono<ProgramRules> programRules() {
        return rules.current(brand.id());
    }

    @PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<RulesVersion>> programRulesVersions(@Argument Integer first, @Argument String after,
                                                               @AuthenticationPrincipal Viewer viewer) {
        return rules.versions(viewer, first, after);
    }

    @PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<RulesVersion> programRulesVersion(@Argument int version, @AuthenticationPrincipal Viewer viewer) {
        return rules.version(viewer, version);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<ProgramRulesPayload> scheduleProgramRules(@Argument ScheduleProgramRulesInput input,
                                                          @AuthenticationPrincipal Viewer viewer) {
        return rules.schedule(viewer, input).map(ProgramRulesPayload::of)
                .transform(Payloads.recover(ProgramRulesPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<ProgramRulesPayload> cancelScheduledProgramRules(@Argument CancelScheduledProgramRulesInput input,
                                                                 @AuthenticationPrincipal Viewer viewer) {
        return rules.cancel(viewer, input).map(ProgramRulesPayload::of)
                .transform(Payloads.recover(ProgramRulesPayload::failed));
    }

    @SchemaMapping(typeName = "ProgramRules")
    public Mono<ProgramRules> upcoming(ProgramRules current) {
        return rules.upcomingAfter(brand.id(), current).map(RulesVersion::rules);
    }

    @SchemaMapping(typeName = "ProgramRulesVersion")
    public Mono<RulesVersion.Status> status(RulesVersion version, @AuthenticationPrincipal Viewer viewer) {
        return rules.status(viewer.brandId(), version);
    }

    /** Who scheduled each version, for the whole list in one query. */
    @BatchMapping(typeName = "ProgramRulesVersion")
    public Mono<Map<RulesVersion, StaffRef>> createdByStaff(List<RulesVersion> versions) {
        return staff.refs(brand.id(), versions.stream().map(RulesVersion::createdBy).filter(Objects::nonNull)
                        .distinct().toList())
                .map(byId -> versions.stream().filter(v -> v.createdBy() != null && byId.containsKey(v.createdBy()))
                        .collect(Collectors.toMap(Function.identity(), v -> byId.get(v.createdBy()), (a, b) -> a)));
    }
}
