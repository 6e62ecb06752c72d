package com.loyalty.lottery;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
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

/** Lotteries are brand-wide marketing: marketers and admins create, change, start, pause, resume, end and read them. */
@Controller
@PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
class LotteryController {

    private final LotteryService lotteries;

    LotteryController(LotteryService lotteries) {
        this.lotteries = lotteries;
    }

    @MutationMapping
    public Mono<LotteryPayload> createLottery(@Argument CreateLotteryInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.create(viewer, input).map(LotteryPayload::of).transform(Payloads.recover(LotteryPayload::failed));
    }

    @MutationMapping
    public Mono<LotteryPayload> updateLottery(@Argument UpdateLotteryInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.update(viewer, input).map(LotteryPayload::of).transform(Payloads.recover(LotteryPayload::failed));
    }

    @MutationMapping
    public Mono<LotteryPayload> startLottery(@Argument LotteryIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.start(viewer, input.lotteryId()).map(LotteryPayload::of)
                .transform(Payloads.recover(LotteryPayload::failed));
    }

    @MutationMapping
    public Mono<LotteryPayload> pauseLottery(@Argument LotteryIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.pause(viewer, input.lotteryId()).map(LotteryPayload::of)
                .transform(Payloads.recover(LotteryPayload::failed));
    }

    @MutationMapping
    public Mono<LotteryPayload> resumeLottery(@Argument LotteryIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.resume(viewer, input.lotteryId()).map(LotteryPayload::of)
                .transform(Payloads.recover(LotteryPayload::failed));
    }

    @MutationMapping
    public Mono<LotteryPayload> endLottery(@Argument LotteryIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.end(viewer, input.lotteryId()).map(LotteryPayload::of)
                .transform(Payloads.recover(LotteryPayload::failed));
    }

    @QueryMapping
    public Mono<Lottery> lottery(@Argument Long id, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.find(viewer, id);
    }

    @QueryMapping
    public Mono<Pages.Page<Lottery>> lotteries(@Argument Lottery.Status status, @Argument Integer first,
                                               @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return lotteries.list(viewer, status, first, after);
    }

    @BatchMapping(typeName = "Lottery")
    public Mono<Map<Lottery, LotteryTotals>> totals(List<Lottery> list) {
        return lotteries.totals(list);
    }

    @BatchMapping(typeName = "Lottery")
    public Mono<Map<Lottery, List<PoolVersion>>> poolVersions(List<Lottery> list) {
        return lotteries.pools(list);
    }

    /** The detail page's latest draws (one query for the lottery asked for). */
    @SchemaMapping(typeName = "Lottery")
    public Flux<LotteryDraw> recentDraws(Lottery lottery, @Argument Integer first) {
        return lotteries.recentDraws(lottery, first);
    }
}
