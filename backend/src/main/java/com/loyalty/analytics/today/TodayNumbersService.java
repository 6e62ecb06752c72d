package com.loyalty.analytics.today;

import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.points.PointsService;
import com.loyalty.shared.Zip;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Today's key numbers for the manager's page: new members, orders, 30-day repurchase rate, points liability. */
@Service
class TodayNumbersService {

    static final int BUYER_WINDOW_DAYS = 30;

    private final DailyNumbersRepository numbers;
    private final AnalyticsScopes scopes;
    private final PointsService points;
    private final BrandProperties brand;
    private final Clock clock;

    public TodayNumbersService(DailyNumbersRepository numbers, AnalyticsScopes scopes, PointsService points,
                               BrandProperties brand, Clock clock) {
        this.numbers = numbers;
        this.scopes = scopes;
        this.points = points;
        this.brand = brand;
        this.clock = clock;
    }

    /** A manager's own store; an admin's named store, or the whole brand when none is named. */
    public Mono<TodayNumbers> today(Viewer staff, Long storeId) {
        return scopes.resolve(staff, storeId).flatMap(scope -> compute(scope.brandId(), scope.storeId()));
    }

    private Mono<TodayNumbers> compute(long brandId, Long storeId) {
        LocalDate day = brand.today(clock);
        Instant start = day.atStartOfDay(brand.zone()).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(brand.zone()).toInstant();
        Instant windowStart = day.minusDays(BUYER_WINDOW_DAYS - 1).atStartOfDay(brand.zone()).toInstant();
        return Zip.of(numbers.newMembers(brandId, storeId, start, end), numbers.sales(brandId, storeId, start, end),
                numbers.buyers(brandId, storeId, windowStart, end), numbers.pointsLiability(brandId),
                (newMembers, sales, buyers, liability) -> new TodayNumbers(day, storeId, newMembers, sales.orders(),
                        sales.cents(), buyers.once(), rate(buyers), liability, points.centsFor(liability)));
    }

    private static double rate(DailyNumbersRepository.Buyers buyers) {
        return buyers.once() == 0 ? 0 : (double) buyers.twice() / buyers.once();
    }
}
