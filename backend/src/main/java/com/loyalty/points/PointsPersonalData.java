package com.loyalty.points;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's points balance, ledger and grants (buckets), for their data export. */
@Component
class PointsPersonalData implements PersonalData {

    private final PointsLedgerRepository ledger;

    PointsPersonalData(PointsLedgerRepository ledger) {
        this.ledger = ledger;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return Flux.concat(
                ledger.exportBalance(memberId).map(json -> new ExportSection("pointsBalance", json)),
                ledger.exportLedger(memberId).map(json -> new ExportSection("pointsLedger", json)),
                ledger.exportGrants(memberId).map(json -> new ExportSection("pointsBuckets", json)));
    }
}
