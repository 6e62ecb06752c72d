package com.loyalty.checkin;

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
 * Member.checkIns for the member's page and lists of members: every member asked for in a request is
 * loaded at once (one check of who the caller may see, one query), whatever {@code last} each asks.
 * The member themself and staff as the member query lets them see the member; null outside the
 * caller's store.
 */
@Controller
class MemberCheckInsController {

    /** Most check-ins one member's field lists. */
    static final int MAX_LAST = 100;

    private static final Set<Role> STAFF_READERS = Set.of(Role.CLERK, Role.STORE_MANAGER, Role.MARKETER, Role.ADMIN);

    private final CheckInService checkIns;
    private final StoreScope scope;

    MemberCheckInsController(CheckInService checkIns, StoreScope scope, BatchLoaderRegistry loaders) {
        this.checkIns = checkIns;
        this.scope = scope;
        loaders.forTypePair(Key.class, MemberCheckIns.class).registerMappedBatchLoader((keys, env) -> load(keys));
    }

    @SchemaMapping(typeName = "Member")
    public CompletableFuture<MemberCheckIns> checkIns(Member member, @Argument Integer last,
                                                      DataLoader<Key, MemberCheckIns> loader) {
        int wanted = Math.max(0, Math.min(last == null ? 30 : last, MAX_LAST));
        return loader.load(new Key(member, wanted));
    }

    private Mono<Map<Key, MemberCheckIns>> load(Set<Key> keys) {
        List<Member> members = keys.stream().map(Key::member).distinct().toList();
        int most = keys.stream().mapToInt(Key::last).max().orElse(0);
        return scope.readableMembers(members, true, STAFF_READERS)
                .flatMap(readable -> checkIns.ofMembers(readable, most))
                .map(byId -> {
                    Map<Key, MemberCheckIns> result = new HashMap<>();
                    keys.stream().filter(k -> byId.containsKey(k.member().id()))
                            .forEach(k -> result.put(k, byId.get(k.member().id()).latest(k.last())));
                    return result;
                });
    }

    /** One member's check-ins as a field asks for them. */
    record Key(Member member, int last) {
    }
}
