package com.loyalty.campaign;

import com.loyalty.member.Member;
import com.loyalty.shared.security.Role;
import com.loyalty.store.StoreScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Member.campaigns: the campaigns a member was in, for the readers of {@code campaign} (a store
 * manager only for their store's members, null for others). Every member asked for in a request is
 * loaded at once (one check of who the caller may see, one query), whatever {@code first} each asks.
 */
@Controller
class MemberCampaignsController {

    /** Most campaigns one member's field lists. */
    static final int MAX_FIRST = 100;

    private static final Set<Role> READERS = Set.of(Role.STORE_MANAGER, Role.MARKETER, Role.ADMIN);

    private final CampaignService campaigns;
    private final StoreScope scope;

    MemberCampaignsController(CampaignService campaigns, StoreScope scope, BatchLoaderRegistry loaders) {
        this.campaigns = campaigns;
        this.scope = scope;
        loaders.<Key, List<MemberCampaign>>forName("memberCampaigns").registerMappedBatchLoader((keys, env) -> load(keys));
    }

    @SchemaMapping(typeName = "Member")
    public CompletableFuture<List<MemberCampaign>> campaigns(Member member, @Argument Integer first,
                                                             DataLoader<Key, List<MemberCampaign>> memberCampaigns) {
        int wanted = Math.max(0, Math.min(first == null ? 20 : first, MAX_FIRST));
        return memberCampaigns.load(new Key(member, wanted));
    }

    private Mono<Map<Key, List<MemberCampaign>>> load(Set<Key> keys) {
        List<Member> members = keys.stream().map(Key::member).distinct().toList();
        int most = keys.stream().mapToInt(Key::first).max().orElse(0);
        return scope.readableMembers(members, false, READERS)
                .flatMap(readable -> campaigns.campaignsOf(readable, most).map(byId -> {
                    Map<Key, List<MemberCampaign>> result = new HashMap<>();
                    keys.stream().filter(k -> readable.contains(k.member().id())).forEach(k -> {
                        List<MemberCampaign> all = byId.getOrDefault(k.member().id(), List.of());
                        result.put(k, all.subList(0, Math.min(k.first(), all.size())));
                    });
                    return result;
                }));
    }

    /** One member's campaigns as a field asks for them. */
    record Key(Member member, int first) {
    }
}
