package com.loyalty.store;

import com.loyalty.points.LedgerEntry;
import com.loyalty.shared.graphql.Payloads;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Lists and opens stores, and names the store behind other records. */
@Controller
public class StoreController {

    private final StoreService stores;
    private final StoreRepository storeRows;

    public StoreController(StoreService stores, StoreRepository storeRows) {
        this.stores = stores;
        this.storeRows = storeRows;
    }

    /** The store of each points entry, loaded for a whole page at once. */
    @BatchMapping(typeName = "PointsEntry", field = "store")
    public Mono<Map<LedgerEntry, Store>> pointsEntryStore(List<LedgerEntry> entries) {
        List<Long> ids = entries.stream().map(LedgerEntry::storeId).filter(Objects::nonNull).distinct().toList();
        return storeRows.findByIds(ids).collectMap(Store::id).map(byId -> {
            Map<LedgerEntry, Store> result = new HashMap<>();
            entries.forEach(e -> {
                if (e.storeId() != null && byId.containsKey(e.storeId())) {
                    result.put(e, byId.get(e.storeId()));
                }
            });
            return result;
        });
    }

    @PreAuthorize("hasAnyRole('CLERK', 'MANAGER', 'MARKETER', 'ADMIN')")
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
