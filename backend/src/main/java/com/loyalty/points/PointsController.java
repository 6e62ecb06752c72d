package com.loyalty.points;

import com.loyalty.member.Member;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** A member's points: balance, what expires soon, history; and manual adjustments. */
@Controller
public class PointsController {

    private final PointsQueries queries;
    private final PointsAdjustmentService adjustments;

    public PointsController(PointsQueries queries, PointsAdjustmentService adjustments) {
        this.queries = queries;
        this.adjustments = adjustments;
    }

    @BatchMapping(typeName = "Member")
    public Mono<Map<Member, Long>> pointsBalance(List<Member> members) {
        return queries.balances(members.stream().map(Member::id).toList())
                .map(balances -> members.stream().collect(Collectors.toMap(Function.identity(),
                        m -> balances.getOrDefault(m.id(), 0L), (a, b) -> a)));
    }

    @SchemaMapping(typeName = "Member")
    public Mono<List<ExpiringPoints>> pointsExpiringSoon(Member member) {
        return queries.expiringSoon(member.id());
    }

    @SchemaMapping(typeName = "Member")
    public Mono<Pages.Page<LedgerEntry>> pointsHistory(Member member, @Argument Integer first, @Argument String after) {
        return queries.history(member.id(), first, after);
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<AdjustPointsPayload> adjustPoints(@Argument AdjustPointsInput input,
                                                  @AuthenticationPrincipal Viewer viewer) {
        return adjustments.adjust(viewer, input).transform(Payloads.recover(AdjustPointsPayload::failed));
    }
}
