package com.loyalty.store;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Decides at which store a staff action happens: clerks and managers only at their own. */
@Component
public class StoreScope {

    private final StoreService stores;

    public StoreScope(StoreService stores) {
        this.stores = stores;
    }

    /**
     * The store for the action: a clerk's or manager's own (asking for another is FORBIDDEN); an
     * admin names one in {@code storeId}.
     */
    public Mono<Long> storeFor(Viewer staff, Long requestedStoreId) {
        if (staff.role() == Role.ADMIN) {
            if (requestedStoreId == null) {
                return Mono.error(BusinessException.invalid("storeId", "管理员操作需指定门店"));
            }
            return stores.require(staff.brandId(), requestedStoreId, "storeId").map(Store::id);
        }
        if (staff.storeId() == null || requestedStoreId != null && !requestedStoreId.equals(staff.storeId())) {
            return Mono.error(new AccessDeniedException("staff may act only at their own store"));
        }
        return Mono.just(staff.storeId());
    }
}
