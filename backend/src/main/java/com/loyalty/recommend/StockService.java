package com.loyalty.recommend;

import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.StoreScope;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Stock flags set by a store's staff (clerks and managers at their own store, admins at any store
 * of the brand); every change is audited. Setting the value a flag already has changes nothing.
 */
@Service
public class StockService {

    private static final int SKU_MAX = 64;

    private final StockRepository stock;
    private final StoreScope scope;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    public StockService(StockRepository stock, StoreScope scope, StaffAuditLog audit, Clock clock,
                        TransactionalOperator tx) {
        this.stock = stock;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<SetStoreStockPayload> set(Viewer staff, SetStoreStockInput in) {
        String sku = in.sku() == null ? "" : in.sku().strip();
        if (sku.isEmpty() || sku.length() > SKU_MAX) {
            return Mono.error(BusinessException.invalid("sku", "商品编码需为 1 到 64 个字符"));
        }
        if (in.inStock() == null) {
            return Mono.error(BusinessException.invalid("inStock", "请说明是否有货"));
        }
        boolean inStock = in.inStock();
        return scope.storeFor(staff, in.storeId())
                .flatMap(storeId -> stock.set(staff.brandId(), storeId, sku, inStock, staff.id(), clock.instant())
                        .flatMap(changed -> (changed
                                ? audit.record(staff, storeId, "SET_STOCK", null, sku + (inStock ? " 有货" : " 缺货"))
                                : Mono.<Void>empty())
                                .then(stock.find(storeId, sku))
                                .map(flag -> SetStoreStockPayload.of(flag, changed)))
                        .as(tx::transactional));
    }

    /** The store's out-of-stock SKUs: a clerk's or manager's own store; an admin names one (BAD_REQUEST otherwise). */
    public Mono<List<StoreStock>> outOfStock(Viewer staff, Long storeId) {
        return scope.storeFor(staff, storeId)
                .onErrorMap(BusinessException.class, e -> new BadArgumentException(e.error().message()))
                .flatMap(id -> stock.outOfStock(id).collectList());
    }
}
