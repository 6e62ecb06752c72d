# Helpers for scripts/bench (sourced): the backend, GraphQL calls, tokens, load runs, figures.
# Expects PORT, DB, BENCH_DIR, WORK (scratch dir) and the settings of scripts/bench.

psqlb() { psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qtAX "$@"; }

# Starts the backend in the bench profile on $PORT against $DB; waits until it is healthy.
# BENCH_JAR (default backend/target/loyalty-backend.jar) with the dev jar beside it (NAME-dev.jar:
# the fake WeChat and the bench routes) on the loader path; jars built before the dev jar existed
# carry those themselves and start without it.
start_backend() {
  local log=$WORK/backend-$1.log
  local jar=${BENCH_JAR:-backend/target/loyalty-backend.jar}
  local dev_jar=${jar%.jar}-dev.jar
  local loader=()
  [ -f "$dev_jar" ] && loader=(-Dloader.path="$dev_jar")
  DB_NAME=$DB PORT=$PORT LOYALTY_REDIS_KEY_PREFIX="$DB:" \
  LOYALTY_BOOTSTRAP_ADMIN_USERNAME=bench-admin LOYALTY_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password \
    java -XX:-UseDynamicNumberOfCompilerThreads $BENCH_JAVA_OPTS ${loader[@]+"${loader[@]}"} -jar "$jar" \
    --spring.profiles.active=bench >"$log" 2>&1 &
  BACKEND_PID=$!
  echo "$BACKEND_PID" >"$WORK/backend.pid"
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$BACKEND_PID" 2>/dev/null; then break; fi
    sleep 1
  done
  echo "bench: the backend did not start, see $log" >&2
  tail -20 "$log" >&2
  return 1
}

stop_backend() {
  if [ -n "${BACKEND_PID:-}" ] && kill -0 "$BACKEND_PID" 2>/dev/null; then
    kill "$BACKEND_PID"
    wait "$BACKEND_PID" 2>/dev/null || true
  fi
  BACKEND_PID=
}

# gql TOKEN JSON_BODY: POST /graphql, prints the response.
gql() {
  local auth=()
  [ -n "$1" ] && auth=(-H "Authorization: Bearer $1")
  curl -sS "http://127.0.0.1:$PORT/graphql" -H 'Content-Type: application/json' "${auth[@]}" -d "$2"
}

# doc NAME: the document bench/graphql/NAME.graphql as a JSON string (quotes included).
doc() { printf '"%s"' "$(tr '\n' ' ' <"$BENCH_DIR/graphql/$1.graphql" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

staff_token() {
  gql "" "{\"query\":\"mutation(\$i: StaffLoginInput!){staffLogin(input:\$i){accessToken userErrors{code}}}\",
           \"variables\":{\"i\":{\"username\":\"$1\",\"password\":\"$2\"}}}" | json_field accessToken
}

# mint_tokens FROM COUNT FILE: members' access tokens, one "id token" line each (bench route).
mint_tokens() {
  # retried: on a loaded machine a Redis command of the sign-ins may time out (the sessions are re-created)
  curl -sSf --retry 3 --retry-all-errors -X POST "http://127.0.0.1:$PORT/bench/tokens?from=$1&count=$2" -o "$3"
}

# CPU ticks (user+system) used so far by the given pids.
cpu_ticks() {
  local total=0 pid t
  for pid in "$@"; do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "$total"
}
# jvm_ticks PID [jit]: CPU ticks used so far by the JVM's live threads other than the JIT
# compiler's, or (with "jit") by the compiler's alone. Compiling is a one-off cost of the first
# minutes that would otherwise be charged to whichever scenario runs then; the backend runs with
# -XX:-UseDynamicNumberOfCompilerThreads so compiler threads never exit and take their ticks along.
jvm_ticks() {
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v want="${2:-work}" '{
    lp = index($0, "("); rp = index($0, ") ")
    jit = substr($0, lp + 1, rp - lp - 1) ~ /^C[12] CompilerThre/
    split(substr($0, rp + 2), f, " ")
    if ((want == "jit") == jit) total += f[12] + f[13]
  } END { print total + 0 }'
}
# Postgres server processes serving $DB (the backend's pool, pgbench's clients): the shared
# Postgres may serve other databases at the same time, which must not count.
postgres_pids() { psqlb -c "select pid from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()" | tr '\n' ' '; }
redis_pids() { pgrep -d ' ' redis-server || true; }
# pg_snapshot: "pid=ticks" of each Postgres server process serving $DB now; pg_ticks_since SNAPSHOT: the
# ticks those serving $DB now used since the snapshot, all of them for a process started since (a pool
# that closes idle connections and opens new ones under load, as PostGraphile's does after 10 s idle).
pg_snapshot() {
  local pid
  for pid in $(postgres_pids); do echo "$pid=$(cpu_ticks "$pid")"; done | tr '\n' ' '
}
pg_ticks_since() {
  local total=0 pid before now
  for pid in $(postgres_pids); do
    before=$(tr ' ' '\n' <<<"$1" | sed -n "s/^$pid=//p")
    now=$(cpu_ticks "$pid")
    [ "$now" -ge "${before:-0}" ] && total=$((total + now - ${before:-0}))
  done
  echo "$total"
}

