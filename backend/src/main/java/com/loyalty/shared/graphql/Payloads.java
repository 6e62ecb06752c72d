package com.loyalty.shared.graphql;

import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Turns a {@link BusinessException} into the failed form of a mutation payload. */
public final class Payloads {

    private Payloads() {
    }

    /** Use as {@code mono.transform(Payloads.recover(SomePayload::failed))}. */
    public static <T> Function<Mono<T>, Mono<T>> recover(Function<UserError, T> failed) {
        return mono -> mono.onErrorResume(BusinessException.class, e -> Mono.just(failed.apply(e.error())));
    }
}
