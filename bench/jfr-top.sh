#!/usr/bin/env bash
# bench/jfr-top.sh RECORDING.jfr [N]: where a JFR recording's CPU samples went, as text tables:
# the methods on top of the stack (self time), and for each sample the first frame outside the
# Reactor, Netty utility and JDK plumbing (who asked for the work). Used by scripts/bench
# (BENCH_PROFILE=1) to put a profile of each scenario into the results file.
set -euo pipefail
rec=$1 n=${2:-15}
jfr=${JAVA_HOME:+$JAVA_HOME/bin/}jfr
"$jfr" print --events jdk.ExecutionSample --stack-depth 256 "$rec" | awk -v n="$n" '
  function clean(f) { sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*$/, "", f); sub(/\(.*$/, "", f); gsub(/\$\$Lambda.*$/, "$$Lambda", f); return f }
  function plumbing(f) { return f ~ /^(reactor\.core\.|java\.|jdk\.|sun\.|io\.netty\.util\.)/ }
  /stackTrace = \[/ { inside = 1; depth = 0; owner = ""; samples++; next }
  inside && /^[ \t]*\]/ {
    inside = 0; if (owner == "") owner = top; owners[owner]++
    split(owner, parts, "."); lib = parts[1] "." parts[2] (parts[3] ~ /^[a-z]/ ? "." parts[3] : ""); libs[lib]++
    next
  }
  inside && /line:/ {
    f = clean($0)
    if (depth == 0) { top = f; self[f]++ }
    if (owner == "" && !plumbing(f)) owner = f
    depth++
  }
  END {
    printf "%d samples\n\n| self | method on top of the stack |\n| ---: | --- |\n", samples
    k = 0; PROCINFO["sorted_in"] = "@val_num_desc"
    for (f in self) { if (k++ >= n) break; printf "| %.1f%% | `%s` |\n", 100 * self[f] / samples, f }
    printf "\n| samples | library doing the work (first frame outside Reactor, Netty utilities and the JDK) |\n| ---: | --- |\n"
    k = 0
    for (f in libs) { if (k++ >= n) break; printf "| %.1f%% | `%s` |\n", 100 * libs[f] / samples, f }
    printf "\n| samples | first frame outside Reactor, Netty utilities and the JDK |\n| ---: | --- |\n"
    k = 0
    for (f in owners) { if (k++ >= n) break; printf "| %.1f%% | `%s` |\n", 100 * owners[f] / samples, f }
  }'
