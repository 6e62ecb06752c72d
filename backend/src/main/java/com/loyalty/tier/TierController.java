package com.loyalty.tier;

import com.loyalty.member.Member;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tiers, and a member's tier, progress and tier history. */
@Controller
class TierController {

    private final TierService tiers;

    TierController(TierService tiers, BatchLoaderRegistry loaders) {
        this.tiers = tiers;
        // tier and tierProgress of the same members read their tier rows and window spend once per request
        loaders.<Long, MemberStanding>forName("memberStanding").registerMappedBatchLoader((ids, env) -> tiers.standings(ids));
    }

    @PreAuthorize("isAuthenticated() and !hasRole('CLIENT')")
    @QueryMapping
    public Flux<Tier> tiers() {
        return tiers.all();
    }

    @SchemaMapping(typeName = "Member")
    public CompletableFuture<Tier> tier(Member member, DataLoader<Long, MemberStanding> memberStanding) {
        return memberStanding.load(member.id()).thenApply(standing -> tiers.current(standing.tier()));
    }

    /** The tier on an API client's member summary (its backing object is the Member). */
    @SchemaMapping(typeName = "MemberSummary", field = "tier")
    public Mono<Tier> summaryTier(Member member) {
        return tiers.current(member.id());
    }

    @SchemaMapping(typeName = "Member")
    public CompletableFuture<TierProgress> tierProgress(Member member, DataLoader<Long, MemberStanding> memberStanding) {
        return memberStanding.load(member.id()).thenApply(tiers::progress);
    }

    @SchemaMapping(typeName = "Member")
    public Mono<List<TierChange>> tierHistory(Member member) {
        return tiers.history(member.id()).collectList();
    }

    @SchemaMapping(typeName = "TierChange", field = "from")
    public Mono<Tier> from(TierChange change) {
        return level(change.fromLevel());
    }

    @SchemaMapping(typeName = "TierChange", field = "to")
    public Mono<Tier> to(TierChange change) {
        return level(change.toLevel());
    }

    private Mono<Tier> level(int level) {
        return tiers.all().filter(t -> t.level() == level).next();
    }
}
