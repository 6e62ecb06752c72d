package com.loyalty.stamp;

import com.loyalty.shared.security.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A member's own stamp cards, for the mini-program's card and stamp-card pages. */
@Controller
@PreAuthorize("hasRole('MEMBER')")
class MyStampCardsController {

    private final StampQueries queries;

    MyStampCardsController(StampQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    public Mono<List<MyStampCard>> myStampCards(@AuthenticationPrincipal Viewer member) {
        return queries.mine(member.brandId(), member.id());
    }

    @BatchMapping(typeName = "MyStampCard")
    public Flux<String> reward(List<MyStampCard> list) {
        return queries.rewards(list.stream().map(MyStampCard::rewardPoints).toList(),
                list.stream().map(MyStampCard::rewardCouponTemplateId).toList()).flatMapMany(Flux::fromIterable);
    }
}
