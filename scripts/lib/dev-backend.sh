# Shared by scripts/test, test-miniprogram, test-console and the shots scripts (source it from the
# repository root): the tools they need, and a dev-profile backend of their own.

# The console's end-to-end tests sign the demo staff in some hundred times in a few minutes from one
# address: the sign-in limits (10 a minute per username and address) are raised for their backend only.
CONSOLE_BACKEND_ARGS="--loyalty.rate-limits.limits.STAFF_LOGIN.permits=1000 --loyalty.rate-limits.limits.STAFF_LOGIN_ADDRESS.permits=1000"

# Node.js and npm, Chromium (for playwright-core) and Chinese fonts, from Debian's packages when missing.
ensure_node_and_browser() {
  if ! command -v npm >/dev/null; then
    echo "installing Node.js and npm from Debian's packages"
    apt-get install -y -q nodejs npm >/dev/null
  fi
  local missing=()
  [[ -x ${CHROMIUM_PATH:-/usr/bin/chromium} ]] || missing+=(chromium)
  fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
  if ((${#missing[@]})); then
    echo "installing ${missing[*]} from Debian's packages"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  fi
}

# Starts the built jar in the dev profile (fake WeChat, demo data) on a free port with a database
# Redis key prefix and media directory of its own, removed on exit; sets API_URL. $1 names the database (e2e, shots).
# BACKEND_JAR_DIR (default backend/target) says where the jars are; BACKEND_ARGS adds arguments.
# Waits BACKEND_START_SECONDS (300) for it to be healthy.
start_dev_backend() {
  launch_dev_backend "$1"
  wait_for_dev_backend
}

# The first half of start_dev_backend: starts the backend and sets API_URL without waiting for it,
# so that something else can run while it starts; wait_for_dev_backend waits.
launch_dev_backend() {
  local jar=${BACKEND_JAR_DIR:-backend/target}/loyalty-backend.jar dev_jar=${BACKEND_JAR_DIR:-backend/target}/loyalty-backend-dev.jar f
  for f in "$jar" "$dev_jar"; do
    [[ -f $f ]] || { echo "$f is missing; run mvn -B -DskipTests package first" >&2; exit 1; }
  done
  backend_db="loyalty_${1}_$(date +%s)_$$"
  backend_prefix="${1}-$backend_db:"
  backend_log=$(mktemp "/tmp/loyalty-${1}-backend.XXXXXX.log")
  local port
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  psql -h 127.0.0.1 -U postgres -qc "create database \"$backend_db\""
  backend_media=$(mktemp -d "/tmp/loyalty-${1}-media.XXXXXX")
  trap stop_dev_backend EXIT
  DB_NAME=$backend_db PORT=$port LOYALTY_REDIS_KEY_PREFIX=$backend_prefix LOYALTY_MEDIA_DIRECTORY=$backend_media \
    java -Dloader.path="$dev_jar" -jar "$jar" --spring.profiles.active=dev ${BACKEND_ARGS:-} >"$backend_log" 2>&1 &
  backend_pid=$!
  API_URL="http://127.0.0.1:$port"
}

# Waits BACKEND_START_SECONDS (300) for the backend launch_dev_backend started to be healthy.
wait_for_dev_backend() {
  local wait=${BACKEND_START_SECONDS:-300} # a loaded machine (parallel builds) starts it slowly
  local deadline=$((SECONDS + wait))
  while ((SECONDS < deadline)); do
    if curl -fs "$API_URL/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$backend_pid" 2>/dev/null; then echo "backend failed to start:" >&2; tail -50 "$backend_log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "backend not healthy after $wait s (BACKEND_START_SECONDS)" >&2; tail -50 "$backend_log" >&2; exit 1
}

stop_dev_backend() {
  [[ -n ${backend_pid:-} ]] && kill "$backend_pid" 2>/dev/null && wait "$backend_pid" 2>/dev/null || true
  [[ -n ${backend_media:-} ]] && rm -rf "$backend_media"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists \"$backend_db\" with (force)" || true
  redis-cli -h 127.0.0.1 --scan --pattern "${backend_prefix}*" | xargs -r redis-cli -h 127.0.0.1 del >/dev/null || true
}
