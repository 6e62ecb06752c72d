package com.loyalty.analytics.numbers;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.Period;
import com.loyalty.analytics.rollup.NewMembersDay;
import com.loyalty.analytics.shared.Ratios;
import com.loyalty.member.RegistrationChannel;
import com.loyalty.shared.Zip;
import com.loyalty.store.Store;
import com.loyalty.store.StoreService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * New members over a range, compared with the range of equal length just before; members at the
 * store are those who registered there.
 */
@Service
class MemberGrowthService {

    private final RangeReader reader;
    private final StoreService stores;

    public MemberGrowthService(RangeReader reader, StoreService stores) {
        this.reader = reader;
        this.stores = stores;
    }

    public Mono<MemberGrowth> growth(AnalyticsScope scope, AnalyticsRange range) {
        AnalyticsRange previous = range.previous();
        return Zip.of(reader.read(scope, range, false), reader.read(scope, previous, false),
                stores.list(scope.brandId()).collectList(),
                (rows, previousRows, all) -> {
                    GrowthNumbers total = numbers(rows, new Period(range.from(), range.to()));
                    GrowthNumbers before = numbers(previousRows, new Period(previous.from(), previous.to()));
                    List<GrowthNumbers> series = range.periods().stream().map(p -> numbers(rows, p)).toList();
                    return new MemberGrowth(scope.storeId(), total, before,
                            Ratios.growth(total.newMembers(), before.newMembers()), series,
                            byChannel(rows.newMembers()), byStore(scope, rows.newMembers(), all));
                });
    }

    /** One period of the range's rows. */
    static GrowthNumbers numbers(RangeRows rows, Period period) {
        List<NewMembersDay> joined = Ratios.in(rows.newMembers(), NewMembersDay::day, period);
        int members = Math.toIntExact(Ratios.sum(joined, NewMembersDay::members));
        int withPhone = Math.toIntExact(Ratios.sum(joined, NewMembersDay::withPhone));
        int atEnd = Math.toIntExact(rows.membersAtEnd(period));
        int phonesAtEnd = Math.toIntExact(rows.phonesAtEnd(period));
        return new GrowthNumbers(period.start(), period.end(), members, withPhone, Ratios.rate(withPhone, members),
                atEnd, phonesAtEnd, Ratios.rate(phonesAtEnd, atEnd));
    }

    private static List<ChannelGrowth> byChannel(List<NewMembersDay> joined) {
        return Arrays.stream(RegistrationChannel.values()).map(channel -> {
            List<NewMembersDay> of = joined.stream().filter(j -> j.channel() == channel).toList();
            return new ChannelGrowth(channel, Math.toIntExact(Ratios.sum(of, NewMembersDay::members)),
                    Math.toIntExact(Ratios.sum(of, NewMembersDay::withPhone)));
        }).toList();
    }

    /** Every store of the scope (zeros included), then members who joined at no store if any. */
    private static List<StoreGrowth> byStore(AnalyticsScope scope, List<NewMembersDay> joined, List<Store> all) {
        List<StoreGrowth> out = new ArrayList<>();
        for (Store store : all) {
            if (scope.wholeBrand() || store.id() == scope.storeId()) {
                out.add(storeGrowth(store.id(), store.name(), joined));
            }
        }
        StoreGrowth none = storeGrowth(null, null, joined);
        if (scope.wholeBrand() && none.newMembers() > 0) {
            out.add(none);
        }
        return out;
    }

    private static StoreGrowth storeGrowth(Long storeId, String name, List<NewMembersDay> joined) {
        List<NewMembersDay> of = joined.stream().filter(j -> Objects.equals(j.storeId(), storeId)).toList();
        return new StoreGrowth(storeId, name, Math.toIntExact(Ratios.sum(of, NewMembersDay::members)),
                Math.toIntExact(Ratios.sum(of, NewMembersDay::withPhone)));
    }
}
