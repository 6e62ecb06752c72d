#!/usr/bin/env bash
# Writes the results of a scripts/bench run as Markdown on stdout, from the files in $WORK.
set -euo pipefail

field() { sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p"; }

# median LABEL FIELD: the median over rounds of FIELD for runs labelled r<n>:LABEL.
median() {
  grep -E "^r[0-9]+:$1 RESULT" "$WORK/results.txt" | field "$2" | sort -g |
    awk '{a[NR]=$1} END {if (!NR) print "-"; else if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'
}
num() { awk -v v="$1" 'BEGIN { if (v == "-" || v == "") print "-"; else printf "%.1f", v }'; }
total() { grep -E "^r[0-9]+:$1 RESULT" "$WORK/results.txt" | field "$2" | awk '{s+=$1} END {print s+0}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.0f%%", 100 * a / b }'; }
verdict() {
  [ "$2" = "-" ] && { echo "-"; return; }
  awk -v r="${1%\%}" -v t="${2%\%}" -v e="$3" 'BEGIN { print (r + 0 >= t + 0 && e == 0) ? "met" : "not met" }'
}

# times A B: A / B as "1.23x" ("-" when either is missing).
times() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2fx\n", a / b }'; }
# judge RATIO OP LIMIT ERRORS: met / not met ("-" when there is no ratio).
judge() {
  [ "$1" = "-" ] && { echo "-"; return; }
  awk -v r="${1%x}" -v op="$2" -v l="$3" -v e="$4" 'BEGIN {
    ok = (op == ">=") ? (r + 0 >= l + 0) : (r + 0 <= l + 0); print (ok && e + 0 == 0) ? "met" : "not met" }'
}
# load LABEL: the median 1-minute load average before and after the runs labelled r<n>:LABEL, "a → b".
load() { echo "$(median "$1" load_before) → $(median "$1" load_after)"; }

# The targets of issue 28: ours against the peer (PostGraphile 4.14, bench/postgraphile) in requests a
# second, and the backend's CPU per request of each write and of me as a multiple of the floor's.
targets() {
  local s p r e
  echo "| target | ours | against | ratio | target | | load before → after (ours; against) |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for s in me floor pointsHistory; do
    local want=2; [ "$s" = floor ] && want=0.6
    r=$(times "$(median "$s" rps)" "$(median "peer-$s" rps)")
    e=$(( $(total "$s" errors) + $(total "peer-$s" errors) ))
    echo "| \`$s\` req/s vs PostGraphile's | $(num "$(median "$s" rps)") | $(num "$(median "peer-$s" rps)") | $r | ≥ ${want}x | $(judge "$r" ">=" "$want" "$e") | $(load "$s"); $(load "peer-$s") |"
  done
  for s in recordPurchase:5 checkIn-new:4 checkIn-dup:2 me:3; do
    local name=${s%%:*} limit=${s##*:}
    r=$(times "$(median "$name" jvm_cpu_ms_per_req)" "$(median floor jvm_cpu_ms_per_req)")
    local verdict
    verdict=$(judge "$r" "<=" "$limit" "$(total "$name" errors)")
    # no request answered: no CPU figure, and not met
    [ "$(total "$name" requests)" = 0 ] && { r="-"; verdict="not met (no requests)"; }
    echo "| \`$name\` JVM CPU per request vs \`floor\`'s (ms) | $(median "$name" jvm_cpu_ms_per_req) | $(median floor jvm_cpu_ms_per_req) | $r | ≤ ${limit}x | $verdict | $(load "$name"); $(load floor) |"
  done
  local checks broken
  checks=$(grep -c '' "$WORK/invariants.txt" 2>/dev/null || true)
  broken=$(awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "=");
                    if (kv[1] != "coupon_stock_left" && kv[2] + 0 != 0) { n++; break } } } END { print n + 0 }' \
           "$WORK/invariants.txt" 2>/dev/null || echo 0)
  echo "| invariants after every write run | ${checks:-0} checks | - | $broken broken | 0 | $( [ "${checks:-0}" -gt 0 ] && [ "$broken" = 0 ] && echo met || echo "not met") | - |"
  if [ "${PEER_CHECK_FAILED:-0}" != 0 ]; then
    echo
    echo "**After the rounds the peer's answers and ours differed or one of them failed to answer:**"
    echo
    echo '```'
    cut -c1-600 "$WORK/peer-check.txt" 2>/dev/null
    echo '```'
  fi
  cat <<EOT

