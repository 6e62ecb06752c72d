package com.loyalty.lottery;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The member's side of the lottery: the odds, their draws, and drawing (their own session only). */
@Controller
@PreAuthorize("hasRole('MEMBER')")
class MemberLotteryController {

    private final LotteryDrawService draws;

    MemberLotteryController(LotteryDrawService draws) {
        this.draws = draws;
    }

    @MutationMapping
    public Mono<DrawLotteryPayload> drawLottery(@Argument DrawLotteryInput input, @AuthenticationPrincipal Viewer viewer) {
        return draws.draw(viewer, input).transform(Payloads.recover(DrawLotteryPayload::failed));
    }

    @QueryMapping
    public Mono<MemberLottery> lotteryForMember(@Argument Long id, @AuthenticationPrincipal Viewer viewer) {
        return draws.forMember(viewer, id);
    }

    @QueryMapping
    public Mono<Pages.Page<LotteryDraw>> myLotteryDraws(@Argument Integer first, @Argument String after,
                                                       @AuthenticationPrincipal Viewer viewer) {
        return draws.myDraws(viewer, first, after);
    }
}
