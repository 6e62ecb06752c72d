package com.loyalty.checkin;

import com.loyalty.programme.CheckInRules;
import com.loyalty.programme.ProgramRulesService;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.leaderboard.LeaderboardService;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Daily check-in: once per member per business day (the database key guarantees it), rewarded
 * by the streak table through the points ledger; missed days of the month can be made up for
 * points and then count for streaks.
 */
@Service
class CheckInService {

    private final CheckInRepository checkins;
    private final PointsService points;
    private final ProgramRulesService programme;
    private final BrandProperties brand;
    private final Clock clock;
    private final LeaderboardService leaderboards;
    private final TransactionalOperator tx;
    private final RateLimits rateLimits;

    CheckInService(CheckInRepository checkins, PointsService points, ProgramRulesService programme,
                          BrandProperties brand, Clock clock, LeaderboardService leaderboards,
                          TransactionalOperator tx, RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.checkins = checkins;
        this.points = points;
        this.programme = programme;
        this.brand = brand;
        this.clock = clock;
        this.leaderboards = leaderboards;
        this.tx = tx;
    }

    /**
     * Checks the member in for today. A second tap the same day is answered from one index lookup,
     * like any read: without the member's lock, a transaction or the rate limit (a Redis script,
     * which cost more than the lookup), which guards only taps that would write. A tap racing the
     * first one still meets the unique (member, day) insert under the lock.
     */
    public Mono<CheckInPayload> checkIn(Viewer member) {
        return Mono.defer(() -> checkins.exists(member.id(), today()))
                .flatMap(done -> done ? Mono.error(CheckInService::alreadyCheckedIn)
                        : rateLimits.acquire(RateLimitedAction.CHECK_IN, member.id()).then(Mono.defer(() -> checkInToday(member))));
    }

    private static BusinessException alreadyCheckedIn() {
        return new BusinessException(ErrorCode.ALREADY_CHECKED_IN, "今天已经签到过了");
    }

    private Mono<CheckInPayload> checkInToday(Viewer member) {
        LocalDate today = today();
        Instant now = clock.instant();
        return points.lock(member.id())
                .then(history(member.id()))
                .flatMap(history -> {
                    int streak = history.streakEndingAt(today.minusDays(1)) + 1;
                    long reward = rules().rewardFor(streak);
                    return checkins.insertIfAbsent(new CheckIn(member.id(), today, false, streak, reward), now)
                            .switchIfEmpty(Mono.error(CheckInService::alreadyCheckedIn))
                            .flatMap(done -> points.credit(new NewEntry(member.brandId(), member.id(), EntryKind.CHECK_IN,
                                                    null, null, null, null, "签到第 " + streak + " 天", "checkin:" + today, now),
                                            reward, points.expiryFor(now, rules().rewardExpiryMonths()))
                                    .then(leaderboards.checkedIn(member.id(), streak, today))
                                    .thenReturn(payload(done, history.with(done), YearMonth.from(today))));
                })
                .as(tx::transactional);
    }

    public Mono<CheckInPayload> makeUp(Viewer member, LocalDate day) {
        return rateLimits.acquire(RateLimitedAction.CHECK_IN, member.id()).then(Mono.defer(() -> makeUpDay(member, day)));
    }

