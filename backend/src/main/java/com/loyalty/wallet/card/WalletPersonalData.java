package com.loyalty.wallet.card;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The member's stored-value card, for their data export: the recharges (lots) with what is left of
 * each, every movement of the card, and the online recharge orders they started.
 */
@Component
class WalletPersonalData implements PersonalData {

    private final WalletCardRepository cards;

    public WalletPersonalData(WalletCardRepository cards) {
        this.cards = cards;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return Flux.concat(
                cards.exportRecharges(memberId).map(json -> new ExportSection("storedValueRecharges", json)),
                cards.exportHistory(memberId).map(json -> new ExportSection("storedValueHistory", json)),
                cards.exportRechargeOrders(memberId).map(json -> new ExportSection("storedValueOrders", json)));
    }
}
