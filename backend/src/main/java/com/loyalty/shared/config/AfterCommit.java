package com.loyalty.shared.config;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Defers a side effect outside the database (Redis boards, live events) until the surrounding
 * reactive transaction commits, so a rolled-back change never shows; runs it at once when there
 * is no transaction. A failed side effect is logged, never undoes the commit, and one that takes
 * longer than {@link #PATIENCE} (Redis unreachable) is given up so the request still answers.
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    /** How long a request waits for its side effects; Redis answers in well under a millisecond. */
    static final Duration PATIENCE = Duration.ofSeconds(1);

    private AfterCommit() {
    }

    public static Mono<Void> run(Mono<Void> effect) {
        Mono<Void> safe = effect.timeout(PATIENCE).onErrorResume(e -> {
            log.warn("After-commit side effect failed: {}", e.toString());
            return Mono.empty();
        });
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(tx -> {
                    if (!tx.isSynchronizationActive()) {
                        return safe;
                    }
                    tx.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return safe;
                        }
                    });
                    return Mono.<Void>empty();
                })
                .onErrorResume(NoTransactionException.class, e -> safe);
    }
}
