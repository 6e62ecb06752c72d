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
  curl -sSf -X POST "http://127.0.0.1:$PORT/bench/tokens?from=$1&count=$2" -o "$3"
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

# run_wrk LABEL SCRIPT [VAR=value...]: drives the backend with bench/lua/SCRIPT.lua for
# $DURATION s with $CONNECTIONS connections and appends "LABEL RESULT ... jvm_cpu_ms_per_req= pg_cpu_ms_per_req="
# to $WORK/results.txt (and prints it).
run_wrk() {
  local label=$1 script=$2
  shift 2
  local pg jvm0 jit0 pg0 out line
  pg=$(postgres_pids)
  jvm0=$(jvm_ticks "$BACKEND_PID"); jit0=$(jvm_ticks "$BACKEND_PID" jit); pg0=$(cpu_ticks $pg)
  out=$(env BENCH_DIR="$BENCH_DIR" BENCH_THREADS="$WRK_THREADS" BENCH_RUN="$RUN_ID-$label" BENCH_MEMBERS="$MEMBERS" "$@" \
        wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH_DIR/lua/$script.lua" \
        "http://127.0.0.1:$PORT" 2>&1) || true
  line=$(grep '^RESULT' <<<"$out" || true)
  if [ -z "$line" ]; then
    echo "bench: wrk $script failed:" >&2; echo "$out" >&2; line="RESULT requests=0 rps=0 errors=-1"
  fi
  local jvm1 jit1 pg1 n
  jvm1=$(jvm_ticks "$BACKEND_PID"); jit1=$(jvm_ticks "$BACKEND_PID" jit); pg1=$(cpu_ticks $pg)
  n=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")
  line="$line jvm_cpu_ms_per_req=$(per_request $((jvm1 - jvm0)) "$n") jit_cpu_ms_per_req=$(per_request $((jit1 - jit0)) "$n")"
  line="$line pg_cpu_ms_per_req=$(per_request $((pg1 - pg0)) "$n")"
  echo "$label $line" | tee -a "$WORK/results.txt"
}

# invariants LABEL: the SQL checks after a write run (balances equal ledgers, one check-in a day,
# the hot coupon's stock), appended to $WORK/invariants.txt and printed.
invariants() {
  psqlb -F ' ' -c "
    select 'balance_mismatches=' || (select count(*) from member_points mp left join
             (select member_id, sum(delta) as s from points_ledger group by member_id) l using (member_id)
             where mp.balance <> coalesce(l.s, 0)),
           'double_checkins=' || (select count(*) from (select 1 from checkin group by member_id, day having count(*) > 1) d),
           'coupon_stock_left=' || (select total_stock - issued from coupon_template where id = 1001),
           'coupons_vs_issued=' || (select (select count(*) from member_coupon where template_id = 1001) - issued
                                    from coupon_template where id = 1001),
           'negative_stock=' || (select count(*) from coupon_template where total_stock - issued < 0)" |
    sed "s/^/$1 /" | tee -a "$WORK/invariants.txt" >&2
}