    private Mono<CheckInPayload> makeUpDay(Viewer member, LocalDate day) {
        LocalDate today = today();
        if (day == null || !YearMonth.from(day).equals(YearMonth.from(today)) || !day.isBefore(today)) {
            return Mono.error(new BusinessException(UserError.onInput("day", ErrorCode.MAKE_UP_NOT_ALLOWED,
                    "只能补签本月今天以前漏签的日子")));
        }
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(today);
        return points.lock(member.id())
                .then(history(member.id()))
                .flatMap(history -> {
                    if (history.contains(day)) {
                        return Mono.error(new BusinessException(UserError.onInput("day", ErrorCode.ALREADY_CHECKED_IN,
                                "这一天已经签到过了")));
                    }
                    if (history.makeUpsIn(month) >= rules().makeUpsPerMonth()) {
                        return Mono.error(new BusinessException(ErrorCode.MAKE_UP_LIMIT,
                                "本月补签次数已用完（每月 " + rules().makeUpsPerMonth() + " 次）"));
                    }
                    NewEntry cost = new NewEntry(member.brandId(), member.id(), EntryKind.MAKE_UP, null, null, null,
                            null, "补签 " + day, "makeup:" + day, now);
                    int streak = history.streakEndingAt(day.minusDays(1)) + 1;
                    return points.debit(cost, rules().makeUpCost(), null, false)
                            .then(checkins.insertIfAbsent(new CheckIn(member.id(), day, true, streak, 0), now))
                            .flatMap(done -> leaderboards.checkedIn(member.id(), done.streak(), day)
                                    .thenReturn(payload(done, history.with(done), month)));
                })
                .as(tx::transactional);
    }

    /** The calendar of a month given as "2026-11" (default: this month). */
    public Mono<CheckInCalendar> calendar(Viewer member, String month) {
        if (month == null) {
            return calendar(member, YearMonth.from(today()));
        }
        try {
            return calendar(member, YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            return Mono.error(new BadArgumentException("month must look like 2026-11"));
        }
    }

    private Mono<CheckInCalendar> calendar(Viewer member, YearMonth month) {
        return history(member.id()).map(history -> calendar(history, month));
    }

    /** The check-ins of these members for their pages (streaks and the latest {@code last}), read with one query. */
    public Mono<Map<Long, MemberCheckIns>> ofMembers(Collection<Long> memberIds, int last) {
        if (memberIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        LocalDate today = today();
        return checkins.allOf(memberIds).collectMultimap(CheckIn::memberId).map(byMember -> {
            Map<Long, MemberCheckIns> result = new HashMap<>();
            for (Long id : memberIds) {
                CheckInHistory history = new CheckInHistory(List.copyOf(byMember.getOrDefault(id, List.of())));
                boolean checkedIn = history.contains(today);
                int current = checkedIn ? history.streakEndingAt(today) : history.streakEndingAt(today.minusDays(1));
                List<CheckIn> days = history.days();
                List<CheckIn> recent = new ArrayList<>(days.subList(Math.max(0, days.size() - last), days.size()));
                Collections.reverse(recent);
                result.put(id, new MemberCheckIns(current, history.longestStreak(), checkedIn, days.size(), recent));
            }
            return result;
        });
    }

    /** Every check-in of the member, read with one query. */
    private Mono<CheckInHistory> history(long memberId) {
        return checkins.all(memberId).collectList().map(CheckInHistory::new);
    }

    private CheckInPayload payload(CheckIn done, CheckInHistory history, YearMonth month) {
        return new CheckInPayload(done, calendar(history, month), List.of());
    }

    private CheckInCalendar calendar(CheckInHistory history, YearMonth month) {
        LocalDate today = today();
        YearMonth thisMonth = YearMonth.from(today);
        boolean checkedIn = history.contains(today);
        int current = checkedIn ? history.streakEndingAt(today) : history.streakEndingAt(today.minusDays(1));
        List<CheckIn> days = history.in(month);
        return new CheckInCalendar(month.toString(),
                days.stream().map(CheckIn::day).toList(),
                days.stream().filter(CheckIn::makeUp).map(CheckIn::day).toList(),
                checkedIn, current, history.longestStreak(),
                checkedIn ? 0 : rules().rewardFor(current + 1),
                rules().rewardFor((checkedIn ? current : current + 1) + 1),
                Math.max(0, rules().makeUpsPerMonth() - history.makeUpsIn(thisMonth)), rules().makeUpCost());
    }

    /** The check-in rules in force now (a check-in is today's; make-ups are paid today). */
    private CheckInRules rules() {
        return programme.rulesAt(clock.instant()).checkIn();
    }

    private LocalDate today() {
        return brand.today(clock);
    }
}
