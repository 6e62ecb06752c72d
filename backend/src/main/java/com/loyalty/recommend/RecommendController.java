package com.loyalty.recommend;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Recommendations for members, bought-together rules, and stores' stock flags. */
@Controller
class RecommendController {

    private final RecommendationService recommendations;
    private final RuleQueries rules;
    private final StockService stock;
    private final MemberService members;

    RecommendController(RecommendationService recommendations, RuleQueries rules, StockService stock,
                               MemberService members) {
        this.recommendations = recommendations;
        this.rules = rules;
        this.stock = stock;
        this.members = members;
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<List<Recommendation>> recommendations(@Argument Integer first, @AuthenticationPrincipal Viewer viewer) {
        return members.get(viewer.id()).flatMap(member -> recommendations.forMember(viewer, member, first));
    }

    /** The member themselves, or staff of the member's brand (at the till, in the profile). */
    @SchemaMapping(typeName = "Member", field = "recommendations")
    public Mono<List<Recommendation>> memberRecommendations(Member member, @Argument Integer first,
                                                      @AuthenticationPrincipal Viewer viewer) {
        return recommendations.forMember(viewer, member, first);
    }

    @PreAuthorize("isAuthenticated() and !hasRole('CLIENT')")
    @QueryMapping
    public Mono<List<AssociationRule>> frequentlyBoughtTogether(@Argument String sku, @Argument Integer first,
                                                                @AuthenticationPrincipal Viewer viewer) {
        return rules.boughtTogether(viewer.brandId(), sku, first);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<RuleSet> associationRules(@AuthenticationPrincipal Viewer viewer) {
        return rules.lastRun(viewer.brandId());
    }

    @SchemaMapping(typeName = "AssociationRuleSet")
    public Mono<List<AssociationRule>> rules(RuleSet run, @Argument Integer first) {
        return rules.strongest(run, first);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<List<StoreStock>> outOfStock(@Argument Long storeId, @AuthenticationPrincipal Viewer viewer) {
        return stock.outOfStock(viewer, storeId);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<SetStoreStockPayload> setStoreStock(@Argument SetStoreStockInput input,
                                                    @AuthenticationPrincipal Viewer viewer) {
        return stock.set(viewer, input).transform(Payloads.recover(SetStoreStockPayload::failed));
    }
}
