package com.loyalty.analytics.rollup;

import com.loyalty.analytics.AnalyticsBackfill;
import com.loyalty.shared.config.Detached;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Lets an admin roll a range of past days up again (after importing old orders, or on first deployment). */
@Controller
class RollupController {

    /** The most days one backfill may roll up. */
    static final int MAX_DAYS = 3 * 366;

    private final AnalyticsBackfill rollups;

    RollupController(AnalyticsBackfill rollups) {
        this.rollups = rollups;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<BackfillAnalyticsPayload> backfillAnalytics(@Argument BackfillAnalyticsInput input,
                                                            @AuthenticationPrincipal Viewer viewer) {
        return Mono.defer(() -> {
            if (input.to().isBefore(input.from()) || ChronoUnit.DAYS.between(input.from(), input.to()) >= MAX_DAYS) {
                return Mono.error(BusinessException.invalid("to", "日期范围需从早到晚，且不超过 " + MAX_DAYS + " 天"));
            }
            return Detached.run("analytics backfill", rollups.backfill(viewer.brandId(), input.from(), input.to()))
                    .map(days -> new BackfillAnalyticsPayload(days, List.of()));
        }).transform(Payloads.recover(BackfillAnalyticsPayload::failed));
    }
}
