package com.loyalty.wallet;

import com.loyalty.wallet.ledger.OpeningRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Opening balances of stored-value cards from a brand's previous system (the bulk import), many
 * members at a time: each a lot of principal (channel OPENING, spent and refunded like any
 * recharge's principal) booked in one balanced transaction against the OPENING_BALANCE account,
 * so the books still add up to zero. At most one opening per member, ever: entering it again
 * changes nothing.
 */
@Service
public class WalletOpenings {

    private final OpeningRepository books;

    WalletOpenings(OpeningRepository books) {
        this.books = books;
    }

    /** Enters the openings (in the caller's transaction; staffId: the admin importing); how many were new. */
    public Mono<Long> open(long brandId, long staffId, List<WalletOpening> openings) {
        List<WalletOpening> some = openings.stream().filter(o -> o.cents() > 0).toList();
        return some.isEmpty() ? Mono.just(0L) : books.open(brandId, staffId, some);
    }
}
