package com.loyalty.stamp;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stamp cards in the console: marketers and admins run the brand's, a store manager their own
 * store's; all three read them. Members read their progress through {@code myStampCards}.
 */
@Controller
@PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
class StampCardController {

    private final StampCardService cards;
    private final StampQueries queries;
    private final StampCardHistory history;

    StampCardController(StampCardService cards, StampQueries queries, StampCardHistory history) {
        this.cards = cards;
        this.queries = queries;
        this.history = history;
    }

    @MutationMapping
    public Mono<StampCardPayload> createStampCard(@Argument StampCardInput input, @AuthenticationPrincipal Viewer viewer) {
        return cards.create(viewer, input).map(StampCardPayload::of).transform(Payloads.recover(StampCardPayload::failed));
    }

    @MutationMapping
    public Mono<StampCardPayload> updateStampCard(@Argument UpdateStampCardInput input,
                                                  @AuthenticationPrincipal Viewer viewer) {
        return cards.update(viewer, input).map(StampCardPayload::of).transform(Payloads.recover(StampCardPayload::failed));
    }

    @MutationMapping
    public Mono<StampCardPayload> pauseStampCard(@Argument StampCardIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return cards.pause(viewer, input.id()).map(StampCardPayload::of)
                .transform(Payloads.recover(StampCardPayload::failed));
    }

    @MutationMapping
    public Mono<StampCardPayload> resumeStampCard(@Argument StampCardIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return cards.resume(viewer, input.id()).map(StampCardPayload::of)
                .transform(Payloads.recover(StampCardPayload::failed));
    }

    @MutationMapping
    public Mono<StampCardPayload> stopStampCard(@Argument StampCardIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return cards.stop(viewer, input.id()).map(StampCardPayload::of)
                .transform(Payloads.recover(StampCardPayload::failed));
    }

    @QueryMapping
    public Mono<Pages.Page<StampCard>> stampCards(@Argument StampCardFilter filter, @Argument Integer first,
                                                  @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return cards.page(viewer, filter, first, after);
    }

    @QueryMapping
    public Mono<StampCard> stampCard(@Argument Long id, @AuthenticationPrincipal Viewer viewer) {
        return cards.find(viewer, id);
    }

    @BatchMapping(typeName = "StampCard")
    public Mono<Map<StampCard, StampCardStats>> stats(List<StampCard> list) {
        return cards.stats(list).map(byId -> list.stream().collect(java.util.stream.Collectors.toMap(c -> c,
                c -> byId.getOrDefault(c.id(), StampCardStats.NONE), (a, b) -> a)));
    }

    /** Every version of each card on the page, newest first, in one go. */
    @BatchMapping(typeName = "StampCard")
    public Mono<Map<StampCard, List<StampCardVersion>>> versions(List<StampCard> list) {
        return list.isEmpty() ? Mono.just(Map.of())
                : history.versions(list.get(0).brandId(), list.stream().map(StampCard::id).distinct().toList())
                        .map(byId -> list.stream().collect(java.util.stream.Collectors.toMap(c -> c,
                                c -> byId.getOrDefault(c.id(), List.of()), (a, b) -> a)));
    }

    @BatchMapping(typeName = "StampCard")
    public Flux<String> reward(List<StampCard> list) {
        return queries.rewards(list.stream().map(StampCard::rewardPoints).toList(),
                list.stream().map(StampCard::rewardCouponTemplateId).toList()).flatMapMany(Flux::fromIterable);
    }
}
