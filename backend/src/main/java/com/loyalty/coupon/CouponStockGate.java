package com.loyalty.coupon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redisson.api.RLockReactive;
import org.redisson.api.RScript;
import org.redisson.api.RScriptReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * The Redis gate in front of a stocked template's coupons: one Lua script checks the member's limit
 * and the stock left and hands out a stock slot (1..totalStock), or answers LIMIT / OUT without
 * Postgres. So a flash drop never queues on one row: Postgres only inserts the member's coupon,
 * holding the slot, and its unique (template, slot) index refuses a slot twice whatever Redis says.
 *
 * <p>Keys (hash-tagged by template, so a cluster keeps them together): {@code coupon:{id}:gate}, a
 * hash of {@code left} (stock not yet handed out), {@code next} (highest slot handed out by
 * counting), {@code gen} (which build this is) and {@code m:<member>} (coupons the member has had);
 * {@code coupon:{id}:free}, the slots below {@code next} that are free (never used, or given back).
 *
 * <p>The gate is built from Postgres (its truth) under a lock when it is missing: after a Redis
 * flush, an eviction, or the first claim of a template. A claim between gate and commit when the
 * gate is rebuilt is not counted by the new gate: a later claim may get the same slot, which the
 * unique index refuses; that claim drops the slot and takes another. A claim whose write fails gives
 * its slot back; a backend that dies in between leaves the gate one short (under-issue, never
 * over), until a rebuild (the COUPON_STOCK_RECONCILE job, a stock change, or a missing gate).
 */
@Component
class CouponStockGate {

    private static final Logger log = LoggerFactory.getLogger(CouponStockGate.class);

    /** How a take ended. */
    enum Outcome { TAKEN, LIMIT_REACHED, OUT_OF_STOCK }

    private static final String TAKE = """
            local left = redis.call('hget', KEYS[1], 'left')
            if not left then return 'NOT_READY' end
            if tonumber(redis.call('hget', KEYS[1], ARGV[1]) or '0') >= tonumber(ARGV[2]) then return 'LIMIT' end
            if tonumber(left) <= 0 then return 'OUT' end
            local slot = redis.call('spop', KEYS[2])
            if not slot then slot = redis.call('hincrby', KEYS[1], 'next', 1) end
            redis.call('hincrby', KEYS[1], 'left', -1)
            redis.call('hincrby', KEYS[1], ARGV[1], 1)
            return slot .. ':' .. redis.call('hget', KEYS[1], 'gen')
            """;

    /** ARGV: member field, the build the ticket came from, the slot ('' to keep it used), '1' to return the member's unit. */
    private static final String GIVE_BACK = """
            if redis.call('hget', KEYS[1], 'gen') ~= ARGV[2] then return 0 end
            if ARGV[3] ~= '' then
              redis.call('sadd', KEYS[2], ARGV[3])
              redis.call('hincrby', KEYS[1], 'left', 1)
            end
            if ARGV[4] == '1' and tonumber(redis.call('hget', KEYS[1], ARGV[1]) or '0') > 0 then
              redis.call('hincrby', KEYS[1], ARGV[1], -1)
            end
            return 1
            """;

    /** Puts a gate built aside in place of the live one, in one step. KEYS: gate, free, built gate, built free. */
    private static final String SWAP = """
            redis.call('rename', KEYS[3], KEYS[1])
            if redis.call('exists', KEYS[4]) == 1 then redis.call('rename', KEYS[4], KEYS[2])
            else redis.call('del', KEYS[2]) end
            return 1
            """;

    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private static final Duration LOCK_LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 1000;

    private final RedissonReactiveClient redis;
    private final RScriptReactive scripts;
    private final CouponRepository coupons;
    private final Map<Long, Mono<Void>> building = new ConcurrentHashMap<>();
    private final Map<String, String> shas = new ConcurrentHashMap<>();

    CouponStockGate(RedissonReactiveClient redis, CouponRepository coupons) {
        this.redis = redis;
        this.scripts = redis.getScript(StringCodec.INSTANCE);
        this.coupons = coupons;
    }

