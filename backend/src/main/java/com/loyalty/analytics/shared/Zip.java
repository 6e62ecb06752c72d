package com.loyalty.analytics.shared;

import reactor.core.publisher.Mono;

/**
 * {@code Mono.zip} of three to five sources straight into what the caller builds of them, its
 * lambda naming each value, instead of a {@code Tuple3..Tuple5} read back with {@code getT1()..}.
 * The same operator as {@code Mono.zip(a, b, c)}: every source subscribed at once, empty when one
 * is empty, the first error cancels the others. (For two sources Reactor's own
 * {@code Mono.zip(a, b, combinator)} does this.)
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
                                          Of3<A, B, C, R> combinator) {
        return Mono.zip(v -> combinator.apply((A) v[0], (B) v[1], (C) v[2]), a, b, c);
    }

    @SuppressWarnings("unchecked")
    public static <A, B, C, D, R> Mono<R> of(Mono<? extends A> a, Mono<? extends B> b, Mono<? extends C> c,
                                             Mono<? extends D> d, Of4<A, B, C, D, R> combinator) {
        return Mono.zip(v -> combinator.apply((A) v[0], (B) v[1], (C) v[2], (D) v[3]), a, b, c, d);
    }

    @SuppressWarnings("unchecked")
    public static <A, B, C, D, E, R> Mono<R> of(Mono<? extends A> a, Mono<? extends B> b, Mono<? extends C> c,
                                                Mono<? extends D> d, Mono<? extends E> e,
                                                Of5<A, B, C, D, E, R> combinator) {
        return Mono.zip(v -> combinator.apply((A) v[0], (B) v[1], (C) v[2], (D) v[3], (E) v[4]), a, b, c, d, e);
    }
}
