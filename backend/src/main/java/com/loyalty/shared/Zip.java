package com.loyalty.shared;

import reactor.core.publisher.Mono;

/**
 * {@code Mono.zip} of three to five sources that hands their values to a function (a record's
 * constructor, typically) instead of a tuple read by position; for two sources
 * {@code Mono.zip(a, b, Pair::new)} does the same. Subscribes to the sources in order, at once,
 * and is empty when any of them is, just as {@code Mono.zip} is.
 */
public final class Zip {

    private Zip() {
    }

    @FunctionalInterface
    public interface Of3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    @FunctionalInterface
    public interface Of4<A, B, C, D, R> {
        R apply(A a, B b, C c, D d);
    }

    @FunctionalInterface
    public interface Of5<A, B, C, D, E, R> {
        R apply(A a, B b, C c, D d, E e);
    }

    @SuppressWarnings("unchecked")
    public static <A, B, C, R> Mono<R> of(Mono<? extends A> a, Mono<? extends B> b, Mono<? extends C> c,
                                          Of3<A, B, C, R> into) {
        return Mono.zip(values -> into.apply((A) values[0], (B) values[1], (C) values[2]), a, b, c);
    }

    @SuppressWarnings("unchecked")
    public static <A, B, C, D, R> Mono<R> of(Mono<? extends A> a, Mono<? extends B> b, Mono<? extends C> c,
                                             Mono<? extends D> d, Of4<A, B, C, D, R> into) {
        return Mono.zip(values -> into.apply((A) values[0], (B) values[1], (C) values[2], (D) values[3]), a, b, c, d);
    }

    @SuppressWarnings("unchecked")
    public static <A, B, C, D, E, R> Mono<R> of(Mono<? extends A> a, Mono<? extends B> b, Mono<? extends C> c,
                                                Mono<? extends D> d, Mono<? extends E> e, Of5<A, B, C, D, E, R> into) {
        return Mono.zip(values -> into.apply((A) values[0], (B) values[1], (C) values[2], (D) values[3],
                (E) values[4]), a, b, c, d, e);
    }
}
