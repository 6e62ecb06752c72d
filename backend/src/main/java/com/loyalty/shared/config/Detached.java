package com.loyalty.shared.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Runs work to its end even when the caller stops waiting: an admin's job run or backfill outlasts
 * the request timeout (10 s) on a year of data, and cancelling it half-way would waste the work.
 */
public final class Detached {

    private static final Logger log = LoggerFactory.getLogger(Detached.class);

    private Detached() {
    }

    /** Starts the work now and answers its result to whoever still waits. */
    public static <T> Mono<T> run(String what, Mono<T> work) {
        Mono<T> shared = work.cache();
        shared.subscribe(result -> { }, e -> log.warn("{} failed: {}", what, e.toString()));
        return shared;
    }
}
