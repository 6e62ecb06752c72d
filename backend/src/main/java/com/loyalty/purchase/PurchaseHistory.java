package com.loyalty.purchase;

import java.util.Collection;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * Members' past purchases, for the modules that show them next to a member (the staff's member page)
 * or react to what an order held (stamp cards by category).
 */
@Service
public class PurchaseHistory {

    private final PurchaseRepository purchases;

    PurchaseHistory(PurchaseRepository purchases) {
        this.purchases = purchases;
    }

    /** Each member's latest purchases, newest first, at most {@code perMember} each. */
    public Flux<Purchase> latestOfMembers(Collection<Long> memberIds, int perMember) {
        return purchases.latestOfMembers(memberIds, perMember, null);
    }

    /** Each member's latest purchases at one store, newest first, at most {@code perMember} each. */
    public Flux<Purchase> latestOfMembersAt(Collection<Long> memberIds, int perMember, long storeId) {
        return purchases.latestOfMembers(memberIds, perMember, storeId);
    }

    /** The lines of a purchase as the till sent them, in order (none for an order sent without lines). */
    public Flux<PurchaseLine> linesOf(long purchaseId) {
        return purchases.linesOf(java.util.List.of(purchaseId));
    }
}
