package com.loyalty.store;

import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Lists and opens stores. */
@Controller
class StoreController {

    private final StoreService stores;

    StoreController(StoreService stores) {
        this.stores = stores;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Flux<Store> stores(@AuthenticationPrincipal Viewer viewer) {
        return stores.list(viewer.brandId());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<StorePayload> createStore(@Argument CreateStoreInput input, @AuthenticationPrincipal Viewer viewer) {
        return stores.create(viewer.brandId(), input).map(StorePayload::of)
                .transform(Payloads.recover(StorePayload::failed));
    }
}
