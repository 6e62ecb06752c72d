package com.loyalty.lottery;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lotteries are brand-wide marketing: marketers and admins create, change, start, pause, resume, end
 * and read them; a store manager reads them (list, detail with odds and totals) and changes nothing;
 * clerks have no part in them.
 */
@Controller
class LotteryController {

    private static final String RUNS = "hasAnyRole('MARKETER', 'ADMIN')";
    private static final String READS = "hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')";

    private final LotteryService lotteries;

    LotteryController(LotteryService lotteries) {
        this.lotteries = lotteries;
    }

    @PreAuthorize(RUNS)
    @MutationMapping
    public Mono<LotteryPayload> createLottery(@Argument CreateLotteryInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.create(viewer, input).map(LotteryPayload::of).transform(Payloads.recover(LotteryPayload::failed));
    }

    @PreAuthorize(RUNS)
    @MutationMapping
    public Mono<LotteryPayload> updateLottery(@Argument UpdateLotteryInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.update(viewer, input).map(LotteryPayload::of).transform(Payloads.recover(LotteryPayload::failed));
    }

    @PreAuthorize(RUNS)
    @MutationMapping
    public Mono<LotteryPayload> startLottery(@Argument LotteryIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.start(viewer, input.lotteryId()).map(LotteryPayload::of)
                .transform(Payloads.recover(LotteryPayload::failed));
    }

    @PreAuthorize(RUNS)
    @MutationMapping
    public Mono<LotteryPayload> pauseLottery(@Argument LotteryIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.pause(viewer, input.lotteryId()).map(LotteryPayload::of)
                .transform(Payloads.recover(LotteryPayload::failed));
    }

    @PreAuthorize(RUNS)
    @MutationMapping
    public Mono<LotteryPayload> resumeLottery(@Argument LotteryIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.resume(viewer, input.lotteryId()).map(LotteryPayload::of)
                .transform(Payloads.recover(LotteryPayload::failed));
    }

    @PreAuthorize(RUNS)
    @MutationMapping
    public Mono<LotteryPayload> endLottery(@Argument LotteryIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.end(viewer, input.lotteryId()).map(LotteryPayload::of)
                .transform(Payloads.recover(LotteryPayload::failed));
    }

    @PreAuthorize(READS)
    @QueryMapping
    public Mono<Lottery> lottery(@Argument Long id, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.find(viewer, id);
    }

    @PreAuthorize(READS)
    @QueryMapping
    public Mono<Pages.Page<Lottery>> lotteries(@Argument Lottery.Status status, @Argument Integer first,
                                               @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.list(viewer, status, first, after);
    }

    @PreAuthorize(READS)
    @BatchMapping(typeName = "Lottery")
    public Mono<Map<Lottery, LotteryTotals>> totals(List<Lottery> list) {
        return lotteries.totals(list);
    }

    @PreAuthorize(READS)
    @BatchMapping(typeName = "Lottery")
    public Mono<Map<Lottery, List<PoolVersion>>> poolVersions(List<Lottery> list) {
        return lotteries.pools(list);
    }

    /**
     * The detail page's latest draws (one query for the lottery asked for): who drew is for those who
     * run the lottery; a store manager, whose wall is their own store's members, gets none.
     */
    @PreAuthorize(READS)
    @SchemaMapping(typeName = "Lottery")
    public Flux<LotteryDraw> recentDraws(Lottery lottery, @Argument Integer first, @AuthenticationPrincipal Viewer viewer) {
        return viewer.role() == Role.STORE_MANAGER ? Flux.empty() : lotteries.recentDraws(lottery, first);
    }
}
