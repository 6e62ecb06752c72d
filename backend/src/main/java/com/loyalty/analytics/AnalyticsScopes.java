package com.loyalty.analytics;

import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreScope;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Decides whose numbers a staff member may read: a manager their own store, a marketer or an admin any store or the brand. */
@Component
public class AnalyticsScopes {

    private final StoreScope stores;

    public AnalyticsScopes(StoreScope stores) {
        this.stores = stores;
    }

    /** An admin naming no store reads the whole brand; anyone else gets the store StoreScope allows. */
    public Mono<AnalyticsScope> resolve(Viewer staff, Long storeId) {
        if (staff.role().isBrandWide() && storeId == null) {
            return Mono.just(new AnalyticsScope(staff.brandId(), null));
        }
        return stores.storeFor(staff, storeId).map(store -> new AnalyticsScope(staff.brandId(), store));
    }
}
