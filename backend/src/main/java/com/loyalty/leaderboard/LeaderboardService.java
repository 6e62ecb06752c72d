package com.loyalty.leaderboard;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.member.RegistrationStores;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsEvents;
import com.loyalty.shared.Zip;
import com.loyalty.shared.config.AfterCommit;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.redisson.api.RBatchReactive;
import org.redisson.api.RScoredSortedSetReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Leaderboards in Redis sorted sets, updated after the database commits the change they
 * reflect, and rebuilt from Postgres on demand. A board stores the negated score so that ties
 * rank by member id, ascending (members are zero-padded ids): the same order as
 * {@code order by score desc, member_id}. A change reaches all its boards in one Redis round trip.
 */
@Service
public class LeaderboardService implements PointsEvents {

    /** How long a board stays in Redis after its period ends. */
    private static final Duration KEEP_AFTER = Duration.ofDays(35);

    private final RedissonReactiveClient redis;
    private final LeaderboardRepository truth;
    private final MemberService members;
    private final BrandProperties brand;
    private final RegistrationStores registrationStores;

    public LeaderboardService(RedissonReactiveClient redis, LeaderboardRepository truth, MemberService members,
                              BrandProperties brand, RegistrationStores registrationStores) {
        this.redis = redis;
        this.truth = truth;
        this.members = members;
        this.brand = brand;
        this.registrationStores = registrationStores;
    }

    /** Adds earned (or, negative, taken back) points to the member's boards once the transaction commits. */
    @Override
    public Mono<Void> pointsEarned(NewEntry entry, long delta) {
        String member = member(entry.memberId());
        return onBoards(BoardMetric.POINTS_EARNED, entry.storeId(), LocalDate.ofInstant(entry.at(), brand.zone()),
                set -> set.addScore(member, -delta));
    }

    /** Raises the member's streak on their boards, once the transaction commits. */
    public Mono<Void> checkedIn(long memberId, int streak, LocalDate day) {
        return registrationStores.of(memberId).flatMap(store -> onBoards(BoardMetric.CHECKIN_STREAK, store.orElse(null),
                day, set -> set.addIfLess(-streak, member(memberId))));
    }

    /**
     * Once the transaction commits, applies the change to the brand board and (with a store) the
     * store board of each period, and renews their expiry: one Redis round trip for all of them.
     */
    private Mono<Void> onBoards(BoardMetric metric, Long storeId, LocalDate day,
                                Consumer<RScoredSortedSetReactive<String>> change) {
        return AfterCommit.run(Mono.defer(() -> {
            RBatchReactive batch = redis.createBatch();
            for (BoardPeriod period : BoardPeriod.values()) {
                List<Board> boards = storeId == null ? List.of(board(metric, BoardScope.BRAND, brand.id(), period, day))
                        : List.of(board(metric, BoardScope.BRAND, brand.id(), period, day),
                                board(metric, BoardScope.STORE, storeId, period, day));
                for (Board b : boards) {
                    RScoredSortedSetReactive<String> set = batch.getScoredSortedSet(b.key, StringCodec.INSTANCE);
                    change.accept(set);
                    set.expire(b.expiresAt);
                }
            }
            return batch.execute().then();
        }));
    }

    /** The viewing member's place on a board: their rank (0 for the first) and score. */
    private record Standing(int rank, double score) {
    }

    /** The top of a board and, for a member viewing it, their own place on it. */
    private record Places(List<ScoredEntry<String>> top, Optional<Standing> mine) {
    }

