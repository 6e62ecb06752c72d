package com.loyalty.store;

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

/** Lists, opens, changes, closes and reopens stores. */
@Controller
class StoreController {

    private final StoreService stores;

    StoreController(StoreService stores) {
        this.stores = stores;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<Store>> stores(@Argument StoreFilter filter, @Argument Integer first, @Argument String after,
                                          @AuthenticationPrincipal Viewer viewer) {
        return stores.page(viewer.brandId(), filter, first, after);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Store> store(@Argument Long id, @AuthenticationPrincipal Viewer viewer) {
        return stores.find(viewer.brandId(), id);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<StorePayload> createStore(@Argument CreateStoreInput input, @AuthenticationPrincipal Viewer viewer) {
        return stores.create(viewer, input).map(StorePayload::of).transform(Payloads.recover(StorePayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<StorePayload> updateStore(@Argument UpdateStoreInput input, @AuthenticationPrincipal Viewer viewer) {
        return stores.update(viewer, input).map(StorePayload::of).transform(Payloads.recover(StorePayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<StorePayload> closeStore(@Argument CloseStoreInput input, @AuthenticationPrincipal Viewer viewer) {
        return stores.close(viewer, input).map(StorePayload::of).transform(Payloads.recover(StorePayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<StorePayload> reopenStore(@Argument ReopenStoreInput input, @AuthenticationPrincipal Viewer viewer) {
        return stores.reopen(viewer, input).map(StorePayload::of).transform(Payloads.recover(StorePayload::failed));
    }
}
