package com.loyalty.memberevent;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.Store;
import com.loyalty.store.StoreScope;
import com.loyalty.store.StoreService;
import java.security.Principal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The fields of events and sign-ups that read more than their row, each loaded for a whole list at
 * once: the store, the member's own sign-up, the numbers (staff), a sign-up's event and member, and
 * Member.eventSignUps for the member's profile (as the member query lets the caller see the member).
 */
@Controller
class MemberEventFieldsController {

    static final int MAX_LAST = 100;
    private static final Set<Role> STAFF_READERS = Set.of(Role.CLERK, Role.STORE_MANAGER, Role.MARKETER, Role.ADMIN);

    private final MemberEventService events;
    private final EventSignUpService signUps;
    private final StoreService stores;
    private final MemberService members;
    private final StoreScope scope;
    private final Clock clock;

    MemberEventFieldsController(MemberEventService events, EventSignUpService signUps, StoreService stores,
                                MemberService members, StoreScope scope, Clock clock, BatchLoaderRegistry loaders) {
        this.events = events;
        this.signUps = signUps;
        this.stores = stores;
        this.members = members;
        this.scope = scope;
        this.clock = clock;
        loaders.forTypePair(Key.class, SignUpList.class).registerMappedBatchLoader((keys, env) -> load(keys));
    }

    @SchemaMapping(typeName = "MemberEvent")
    public MemberEventStatus status(MemberEvent event) {
        return event.status(clock.instant());
    }

    @SchemaMapping(typeName = "MemberEvent")
    public boolean signUpOpen(MemberEvent event) {
        return event.signUpOpen(clock.instant());
    }

    @BatchMapping(typeName = "MemberEvent")
    public Mono<Map<MemberEvent, Store>> store(List<MemberEvent> list) {
        return stores.findByIds(list.stream().map(MemberEvent::storeId).distinct().toList()).collectMap(Store::id)
                .map(byId -> byKey(list, e -> byId.get(e.storeId())));
    }

    @BatchMapping(typeName = "MemberEvent")
    public Mono<Map<MemberEvent, EventSignUp>> mySignUp(List<MemberEvent> list, Principal principal) {
        Viewer viewer = viewer(principal);
        if (viewer == null || viewer.role() != Role.MEMBER) {
            return Mono.just(Map.of());
        }
        return signUps.mySignUps(viewer.id(), list.stream().map(MemberEvent::id).distinct().toList())
                .map(byEvent -> byKey(list, e -> byEvent.get(e.id())));
    }

    @BatchMapping(typeName = "MemberEvent")
    public Mono<Map<MemberEvent, MemberEventStats>> stats(List<MemberEvent> list, Principal principal) {
        Viewer viewer = viewer(principal);
        if (viewer == null || !viewer.role().isStaff()) {
            return Mono.just(Map.of());
        }
        return events.stats(list.stream().map(MemberEvent::id).distinct().toList())
                .map(byEvent -> byKey(list, e -> byEvent.getOrDefault(e.id(), MemberEventStats.NONE)));
    }

    @SchemaMapping(typeName = "MemberEvent")
    public Mono<Pages.Page<EventSignUp>> signUps(MemberEvent event, @Argument EventSignUp.Status status,
                                                 @Argument Integer first, @Argument String after, Principal principal) {
        Viewer viewer = viewer(principal);
        if (viewer == null || !viewer.role().isStaff() || viewer.isClient()) {
            return Mono.error(new AccessDeniedException("sign-ups are for staff"));
        }
        return Mono.defer(() -> signUps.ofEvent(event, status, first, after));
    }

    @BatchMapping(typeName = "EventSignUp")
    public Mono<Map<EventSignUp, MemberEvent>> event(List<EventSignUp> list) {
        return signUps.eventsByIds(list.stream().map(EventSignUp::eventId).distinct().toList())
                .map(byId -> byKey(list, s -> byId.get(s.eventId())));
    }

    /** The member of each sign-up: for staff who may see its event (they list it), for a member only themself. */
    @BatchMapping(typeName = "EventSignUp")
    public Mono<Map<EventSignUp, Member>> member(List<EventSignUp> list, Principal principal) {
        Viewer viewer = viewer(principal);
        if (viewer == null) {
            return Mono.just(Map.of());
        }
        List<Long> ids = list.stream().map(EventSignUp::memberId)
                .filter(id -> viewer.role() != Role.MEMBER || id == viewer.id()).distinct().toList();
        return members.findByIds(ids).filter(m -> m.brandId() == viewer.brandId()).collectMap(Member::id)
                .map(byId -> byKey(list, s -> byId.get(s.memberId())));
    }

    @SchemaMapping(typeName = "Member")
    public CompletableFuture<List<EventSignUp>> eventSignUps(Member member, @Argument Integer first,
                                                             DataLoader<Key, SignUpList> loader) {
        int wanted = Math.max(0, Math.min(first == null ? 20 : first, MAX_LAST));
        return loader.load(new Key(member, wanted)).thenApply(found -> found == null ? null : found.signUps());
    }

    private Mono<Map<Key, SignUpList>> load(Set<Key> keys) {
        List<Member> asked = keys.stream().map(Key::member).distinct().toList();
        int most = keys.stream().mapToInt(Key::first).max().orElse(0);
        return scope.readableMembers(asked, true, STAFF_READERS)
                .flatMap(readable -> signUps.ofMembers(readable, most).map(byMember -> {
                    Map<Key, SignUpList> result = new HashMap<>();
                    keys.stream().filter(k -> readable.contains(k.member().id())).forEach(k -> {
                        List<EventSignUp> all = byMember.getOrDefault(k.member().id(), List.of());
                        result.put(k, new SignUpList(all.subList(0, Math.min(k.first(), all.size()))));
                    });
                    return result;
                }));
    }

    /** One member's sign-ups as a field asks for them. */
    record Key(Member member, int first) {
    }

    /** A member's latest sign-ups. */
    record SignUpList(List<EventSignUp> signUps) {
    }

    private static <K, V> Map<K, V> byKey(List<K> keys, Function<K, V> value) {
        Map<K, V> result = new HashMap<>();
        keys.forEach(k -> {
            V v = value.apply(k);
            if (v != null) {
                result.put(k, v);
            }
        });
        return result;
    }

    private static Viewer viewer(Principal principal) {
        return principal instanceof Authentication a && a.getPrincipal() instanceof Viewer v ? v : null;
    }
}