# capture NAME TOKEN BODY: sends one request while Postgres logs every statement of $DB
# (log_statement=all, set by scripts/bench for the capture phase) and writes the statements the
# backend ran for it, in order, with their parameters as literals, to $WORK/sql/NAME.sql: the raw
# material of the pgbench baseline (pgbench_script).
PG_LOG=${PG_LOG:-$(ls -t /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1)}
capture() {
  mkdir -p "$WORK/sql"
  local before
  before=$(stat -c %s "$PG_LOG")
  gql "$2" "$3" >"$WORK/sql/$1.response.json"
  sleep 1
  tail -c +"$((before + 1))" "$PG_LOG" | awk -v db="@$DB " -f "$BENCH_DIR/statements.awk" >"$WORK/sql/$1.sql"
}

# pgbench_script NAME HEADER SED_EXPRESSIONS: bench/pgbench/NAME.sql from the captured statements:
# the HEADER (\set lines), then the statements with the sed substitutions (literal -> :variable).
pgbench_script() {
  mkdir -p "$BENCH_DIR/pgbench"
  {
    echo "-- $1: the statements the backend ran for one request (captured with log_statement=all by"
    echo "-- scripts/bench on $(date +%F)), parameters as literals, per-request values as pgbench variables."
    printf '%s\n' "$2"
    sed -e "$3" "$WORK/sql/$1.sql"
  } >"$BENCH_DIR/pgbench/$1.sql"
}

# per_request TICKS N: milliseconds of CPU per request.
per_request() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", n ? t*1000/hz/n : 0}'; }

# The machine's 1-minute load average now (from /proc/loadavg): recorded before and after each run,
# so that runs disturbed by other work on the machine show.
load_now() { cut -d' ' -f1 /proc/loadavg; }

# run_wrk LABEL SCRIPT [VAR=value...]: drives the backend with bench/lua/SCRIPT.lua for
# $DURATION s with $CONNECTIONS connections and appends "LABEL RESULT ... jvm_cpu_ms_per_req= pg_cpu_ms_per_req=
# load_before= load_after=" to $WORK/results.txt (and prints it).
run_wrk() {
  local label=$1 script=$2
  shift 2
  local pg0 jvm0 jit0 load0 line
  pg0=$(pg_snapshot)
  jvm0=$(jvm_ticks "$BACKEND_PID"); jit0=$(jvm_ticks "$BACKEND_PID" jit); load0=$(load_now)
  line=$(wrk_result "$script" "$PORT" "$label" "$@")
  local jvm1 jit1 pg n
  jvm1=$(jvm_ticks "$BACKEND_PID"); jit1=$(jvm_ticks "$BACKEND_PID" jit); pg=$(pg_ticks_since "$pg0")
  n=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")
  line="$line jvm_cpu_ms_per_req=$(per_request $((jvm1 - jvm0)) "$n") jit_cpu_ms_per_req=$(per_request $((jit1 - jit0)) "$n")"
  line="$line pg_cpu_ms_per_req=$(per_request "$pg" "$n") load_before=$load0 load_after=$(load_now)"
  echo "$label $line" | tee -a "$WORK/results.txt"
}