    public Mono<Leaderboard> board(Viewer viewer, LeaderboardInput in, LocalDate today) {
        long scopeId = in.scope() == BoardScope.BRAND ? brand.id() : in.storeId();
        int first = Math.max(1, Math.min(in.first() == null ? 20 : in.first(), 100));
        RScoredSortedSetReactive<String> set = set(key(in.metric(), in.scope(), scopeId, in.period(), today));
        Mono<List<ScoredEntry<String>>> top = set.entryRange(0, first - 1).<List<ScoredEntry<String>>>map(List::copyOf)
                .defaultIfEmpty(List.of());
        Mono<Optional<Standing>> mine = viewer.role() == Role.MEMBER
                ? Mono.zip(set.rank(member(viewer.id())), set.getScore(member(viewer.id())), Standing::new)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        return Mono.zip(top, mine, Places::new).flatMap(places -> {
            List<ScoredEntry<String>> entries = places.top();
            List<Long> ids = new ArrayList<>(entries.stream().map(e -> idOf(e.getValue())).toList());
            if (places.mine().isPresent()) {
                ids.add(viewer.id());
            }
            return members.findByIds(ids).collectMap(Member::id, Function.identity()).map(byId -> {
                List<BoardEntry> ranked = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    ranked.add(entry(i + 1, idOf(entries.get(i).getValue()), entries.get(i).getScore(), byId));
                }
                BoardEntry me = places.mine()
                        .map(standing -> entry(standing.rank() + 1, viewer.id(), standing.score(), byId)).orElse(null);
                return new Leaderboard(in.scope(), in.scope() == BoardScope.STORE ? scopeId : null, in.period(),
                        in.period().key(today), in.metric(), ranked, me);
            });
        });
    }

    /** Recomputes every board of the period containing {@code day} from Postgres; returns how many. */
    public Mono<Long> rebuild(BoardPeriod period, LocalDate day) {
        Instant from = period.first(day).atStartOfDay(brand.zone()).toInstant();
        Instant to = period.end(day).atStartOfDay(brand.zone()).toInstant();
        return Zip.of(truth.storeIds(brand.id()).collectList(),
                        truth.pointsEarned(brand.id(), from, to).collectList(),
                        truth.streaks(brand.id(), period.first(day), period.end(day)).collectList(),
                        (storeIds, pointsEarned, streaks) -> boards(period, day, storeIds, pointsEarned, streaks))
                .flatMap(boards -> Flux.fromIterable(boards.keys())
                        .concatMap(name -> set(name).delete()
                                .then(boards.scores().containsKey(name)
                                        ? set(name).addAll(boards.scores().get(name))
                                                .then(set(name).expire(expiry(period, day)))
                                        : Mono.empty()))
                        .then(Mono.just((long) boards.scores().size())));
    }

    /** Every board of a period, brand-wide and per store ({@code keys}), and the scores of those anyone is on. */
    private record Boards(List<String> keys, Map<String, Map<String, Double>> scores) {
    }

    private Boards boards(BoardPeriod period, LocalDate day, List<Long> storeIds,
                          List<LeaderboardRepository.Score> pointsEarned, List<LeaderboardRepository.Score> streaks) {
        Map<String, Map<String, Double>> scores = new HashMap<>();
        collect(scores, BoardMetric.POINTS_EARNED, period, day, pointsEarned, Long::sum);
        collect(scores, BoardMetric.CHECKIN_STREAK, period, day, streaks, Math::max);
        List<String> keys = new ArrayList<>();
        for (BoardMetric metric : BoardMetric.values()) {
            keys.add(key(metric, BoardScope.BRAND, brand.id(), period, day));
            storeIds.forEach(store -> keys.add(key(metric, BoardScope.STORE, store, period, day)));
        }
        return new Boards(keys, scores);
    }

    /**
     * Rebuilds every board Redis may still keep on {@code asOf} (the current and past periods
     * whose boards have not expired), e.g. after a closed account was erased; returns how many.
     */
    public Mono<Long> rebuildKept(LocalDate asOf) {
        List<Mono<Long>> runs = new ArrayList<>();
        for (BoardPeriod period : BoardPeriod.values()) {
            for (LocalDate day = asOf; period.end(day).plusDays(KEEP_AFTER.toDays()).isAfter(asOf);
                 day = period.first(day).minusDays(1)) {
                runs.add(rebuild(period, day));
            }
        }
        return Flux.concat(runs).reduce(0L, Long::sum);
    }

    /** Adds each score to the brand board and, when it has a store, to that store's board. */
    private void collect(Map<String, Map<String, Double>> boards, BoardMetric metric, BoardPeriod period,
                         LocalDate day, List<LeaderboardRepository.Score> scores, BinaryOperator<Long> merge) {
        Map<String, Map<Long, Long>> raw = new HashMap<>();
        for (LeaderboardRepository.Score s : scores) {
            raw.computeIfAbsent(key(metric, BoardScope.BRAND, brand.id(), period, day), k -> new HashMap<>())
                    .merge(s.memberId(), s.score(), merge);
            if (s.storeId() != null) {
                raw.computeIfAbsent(key(metric, BoardScope.STORE, s.storeId(), period, day), k -> new HashMap<>())
                        .merge(s.memberId(), s.score(), merge);
            }
        }
        raw.forEach((name, byMember) -> boards.put(name, byMember.entrySet().stream()
                .collect(Collectors.toMap(e -> member(e.getKey()), e -> (double) -e.getValue()))));
    }

    private BoardEntry entry(int rank, long memberId, Double negated, Map<Long, Member> byId) {
        Member m = byId.get(memberId);
        return new BoardEntry(rank, memberId, negated == null ? 0 : -negated.longValue(),
                m == null ? "会员" : m.maskedNickname(), m == null ? null : m.avatarUrl());
    }

    private record Board(String key, Instant expiresAt) {
    }

    private Board board(BoardMetric metric, BoardScope scope, long scopeId, BoardPeriod period, LocalDate day) {
        return new Board(key(metric, scope, scopeId, period, day), expiry(period, day));
    }

    private Instant expiry(BoardPeriod period, LocalDate day) {
        return period.end(day).atStartOfDay(brand.zone()).toInstant().plus(KEEP_AFTER);
    }

    static String key(BoardMetric metric, BoardScope scope, long scopeId, BoardPeriod period, LocalDate day) {
        return "lb:" + metric + ":" + scope + ":" + scopeId + ":" + period.key(day);
    }

    private RScoredSortedSetReactive<String> set(String key) {
        return redis.getScoredSortedSet(key, StringCodec.INSTANCE);
    }

    /** The member's id, zero-padded to 12 digits (the boards' member names). */
    private static String member(long id) {
        String digits = Long.toString(id);
        return digits.length() >= 12 ? digits : "0".repeat(12 - digits.length()) + digits;
    }

    private static long idOf(String member) {
        return Long.parseLong(member);
    }
}
