package com.loyalty.store;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import java.util.Collection;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Opens and lists the brand's stores. */
@Service
public class StoreService {

    private static final int NAME_MAX = 64;

    private final StoreRepository stores;

    public StoreService(StoreRepository stores) {
        this.stores = stores;
    }

    public Flux<Store> list(long brandId) {
        return stores.findAll(brandId);
    }

    /** The stores with these ids, for naming the store behind other records (ids taken from the brand's own rows). */
    public Flux<Store> findByIds(Collection<Long> ids) {
        return stores.findByIds(ids);
    }

    public Mono<Store> create(long brandId, CreateStoreInput input) {
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            return Mono.error(BusinessException.invalid("name", "门店名称需为 1 到 64 个字符"));
        }
        String address = input.address() == null || input.address().isBlank() ? null : input.address().strip();
        return stores.insertIfAbsent(brandId, name, address)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("name",
                        ErrorCode.STORE_NAME_TAKEN, "门店名称已存在"))));
    }

    /** The brand's store with this id, or empty. */
    public Mono<Store> find(long brandId, long storeId) {
        return stores.findById(brandId, storeId);
    }

    /** The brand's store, or STORE_NOT_FOUND on the given input field. */
    public Mono<Store> require(long brandId, long storeId, String inputField) {
        return stores.findById(brandId, storeId)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput(inputField,
                        ErrorCode.STORE_NOT_FOUND, "门店不存在"))));
    }
}