    /** What a take gave: a slot of the stock (null when the template is unlimited) and the member's unit. */
    static final class Ticket {
        private final long templateId;
        private final long memberId;
        private final Outcome outcome;
        private final Integer slot;
        private final String generation;
        private final AtomicBoolean settled = new AtomicBoolean();

        Ticket(long templateId, long memberId, Outcome outcome, Integer slot, String generation) {
            this.templateId = templateId;
            this.memberId = memberId;
            this.outcome = outcome;
            this.slot = slot;
            this.generation = generation;
        }

        Outcome outcome() {
            return outcome;
        }

        /** The stock slot the coupon holds; null for an unlimited template. */
        Integer slot() {
            return slot;
        }
    }

    /**
     * Takes a slot and a unit of the member's limit of a stocked template; an unlimited template
     * needs no gate (its per-member limit is the member's own count row in Postgres).
     */
    Mono<Ticket> take(CouponTemplate t, long memberId) {
        if (!t.stocked()) {
            return Mono.just(new Ticket(t.id(), memberId, Outcome.TAKEN, null, null));
        }
        return take(t.id(), memberId, t.perMemberLimit(), 0);
    }

    private Mono<Ticket> take(long templateId, long memberId, int limit, int builds) {
        return run(TAKE, keys(templateId), member(memberId), String.valueOf(limit)).flatMap(answer -> switch (answer) {
            case "LIMIT" -> Mono.just(new Ticket(templateId, memberId, Outcome.LIMIT_REACHED, null, null));
            case "OUT" -> Mono.just(new Ticket(templateId, memberId, Outcome.OUT_OF_STOCK, null, null));
            case "NOT_READY" -> builds < 5 ? ensure(templateId).then(Mono.defer(() -> take(templateId, memberId,
                    limit, builds + 1)))
                    : Mono.error(new IllegalStateException("coupon gate " + templateId + " could not be built"));
            default -> {
                int colon = answer.indexOf(':');
                yield Mono.just(new Ticket(templateId, memberId, Outcome.TAKEN,
                        Integer.valueOf(answer.substring(0, colon)), answer.substring(colon + 1)));
            }
        });
    }

