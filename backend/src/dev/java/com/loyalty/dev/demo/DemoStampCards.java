package com.loyalty.dev.demo;

import com.loyalty.shared.security.Viewer;
import com.loyalty.stamp.StampCard;
import com.loyalty.stamp.StampCardFilter;
import com.loyalty.stamp.StampCardInput;
import com.loyalty.stamp.StampCardService;
import com.loyalty.stamp.UpdateStampCardInput;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A demo stamp card, after {@link DemoData}: 4 orders paying ¥50 or more within a calendar month earn
 * 200 points, made by the demo marketer (the demo's past orders came before it, so they do not stamp
 * it: a card is never retroactive). It started at 5 orders and was lowered to 4, so its history in the
 * console has two versions. Skipped when the brand has a stamp card.
 */
@Component
@Order(14)
@ConditionalOnProperty(name = "loyalty.demo-data", havingValue = "true")
public class DemoStampCards implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStampCards.class);

    private final StampCardService cards;
    private final DemoCampaigns campaigns;

    public DemoStampCards(StampCardService cards, DemoCampaigns campaigns) {
        this.cards = cards;
        this.campaigns = campaigns;
    }

    @Override
    public void run(ApplicationArguments args) {
        campaigns.marketer().flatMap(marketer -> cards.page(marketer, new StampCardFilter(null, null), 1, null)
                        .flatMap(existing -> existing.totalCount() > 0 ? Mono.<Void>empty() : create(marketer)))
                .block(Duration.ofSeconds(30));
    }

    private Mono<Void> create(Viewer marketer) {
        return cards.create(marketer, new StampCardInput("到店集章·满5次送200积分", null, 5, null, 5_000L,
                        StampCard.Period.CALENDAR_MONTH, null, 200L, null))
                .flatMap(card -> cards.update(marketer, new UpdateStampCardInput(card.id(), "到店集章·满4次送200积分", 4,
                        null, null, null, null, null, null, null, null)))
                .doOnNext(card -> log.info("Demo stamp card ready: {} (version {})", card.name(), card.version()))
                .then();
    }
}
