package com.loyalty.wallet.report;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.analytics.Period;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The stored-value report for finance: a manager's own store, an admin's chosen store or whole brand. */
@Service
class WalletReportService {

    private final WalletReportRepository reports;
    private final AnalyticsScopes scopes;
    private final BrandProperties brand;
    private final Clock clock;

    public WalletReportService(WalletReportRepository reports, AnalyticsScopes scopes, BrandProperties brand,
                               Clock clock) {
        this.reports = reports;
        this.scopes = scopes;
        this.brand = brand;
        this.clock = clock;
    }

    public Mono<WalletReport> report(Viewer staff, AnalyticsRange range) {
        Instant now = clock.instant();
        return scopes.resolve(staff, range.storeId()).flatMap(scope -> {
            Instant from = range.from().atStartOfDay(brand.zone()).toInstant();
            Instant until = range.to().plusDays(1).atStartOfDay(brand.zone()).toInstant();
            List<Period> periods = range.periods();
            List<WalletNumbers> numbers = new ArrayList<>();
            periods.forEach(p -> numbers.add(WalletNumbers.empty(p.start(), p.end())));
            return reports.flows(scope.brandId(), scope.storeId(), from, until, brand.zone())
                    .reduce(numbers, (acc, row) -> {
                        for (int i = 0; i < periods.size(); i++) {
                            Period p = periods.get(i);
                            if (!row.day().isBefore(p.start()) && !row.day().isAfter(p.end())) {
                                acc.set(i, acc.get(i).plus(row.kind(), row.account(), row.cents(), row.txns()));
                            }
                        }
                        return acc;
                    })
                    .zipWith(reports.liability(scope.brandId(), scope.storeId(), now).collectList(),
                            (periodNumbers, byStore) -> new WalletReport(scope.storeId(), periodNumbers,
                                    total(range, periodNumbers), new Liability(now, byStore)));
        });
    }

    private static WalletNumbers total(AnalyticsRange range, List<WalletNumbers> periods) {
        WalletNumbers sum = WalletNumbers.empty(range.from(), range.to());
        for (WalletNumbers p : periods) {
            sum = new WalletNumbers(sum.start(), sum.end(), sum.recharges() + p.recharges(),
                    sum.rechargedCents() + p.rechargedCents(), sum.bonusGrantedCents() + p.bonusGrantedCents(),
                    sum.spentPrincipalCents() + p.spentPrincipalCents(), sum.spentBonusCents() + p.spentBonusCents(),
                    sum.rechargeRefundedCents() + p.rechargeRefundedCents(),
                    sum.bonusForfeitedCents() + p.bonusForfeitedCents());
        }
        return sum;
    }
}
