package com.loyalty.segment;

import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseHistory;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.security.Viewer;
import com.loyalty.tag.Tag;
import com.loyalty.tag.TagService;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Member profiles, filtered member lists and segment counts for staff. */
@Controller
class SegmentController {

    private static final int RECENT_ORDERS = 5;

    private final SegmentQueries queries;
    private final SegmentReadRepository reads;
    private final MemberProfileRepository summaries;
    private final PurchaseHistory purchases;
    private final TagService tags;

    SegmentController(SegmentQueries queries, SegmentReadRepository reads, MemberProfileRepository summaries,
                             PurchaseHistory purchases, TagService tags) {
        this.tags = tags;
        this.queries = queries;
        this.reads = reads;
        this.summaries = summaries;
        this.purchases = purchases;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<MemberProfile> member(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return queries.profile(viewer, id);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<MemberProfile>> members(@Argument MemberFilter filter, @Argument Integer first,
                                                   @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return queries.find(viewer, filter, first, after);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<MemberProfile>> findMembers(@Argument MemberSearch search, @Argument Integer first,
                                                       @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return queries.search(viewer, search, first, after);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<SegmentOverview> memberSegments(@AuthenticationPrincipal Viewer viewer) {
        return queries.overview(viewer);
    }

    @BatchMapping(typeName = "MemberProfile")
    public Mono<Map<MemberProfile, PurchaseSummary>> purchases(List<MemberProfile> profiles) {
        return summaries.summaries(profiles.stream().map(MemberProfile::id).toList())
                .map(byId -> profiles.stream().collect(Collectors.toMap(Function.identity(), p -> byId.get(p.id()))));
    }

    /**
     * The members' latest orders: brand-wide roles see every store's, a clerk or store manager only
     * their own store's (the same wall as storeOrder: another store's order, its lines, refunds and
     * coupons are that store's business).
     */
    @BatchMapping(typeName = "MemberProfile")
    public Mono<Map<MemberProfile, List<Purchase>>> recentOrders(List<MemberProfile> profiles, Principal principal) {
        Viewer viewer = principal instanceof Authentication a && a.getPrincipal() instanceof Viewer v ? v : null;
        List<Long> ids = profiles.stream().map(MemberProfile::id).toList();
        Flux<Purchase> orders = viewer == null || !viewer.role().isStaff() ? Flux.empty()
                : viewer.role().isBrandWide() ? purchases.latestOfMembers(ids, RECENT_ORDERS)
                : viewer.storeId() == null ? Flux.empty()
                : purchases.latestOfMembersAt(ids, RECENT_ORDERS, viewer.storeId());
        return orders.collectMultimap(Purchase::memberId)
                .map(byId -> profiles.stream().collect(Collectors.toMap(Function.identity(),
                        p -> List.copyOf(byId.getOrDefault(p.id(), List.of())))));
    }

    @BatchMapping(typeName = "MemberProfile")
    public Mono<Map<MemberProfile, List<Tag>>> tags(List<MemberProfile> profiles) {
        return tags.tagsOf(profiles.stream().map(MemberProfile::id).toList())
                .map(byId -> profiles.stream().collect(Collectors.toMap(Function.identity(),
                        p -> byId.getOrDefault(p.id(), List.of()))));
    }

    @SchemaMapping(typeName = "Lifecycle")
    public Mono<List<MemberProfile.StageChange>> history(MemberProfile.Lifecycle lifecycle) {
        return reads.stageChanges(lifecycle.memberId(), 20).collectList();
    }
}
