package com.loyalty.wallet.ledger;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import com.loyalty.shared.config.BrandProperties;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * For a business date: forfeits the stored-value bonus whose validity ended before that day
 * began, one card at a time under its lock (a card used in between already forfeited it).
 * Running it again for the same date changes nothing.
 */
@Component
class BonusExpiryJob implements ScheduledJob {

    private final WalletRepository wallets;
    private final WalletBooks books;
    private final BrandProperties brand;
    private final TransactionalOperator tx;

    public BonusExpiryJob(WalletRepository wallets, WalletBooks books, BrandProperties brand, TransactionalOperator tx) {
        this.wallets = wallets;
        this.books = books;
        this.brand = brand;
        this.tx = tx;
    }

    @Override
    public JobName job() {
        return JobName.WALLET_BONUS_EXPIRY;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        Instant dayStart = asOf.atStartOfDay(brand.zone()).toInstant();
        return wallets.holdersOfExpiredBonus(dayStart)
                .concatMap(holder -> books.lock(holder.brandId(), holder.memberId(), dayStart).as(tx::transactional))
                .count()
                .map(cards -> "forfeited expired bonus on " + cards + " cards");
    }
}
