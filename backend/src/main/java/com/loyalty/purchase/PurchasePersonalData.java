package com.loyalty.purchase;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's orders with their items and refunds, for their data export. */
@Component
class PurchasePersonalData implements PersonalData {

    private final PurchaseRepository purchases;

    PurchasePersonalData(PurchaseRepository purchases) {
        this.purchases = purchases;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return purchases.exportOrders(memberId).map(json -> new ExportSection("orders", json)).flux();
    }
}
