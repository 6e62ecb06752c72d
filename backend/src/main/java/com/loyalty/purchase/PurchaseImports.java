package com.loyalty.purchase;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Order history from a brand's previous system (the bulk import), many orders at a time: recorded
 * as purchases at their store (marked imported) so tiers, RFM and analytics count them, with no
 * points earned and no PurchaseEvents (the nightly jobs and {@code AnalyticsBackfill} pick them up).
 * Idempotent by store and order number, as at the till: an order the store has already is left as it is.
 */
@Service
public class PurchaseImports {

    private final PurchaseRepository purchases;

    PurchaseImports(PurchaseRepository purchases) {
        this.purchases = purchases;
    }

    /** Records the orders (in the caller's transaction; staffId: the admin importing); how many were new. */
    public Mono<Long> importAll(long brandId, long staffId, List<ImportedOrder> orders) {
        if (orders.isEmpty()) {
            return Mono.just(0L);
        }
        List<Long> itemOrder = new ArrayList<>();
        List<Integer> lineNo = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<Long> prices = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            List<ImportedOrder.Item> items = orders.get(i).items() == null ? List.of() : orders.get(i).items();
            for (int line = 0; line < items.size(); line++) {
                itemOrder.add((long) i);
                lineNo.add(line + 1);
                names.add(items.get(line).name());
                quantities.add(items.get(line).quantity());
                prices.add(items.get(line).unitPriceCents());
            }
        }
        return purchases.importAll(brandId, staffId, orders, new PurchaseRepository.ImportedItems(itemOrder, lineNo,
                names, quantities, prices));
    }
}