    /**
     * Gives back what the ticket took (once, whoever asks first): the slot when {@code slot} (false
     * when Postgres already holds it), the member's unit when {@code member}. Nothing when the gate
     * was rebuilt since: the new gate counted from Postgres, where this ticket left nothing.
     */
    Mono<Void> giveBack(Ticket ticket, boolean slot, boolean member) {
        if (ticket.slot == null || ticket.outcome != Outcome.TAKEN || !ticket.settled.compareAndSet(false, true)) {
            return Mono.empty();
        }
        return run(GIVE_BACK, keys(ticket.templateId), member(ticket.memberId), ticket.generation,
                slot ? String.valueOf(ticket.slot) : "", member ? "1" : "0")
                .onErrorResume(e -> {
                    log.warn("coupon gate {}: slot {} not given back ({}); the next rebuild counts it",
                            ticket.templateId, ticket.slot, e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** Gives the ticket back if the transaction it is used in rolls back (a pack's later coupon failing). */
    Mono<Void> giveBackOnRollback(Ticket ticket) {
        if (ticket.slot == null) {
            return Mono.empty();
        }
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(tx -> {
                    if (tx.isSynchronizationActive()) {
                        tx.registerSynchronization(new TransactionSynchronization() {
                            @Override
                            public Mono<Void> afterCompletion(int status) {
                                return status == STATUS_ROLLED_BACK ? giveBack(ticket, true, true) : Mono.empty();
                            }
                        });
                    }
                    return Mono.<Void>empty();
                })
                .onErrorResume(NoTransactionException.class, e -> Mono.empty());
    }

    /** Builds the gate when it is missing (one build per template at a time on this instance, one across instances). */
    Mono<Void> ensure(long templateId) {
        return building.computeIfAbsent(templateId, id -> locked(id, false)
                .doFinally(signal -> building.remove(id)).cache());
    }

    /** Rebuilds the gate from Postgres now (a reconcile): stock left, free slots and members' counts. */
    Mono<Void> rebuild(long templateId) {
        return locked(templateId, true);
    }

    /** Rebuilds the gates of stocked templates that can still be handed out, and have a gate; how many. */
    Mono<Long> reconcile(java.time.Instant now) {
        return coupons.liveStockedTemplates(now)
                .concatMap(id -> redis.getMap(gateKey(id), StringCodec.INSTANCE).isExists()
                        .flatMap(exists -> exists ? rebuild(id).thenReturn(1L) : Mono.just(0L)))
                .reduce(0L, Long::sum);
    }

    private Mono<Void> locked(long templateId, boolean force) {
        RLockReactive lock = redis.getLock("coupon:{" + templateId + "}:gate-lock");
        long owner = ThreadLocalRandom.current().nextLong();
        return lock.tryLock(LOCK_WAIT.toMillis(), LOCK_LEASE.toMillis(), TimeUnit.MILLISECONDS, owner)
                .flatMap(acquired -> !acquired
                        ? Mono.error(new IllegalStateException("coupon gate " + templateId + " is being built elsewhere"))
                        : Mono.usingWhen(Mono.just(owner), held -> (force ? Mono.just(false) : ready(templateId))
                                        .flatMap(ready -> ready ? Mono.<Void>empty() : build(templateId)),
                                lock::unlock, (held, e) -> lock.unlock(held), lock::unlock));
    }

    private Mono<Boolean> ready(long templateId) {
        return redis.getMap(gateKey(templateId), StringCodec.INSTANCE).containsKey("left");
    }

    private Mono<Void> build(long templateId) {
        List<Object> keys = keys(templateId);
        String gate = (String) keys.get(0);
        String free = (String) keys.get(1);
        String gateAside = gate + ":build";
        String freeAside = free + ":build";
        return coupons.stockState(templateId).flatMap(state -> {
            if (state.totalStock() == null) { // unlimited now: no gate
                return redis.getKeys().delete(gate, free).then();
            }
            int top = Math.min(state.highestSlot(), state.totalStock());
            long left = Math.max(0, state.totalStock() - state.issued());
            Mono<Void> members = coupons.memberCounts(templateId).buffer(BATCH)
                    .concatMap(batch -> {
                        Map<String, String> fields = new LinkedHashMap<>();
                        batch.forEach(c -> fields.put(member(c.memberId()), String.valueOf(c.count())));
                        return redis.getMap(gateAside, StringCodec.INSTANCE).putAll(fields);
                    }).then();
            Mono<Void> slots = coupons.freeSlots(templateId, top).map(String::valueOf).buffer(BATCH)
                    .concatMap(batch -> redis.getSet(freeAside, StringCodec.INSTANCE).addAll(batch)).then();
            Map<String, String> head = Map.of("left", String.valueOf(left), "next", String.valueOf(top),
                    "gen", UUID.randomUUID().toString());
            return redis.getKeys().delete(gateAside, freeAside)
                    .then(members).then(slots)
                    .then(redis.getMap(gateAside, StringCodec.INSTANCE).putAll(head))
                    .then(run(SWAP, List.of(gate, free, gateAside, freeAside)))
                    .doOnSuccess(done -> log.info("coupon gate {} built: stock {}, issued {}, left {}", templateId,
                            state.totalStock(), state.issued(), left))
                    .then();
        });
    }

    private static List<Object> keys(long templateId) {
        return List.of(gateKey(templateId), "coupon:{" + templateId + "}:free");
    }

    private static String gateKey(long templateId) {
        return "coupon:{" + templateId + "}:gate";
    }

    private static String member(long memberId) {
        return "m:" + memberId;
    }

    /** Runs a script by its SHA, loading it (EVAL) when Redis does not know it (a restart, SCRIPT FLUSH). */
    private Mono<String> run(String script, List<Object> keys, Object... args) {
        String sha = shas.computeIfAbsent(script, CouponStockGate::sha1);
        return scripts.<Object>evalSha(RScript.Mode.READ_WRITE, sha, RScript.ReturnType.VALUE, keys, args)
                .onErrorResume(e -> String.valueOf(e.getMessage()).contains("NOSCRIPT"),
                        e -> scripts.eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.VALUE, keys, args))
                .map(String::valueOf);
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
