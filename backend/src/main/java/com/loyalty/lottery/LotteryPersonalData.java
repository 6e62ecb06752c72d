package com.loyalty.lottery;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's lottery draws, for their data export. */
@Component
class LotteryPersonalData implements PersonalData {

    private final LotteryRepository lotteries;

    LotteryPersonalData(LotteryRepository lotteries) {
        this.lotteries = lotteries;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return lotteries.exportDraws(memberId).map(json -> new ExportSection("lotteryDraws", json)).flux();
    }
}