Ratios are of medians over the rounds; a ratio target counts as met only without errors on either
side. "Against" is PostGraphile's requests a second for the same request (same members, same
database, run right after ours in each round, after a warm-up as long as ours; see "Against
PostGraphile" in docs/performance.md), or the \`floor\` request's CPU for the CPU rows (the JVM's CPU
per request, its JIT compiler left out). The load average is the machine's 1-minute figure before
and after the runs ($(nproc) cores): a run that starts well above $(nproc) shared the CPU with other work.

Ours and the peer side by side (medians; CPU in ms per request: the application's processes, and
the Postgres server processes of the bench database):

| request | ours req/s | p50 / p99 ms | errors | JVM ms | Postgres ms | PostGraphile req/s | p50 / p99 ms | errors | node ms | Postgres ms |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
EOT
  for s in me pointsHistory floor; do
    echo "| $s | $(num "$(median "$s" rps)") | $(median "$s" p50_ms) / $(median "$s" p99_ms) | $(total "$s" errors) | $(median "$s" jvm_cpu_ms_per_req) | $(median "$s" pg_cpu_ms_per_req) | $(num "$(median "peer-$s" rps)") | $(median "peer-$s" p50_ms) / $(median "peer-$s" p99_ms) | $(total "peer-$s" errors) | $(median "peer-$s" node_cpu_ms_per_req) | $(median "peer-$s" pg_cpu_ms_per_req) |"
  done
  echo
  grep -E '^r[0-9]+:' "$WORK/results.txt" | awk -v cores="$(nproc)" '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "load_before" || kv[1] == "load_after") {
        v = kv[2] + 0; if (n == 0 || v < lo) lo = v; if (n == 0 || v > hi) hi = v; n++
        if (kv[1] == "load_before" && v > cores * 1.5) busy = busy (busy ? ", " : "") $1 " (" v ")" } } }
    END { if (!n) { print "No load figures recorded."; exit }
          printf "Machine load over the measured runs: the 1-minute load average went from %.2f to %.2f (%d cores).", lo, hi, cores
          print busy ? " Runs that started above 1.5 per core: " busy "." : " No run started above 1.5 per core." }'
}

git_rev=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
git_dirty=$(git status --porcelain -- backend schema pom.xml 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)
cat <<EOF
# Benchmark results $(date '+%F %H:%M %Z')