# wrk_result SCRIPT PORT LABEL [VAR=value...]: one wrk run of bench/lua/SCRIPT.lua against 127.0.0.1:PORT;
# prints its RESULT line (requests=0 errors=-1 when wrk failed).
wrk_result() {
  local script=$1 port=$2 label=$3 out line
  shift 3
  out=$(env BENCH_DIR="$BENCH_DIR" BENCH_THREADS="$WRK_THREADS" BENCH_RUN="$RUN_ID-$label" BENCH_MEMBERS="$MEMBERS" "$@" \
        wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH_DIR/lua/$script.lua" \
        "http://127.0.0.1:$port" 2>&1) || true
  line=$(grep '^RESULT' <<<"$out" || true)
  if [ -z "$line" ]; then
    echo "bench: wrk $script failed:" >&2; echo "$out" >&2; line="RESULT requests=0 rps=0 errors=-1"
  fi
  echo "$line"
}

# --- the peer: PostGraphile 4 over the same database (docs/performance.md, "Against PostGraphile") -------
PEER_DIR=${BENCH_DIR:-bench}/postgraphile

# start_peer: installs PostGraphile (npm ci from bench/postgraphile/package-lock.json) when missing,
# adds bench/postgraphile/schema.sql to $DB and starts PostGraphile on $PEER_PORT with
# --cluster-workers 2 and a pool of $PEER_POOL per worker, verifying JWTs signed with
# $PEER_JWT_SECRET; waits until it answers.
start_peer() {
  if [ ! -f "$PEER_DIR/node_modules/postgraphile/package.json" ]; then
    echo "bench: installing PostGraphile (npm ci in $PEER_DIR)" >&2
    (cd "$PEER_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  psqlb -f "$PEER_DIR/schema.sql" >/dev/null
  NODE_ENV=production PGAPPNAME=bench-peer "$PEER_DIR/node_modules/.bin/postgraphile" \
    --connection "postgres://postgres@127.0.0.1:5432/$DB" --schema public --host 127.0.0.1 --port "$PEER_PORT" \
    --cluster-workers 2 --max-pool-size "$PEER_POOL" --jwt-secret "$PEER_JWT_SECRET" \
    --disable-query-log --disable-graphiql >"$WORK/peer.log" 2>&1 &
  PEER_PID=$!
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$PEER_PORT/graphql" -H 'Content-Type: application/json' \
         -d '{"query":"{__typename}"}' >/dev/null 2>&1 && [ "$(pgrep -c -P "$PEER_PID")" -ge 2 ]; then
      sleep 2  # the second worker may still be building its schema
      return 0
    fi
    if ! kill -0 "$PEER_PID" 2>/dev/null; then break; fi
    sleep 1
  done
  echo "bench: PostGraphile did not start, see $WORK/peer.log" >&2
  tail -30 "$WORK/peer.log" >&2
  return 1
}

# await_peer_idle: waits (at most 15 s) until the peer's pool has closed its idle connections (node-postgres
# closes them after 10 s idle), so that pgbench's clients, ours and the peer's together stay below
# Postgres's max_connections (100) on a machine where other databases hold connections too.
await_peer_idle() {
  local _i
  for _i in $(seq 1 30); do
    [ "$(psqlb -c "select count(*) from pg_stat_activity where application_name = 'bench-peer'")" = 0 ] && return 0
    sleep 0.5
  done
}

# The peer's processes: the cluster master and its workers.
peer_pids() { [ -n "${PEER_PID:-}" ] && echo "$PEER_PID $(pgrep -d ' ' -P "$PEER_PID")"; }

stop_peer() {
  if [ -n "${PEER_PID:-}" ] && kill -0 "$PEER_PID" 2>/dev/null; then
    local workers
    workers=$(pgrep -d ' ' -P "$PEER_PID" || true)
    kill "$PEER_PID" $workers 2>/dev/null || true
    wait "$PEER_PID" 2>/dev/null || true
  fi
  PEER_PID=
}

# mint_peer_tokens FROM COUNT FILE: the peer's JWTs for the same members, "id token" lines.
mint_peer_tokens() {
  PEER_JWT_SECRET=$PEER_JWT_SECRET node "$PEER_DIR/mint.js" "$1" "$2" >"$3"
}

# check_peer OUR_TOKENS PEER_TOKENS MEMBER...: fails loudly unless the peer answers me and the points
# history page as ours does for these members (bench/postgraphile/check.js).
check_peer() {
  node "$PEER_DIR/check.js" "http://127.0.0.1:$PORT/graphql" "$1" "http://127.0.0.1:$PEER_PORT/graphql" "$2" \
    "$BENCH_DIR" "${@:3}" >&2
}

# run_wrk_peer LABEL SCRIPT [VAR=value...]: as run_wrk, against the peer; its CPU per request is
# node_cpu_ms_per_req (master and workers).
run_wrk_peer() {
  local label=$1 script=$2
  shift 2
  local pg0 pids node0 load0 line node1 pg n
  pg0=$(pg_snapshot); pids=$(peer_pids)
  node0=$(cpu_ticks $pids); load0=$(load_now)
  line=$(wrk_result "$script" "$PEER_PORT" "$label" "$@")
  node1=$(cpu_ticks $pids); pg=$(pg_ticks_since "$pg0")
  n=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")
  line="$line node_cpu_ms_per_req=$(per_request $((node1 - node0)) "$n") pg_cpu_ms_per_req=$(per_request "$pg" "$n")"
  line="$line load_before=$load0 load_after=$(load_now)"
  echo "$label $line" | tee -a "$WORK/results.txt"
}

# invariants LABEL: the SQL checks after a write run (balances equal ledgers, one check-in a day,
# the hot coupon's stock: its coupons counted, as coupon_template.issued is no longer kept since V64),
# appended to $WORK/invariants.txt and printed.
invariants() {
  psqlb -F ' ' -c "
    select 'balance_mismatches=' || (select count(*) from member_points mp left join
             (select member_id, sum(delta) as s from points_ledger group by member_id) l using (member_id)
             where mp.balance <> coalesce(l.s, 0)),
           'double_checkins=' || (select count(*) from (select 1 from checkin group by member_id, day having count(*) > 1) d),
           'coupon_stock_left=' || (select total_stock - (select count(*) from member_coupon c where c.template_id = t.id)
                                    from coupon_template t where id = 1001),
           'over_stock=' || (select count(*) from coupon_template t
                             where total_stock < (select count(*) from member_coupon c where c.template_id = t.id))" |
    sed "s/^/$1 /" | tee -a "$WORK/invariants.txt" >&2
}

# flash_coupons COUNT STOCK: COUNT fresh hot coupons (one per member, STOCK each) for a flashDrop run;
# prints their ids, comma separated.
flash_coupons() {
  psqlb -c "insert into coupon_template (brand_id, name, kind, amount_off_cents, threshold_cents, valid_days,
                                         total_stock, per_member_limit, claimable, created_by, created_at)
            select 1, '闪购券 ' || g, 'AMOUNT_OFF', 1000, 5000, 30, $2, 1, true,
                   (select min(id) from staff where role = 'ADMIN'), now()
            from generate_series(1, $1) g returning id" | paste -sd, -
}

# flash_invariants LABEL IDS STOCK REQUESTS SECONDS: after a flashDrop run, SQL and Redis on its coupons:
# never above the stock, every drop before the last exactly sold out, nobody above the limit (one),
# each stock slot once, and the Redis gate (when the build has one) agreeing with Postgres (left +
# coupons = stock); the claims that got a coupon, their share of the requests and their rate.
flash_invariants() {
  local ids=$2 stock=$3 requests=$4 seconds=$5 line gates=0 gate_mismatch=0 id left n
  line=$(psqlb -F ' ' -c "
    with t as (select id from coupon_template where id = any('{$ids}'::bigint[])),
         n as (select t.id, (select count(*) from member_coupon c where c.template_id = t.id) as n from t),
         last as (select coalesce(max(id), 0) as id from n where n > 0)
    select 'ok_claims=' || (select sum(n) from n),
           'drops_sold_out=' || (select count(*) from n where n = $stock),
           'drops_touched=' || (select count(*) from n where n > 0),
           'over_stock=' || (select count(*) from n where n > $stock),
           'short_before_last=' || (select count(*) from n, last where n.n < $stock and n.id < last.id),
           'above_limit=' || (select count(*) from (select 1 from member_coupon where template_id in (select id from t)
                                                    group by template_id, member_id having count(*) > 1) d),
           'slot_repeats=' || (select count(*) - count(distinct (template_id, stock_slot)) from member_coupon
                               where template_id in (select id from t) and stock_slot is not null)")
  for id in ${ids//,/ }; do
    left=$(redis-cli -h 127.0.0.1 hget "$DB:coupon:{$id}:gate" left)
    [ -n "$left" ] || continue
    gates=$((gates + 1))
    n=$(psqlb -c "select count(*) from member_coupon where template_id = $id")
    [ $((left + n)) -eq "$stock" ] || gate_mismatch=$((gate_mismatch + 1))
  done
  local ok
  ok=$(sed -n 's/.*ok_claims=\([0-9]*\).*/\1/p' <<<"$line")
  line="$line redis_gates=$gates redis_vs_sql_mismatch=$gate_mismatch"
  line="$line ok_share=$(awk -v o="${ok:-0}" -v r="$requests" 'BEGIN{printf "%.0f%%", r ? 100*o/r : 0}')"
  line="$line ok_per_s=$(awk -v o="${ok:-0}" -v s="$seconds" 'BEGIN{printf "%.1f", s ? o/s : 0}')"
  echo "$1 $line" | tee -a "$WORK/invariants.txt" >&2
}