Made by \`scripts/bench\` (see [docs/performance.md](../../docs/performance.md)). Every number below
comes from this one run; ratios compare runs made minutes apart on the same machine.

## Targets (issue 28)

$(targets)

## Machine and versions

| what | value |
| --- | --- |
| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc) |
| memory | $(free -g | awk '/Mem:/ {print $2 " GB"}') |
| kernel | $(uname -r) |
| load average before the run | $(cat "$WORK/loadavg.txt" 2>/dev/null || echo "?") (each run's, before and after: \`load_before\`, \`load_after\` under "Every run") |
| peer | PostGraphile $(node -p "require('./$BENCH_DIR/postgraphile/node_modules/postgraphile/package.json').version" 2>/dev/null || echo "?") on Node.js $(node -v 2>/dev/null), 2 cluster workers, a pool of ${PEER_POOL:-10} connections each |
| Java | $(java -version 2>&1 | head -1) |
| PostgreSQL | $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version') (shared_buffers $(psql -h 127.0.0.1 -U postgres -tAc 'show shared_buffers'), synchronous_commit $(psql -h 127.0.0.1 -U postgres -tAc 'show synchronous_commit')) |
| Redis | $(redis-cli -h 127.0.0.1 info server | sed -n 's/^redis_version:\(.*\)\r*$/\1/p' | tr -d '\r') |
| wrk | $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2) |
| pgbench | $(pgbench --version) |
| code | $git_rev$git_dirty |

## Settings

| setting | value |
| --- | --- |
| data | $MEMBERS members, $LEDGER ledger rows (seeded in ${SEED_SECONDS}s by bench/seed.sql), 10 stores |
| measured run | $DURATION s each, $ROUNDS rounds, scenario and baseline interleaved within each round, after a warm-up of ${WARMUP}s of mixed load, ${WARMUP}s of purchases and shorter runs of check-ins, me and the REST route |
| wrk | $WRK_THREADS thread(s), $CONNECTIONS connections, HTTP/1.1 keep-alive on 127.0.0.1:$PORT |
| pgbench | $PG_CLIENTS clients (the backend's R2DBC pool size), 2 threads, -M prepared, the captured statements |
| redis-benchmark | $CONNECTIONS clients, no pipelining, random members over all $MEMBERS |
| backend | profile bench, JVM options: ${BENCH_JAVA_OPTS:-(defaults)} |

The machine is shared: other work on it (builds, tests of other projects) takes CPU from the
run. \`jvm ms/req\` (CPU time the backend's JVM spent per request, leaving out its JIT compiler
threads, whose work is a one-off of the first minutes; \`jit_cpu_ms_per_req\` under "Every run"
shows what they still took) is the figure least disturbed by that; throughput ratios are fairest
between neighbouring runs.

## Summary

Medians over the rounds. Errors: socket errors, non-200 answers, GraphQL \`errors\` and
userErrors other than the expected ones (ALREADY_CHECKED_IN for duplicates, COUPON_OUT_OF_STOCK
once the hot coupon is gone, COUPON_LIMIT_REACHED for a member's second claim in the mixed load).

| scenario | req/s | p50 ms | p99 ms | errors | jvm ms/req | baseline | baseline req/s | baseline p50/p99 ms | ratio | target | |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
EOF

row() { # row SCENARIO BASELINE TARGET
  local s=$1 b=$2 t=$3 rps p50 p99 err cpu brps bp50 bp99 r
  rps=$(num "$(median "$s" rps)"); p50=$(median "$s" p50_ms); p99=$(median "$s" p99_ms); err=$(total "$s" errors)
  cpu=$(median "$s" jvm_cpu_ms_per_req)
  if [ "$b" = "-" ]; then brps="-"; bp50="-"; bp99="-"; else
    brps=$(num "$(median "$b" rps)"); bp50=$(median "$b" p50_ms); bp99=$(median "$b" p99_ms); fi
  r=$(ratio "$rps" "$brps")
  echo "| $s | $rps | $p50 | $p99 | $err | $cpu | $b | $brps | $bp50 / $bp99 | $r | $t | $(verdict "$r" "$t" "$err") |"
}
row me rest-me 60%
row me pgbench-me -
row recordPurchase pgbench-recordPurchase 50%
row checkIn-new pgbench-checkIn-new 50%
row checkIn-dup pgbench-checkIn-dup 50%
row leaderboard redis-leaderboard 50%
row pointsHistory pgbench-pointsHistory -
row claimCoupon pgbench-claimCoupon -
row mixed - -
row floor rest-floor -

cat <<EOF

## How high a ratio can go on this machine

\`floor\` is GraphQL \`{ __typename }\` for a signed-in member and \`rest-floor\` is \`GET /bench/floor\`
(the token checked, a constant answered): requests that do no work at all, through the same
HTTP, security and GraphQL stack, with wrk on the same two cores. No request that also reads or
writes can beat them, so \`floor / baseline\` is the highest ratio any GraphQL request could reach
against each baseline here, whatever the code behind it. \`share of floor\` is how much of that
ceiling the scenario keeps. For the writes, \`rest-floor-<scenario>\` is \`GET /bench/floor\` sending
as many statements as the scenario sent (BEGIN, \`select 1\`..., COMMIT) through R2DBC: the most a
request that talks to Postgres as often can do here, even without GraphQL and with no work in
Postgres. The last ceiling adds Postgres's own work back: the scenario's statements cost Postgres
\`pg ms/req\` of CPU whoever sends them, so with \`rest-floor-<scenario>\`'s JVM CPU per request
on top, $(nproc) cores can serve at most $(nproc)000 / (JVM ms + pg ms) requests a second (wrk's own CPU
left out, so it is still generous).

| scenario | baseline | baseline req/s | floor req/s | rest-floor req/s | highest possible ratio (floor / baseline) | rest-floor with the scenario's statements req/s | highest possible ratio with them | same, with Postgres's work (req/s, ratio) | target | scenario req/s | share of floor |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
EOF
ceiling() { # ceiling SCENARIO BASELINE TARGET
  local brps frps rrps srps qrps crps
  brps=$(num "$(median "$2" rps)"); frps=$(num "$(median floor rps)"); rrps=$(num "$(median rest-floor rps)")
  srps=$(num "$(median "$1" rps)"); qrps=$(num "$(median "rest-floor-$1" rps)")
  # the CPU budget: JVM ms of the REST floor with the scenario's statements + the scenario's Postgres ms
  crps=$(awk -v c="$(nproc)" -v j="$(median "rest-floor-$1" jvm_cpu_ms_per_req)" -v p="$(median "$1" pg_cpu_ms_per_req)" \
    'BEGIN { if (j == "-" || p == "-" || j + p == 0) print "-"; else printf "%.1f", c * 1000 / (j + p) }')
  echo "| $1 | $2 | $brps | $frps | $rrps | $(ratio "$frps" "$brps") | $qrps | $(ratio "$qrps" "$brps") | $crps, $(ratio "$crps" "$brps") | $3 | $srps | $(ratio "$srps" "$frps") |"
}
ceiling me rest-me 60%
ceiling recordPurchase pgbench-recordPurchase 50%
ceiling checkIn-new pgbench-checkIn-new 50%
ceiling checkIn-dup pgbench-checkIn-dup 50%
ceiling leaderboard redis-leaderboard 50%
ceiling pointsHistory pgbench-pointsHistory -
ceiling claimCoupon pgbench-claimCoupon -

cat <<EOF

Baselines: \`rest-me\` is \`GET /bench/me\` in the same JVM (bench profile), the same services
without GraphQL; \`pgbench-*\` run the statements the backend sent for one request of the scenario
(captured below) with this run's pgbench clients; \`redis-leaderboard\` is one request's Redis
commands through redis-benchmark, as a composite rate 1 / sum(1 / rate of each command) with the
worst command's latencies (the GraphQL leaderboard also reads the members' nicknames from
Postgres, which this baseline leaves out).

## Invariants after each write

Checked by SQL after each write run: \`balance_mismatches\` members whose balance differs from
the sum of their ledger, \`double_checkins\` member-days with more than one check-in,
\`coupon_stock_left\` of the hot coupon (its stock minus its coupons, never below zero),
\`over_stock\` templates with more coupons than their stock (0).

| after | balance_mismatches | double_checkins | coupon_stock_left | over_stock |
| --- | --- | --- | --- | --- |
EOF
awk '{ printf "| %s |", $1; for (i = 2; i <= NF; i++) { split($i, kv, "="); printf " %s |", kv[2] } print "" }' "$WORK/invariants.txt"

cat <<EOF

## Every run

\`\`\`
$(sed 's/ RESULT / /' "$WORK/results.txt")
\`\`\`

EOF
if [ -f "$BENCH_DIR/FIXES.md" ]; then
  cat "$BENCH_DIR/FIXES.md"
  echo
fi
cat <<EOF
## Tables scanned sequentially during the run

\`relname seq_scan seq_tup_read idx_scan\` from pg_stat_user_tables (small tables are scanned by design):

\`\`\`
$(cat "$WORK/seqscans.txt")
\`\`\`

## What each scenario sends to Postgres and Redis

Captured with \`log_statement = all\` (Postgres) and \`MONITOR\` (Redis) for one request each; the
pgbench scripts in bench/pgbench/ are these statements with per-request values as variables.
EOF
for f in me pointsHistory recordPurchase checkIn_new checkIn_dup claimCoupon leaderboard; do
  echo
  echo "### $f ($(grep -c '' "$WORK/sql/$f.sql") statements)"
  echo
  echo '```sql'
  cut -c1-300 "$WORK/sql/$f.sql"
  echo '```'
done
echo
echo "### leaderboard, Redis"
echo
echo '```'
cat "$WORK/redis-commands.txt"
echo '```'
if ls "$WORK"/profile-*.md >/dev/null 2>&1; then
  cat <<EOF

## Where the CPU goes

Each scenario once more for \`BENCH_DURATION\` seconds under Java Flight Recorder (\`settings=profile\`,
after the measured rounds, so the recorder's cost is not in the figures above), summarised by
\`bench/jfr-top.sh\`: the methods on top of the sampled stacks (the flame graph's top frames), and
for each sample the first frame outside Reactor, Netty's utilities and the JDK, i.e. the library or
our code that asked for the work. The recordings stay in the run's scratch directory.
EOF
  for name in floor me recordPurchase checkIn-new checkIn-dup; do
    [ -f "$WORK/profile-$name.md" ] || continue
    echo
    echo "### $name"
    echo
    cat "$WORK/profile-$name.md"
  done
fi
