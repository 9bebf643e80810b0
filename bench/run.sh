#!/usr/bin/env bash
# The benchmark of issue 6, in one command (see bench/README.md):
#
#   bench/run.sh            full run (~8 minutes on 2 cores); writes bench/results/<date>.md and bench/results/latest.md
#   bench/run.sh --smoke    every scenario for a second or two with a handful of users (CI); writes target/bench/smoke.md
#
# Options: --users N (1000), --sts-delay-ms MS (50), --duration S (20, per measured run), --rebuild, --out FILE,
# --jvm-opts "OPTS" (extra JVM options for the service, e.g. "-Xmx256m"; default none, the JVM's own sizing),
# --replica-users N (300, users per scenario of the replica comparison).
# Exits non-zero if any scenario failed to run (not on slow figures: there are no timing assertions).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SMOKE=false USERS=1000 STS_DELAY_MS=50 DURATION=20 REBUILD=false OUT="" JVM_OPTS="" REPLICA_USERS=300 REPLICA_ROUNDS=6
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SMOKE=true ;;
    --users) USERS=$2; shift ;;
    --sts-delay-ms) STS_DELAY_MS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --rebuild) REBUILD=true ;;
    --out) OUT=$2; shift ;;
    --jvm-opts) JVM_OPTS=$2; shift ;;
    --replica-users) REPLICA_USERS=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if $SMOKE; then
  USERS=20 DURATION=2 REPLICA_USERS=20
  WARMUP=1 COLD_TOKENS=200 FOOTPRINT_USERS=2000 JMH_ARGS=(-f 0 -wi 0 -i 1 -r 200ms)
else
  WARMUP=5 COLD_TOKENS=$((USERS * 6)) FOOTPRINT_USERS=100000 JMH_ARGS=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
fi
WORK=$ROOT/target/bench
mkdir -p "$WORK"
THREADS=2
export BENCH_THREADS=$THREADS
source "$ROOT/bench/lib.sh"

LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
log "stsvend benchmark: users=$USERS sts-delay=${STS_DELAY_MS}ms duration=${DURATION}s smoke=$SMOKE"
ensure_apt wrk wrk
ensure_apt redis-server redis-server  # the replica comparison shares one redis-server between the replicas
ensure_build
CLASSPATH_TEST="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"
# The in-process tools use the service's classes, which log through JBoss LogManager.
JAVA_TOOL=(java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CLASSPATH_TEST")

# ---- in-process measurements: JMH breakdown of the hot path, heap per cached user ----------------------------------
log "JMH: hot path parts"
"${JAVA_TOOL[@]}" org.openjdk.jmh.Main 'io.stsvend.bench.HotPathBenchmark' "${JMH_ARGS[@]}" -foe true \
  -rf csv -rff "$WORK/jmh.csv" > "$WORK/jmh.log" 2>&1 || fail "JMH run failed (see $WORK/jmh.log)"
jmh_score() { awk -F, -v b="\"io.stsvend.bench.HotPathBenchmark.$1\"" '$1==b {printf "%.3f", $5}' "$WORK/jmh.csv"; }
for b in jwtVerify rsaVerifyOnly verifiedTokenLookup grantsAndFingerprint grantsOnly cacheLookup serializeResponse; do
  declare "JMH_$b=$(jmh_score $b)"
  [ -n "$(jmh_score $b)" ] || fail "JMH produced no score for $b"
done

log "heap per cached user ($FOOTPRINT_USERS users)"
FOOT=$("${JAVA_TOOL[@]}" -Xmx1g -XX:+UseSerialGC io.stsvend.bench.CachedUserFootprint "$FOOTPRINT_USERS" 600 \
  | grep '^FOOTPRINT') || fail "footprint measurement failed"
FOOT_BYTES=$(field "$FOOT" bytesPerUser)
FOOT1200=$("${JAVA_TOOL[@]}" -Xmx1g -XX:+UseSerialGC io.stsvend.bench.CachedUserFootprint "$FOOTPRINT_USERS" 1200 \
  | grep '^FOOTPRINT') || fail "footprint measurement failed"
FOOT1200_BYTES=$(field "$FOOT1200" bytesPerUser)

# ---- the service with its cache: floor, hot, fixed rate, profile, cold --------------------------------------------
start_app cached
START_MS=$APP_START_MS RSS_IDLE_KB=$(rss_kb)
mint_tokens "$WORK/users.txt" bench-user "$USERS"
mint_tokens "$WORK/cold.txt" "cold-$RANDOM" "$COLD_TOKENS"

run_wrk health /q/health 16 "$DURATION" "$WORK/users.txt"

# Fill the cache: every user once (each a miss, one STS call), then check it holds exactly one token per user.
warm_sts_path
# stsvend_sts_assume_role_seconds counts only tries sent to STS (local refusals have their own counter), so its
# successful count is the number of tokens STS issued.
WARM_CALLS=$(metric 'stsvend_sts_assume_role_seconds_count{outcome="success"')
fill_cache "$WORK/users.txt" "$USERS"
FILLED_CALLS=$(( $(metric 'stsvend_sts_assume_role_seconds_count{outcome="success"') - WARM_CALLS ))
# The harness must notice when it stops seeing the service's meters (a renamed metric or a new label once read 0).
[ "$FILLED_CALLS" -gt 0 ] || fail "no AssumeRole counted while filling the cache: did the metric names change?"

# Floor and hot alternate, after the same warm-up, so both see the same JIT and machine state.
run_wrk floor_warm /local/floor 16 "$WARMUP" "$WORK/users.txt" warmup
run_wrk hot_warm /credentials 16 "$WARMUP" "$WORK/users.txt" warmup
sample_rss_start
run_wrk floor16 /local/floor 16 "$DURATION" "$WORK/users.txt"
run_wrk hot16 /credentials 16 "$DURATION" "$WORK/users.txt"
run_wrk floor64 /local/floor 64 "$DURATION" "$WORK/users.txt"
run_wrk hot64 /credentials 64 "$DURATION" "$WORK/users.txt"
RSS_LOAD_KB=$(sample_rss_stop)
HOT_CALLS=$(( $(metric_int 'stsvend_sts_assume_role_seconds_count{outcome="success"') - FILLED_CALLS - WARM_CALLS ))

# Open loop at a quarter and at half the closed-loop hot throughput (the Java generator costs more CPU than wrk).
fixed_rate() {  # fixed_rate NAME FRACTION
  local rate; rate=$(awk -v r="$(rps hot16)" -v f="$2" 'BEGIN {x = int(r * f / 100) * 100; print (x < 100 ? 100 : x)}')
  log "fixed rate $1: $rate req/s"
  "${JAVA_TOOL[@]}" io.stsvend.bench.FixedRateLoad "http://127.0.0.1:$PORT/credentials" "$WORK/users.txt" \
    "$rate" "$DURATION" 64 "$WARMUP" > "$WORK/fixedrate-$1.out" 2> "$WORK/fixedrate-$1.err" \
    || fail "fixed-rate run $1 failed (see $WORK/fixedrate-$1.err)"
  declare -g "FIXED_$1=$(grep '^RESULT' "$WORK/fixedrate-$1.out")"
}
fixed_rate quarter 0.25
fixed_rate half 0.5

profile hot /credentials
profile floor /local/floor

CALLS_BEFORE_COLD=$(metric_int 'stsvend_sts_assume_role_seconds_count{outcome="success"')
MISSES_BEFORE_COLD=$(metric_int 'stsvend_credentials_requests_total{outcome="miss"')
run_wrk cold16 /credentials 16 "$DURATION" "$WORK/cold.txt"
COLD_CALLS=$(( $(metric_int 'stsvend_sts_assume_role_seconds_count{outcome="success"') - CALLS_BEFORE_COLD ))
COLD_MISSES=$(( $(metric_int 'stsvend_credentials_requests_total{outcome="miss"') - MISSES_BEFORE_COLD ))
TOTAL_CALLS=$(metric_int 'stsvend_sts_assume_role_seconds_count{outcome="success"')
TOTAL_USERS=$(metric_int 'stsvend_credentials_requests_total{outcome="miss"')
sleep 2
RSS_AFTER_KB=$(rss_kb)
stop_app

# ---- the same hot load with the cache switched off: every request calls STS ---------------------------------------
start_app nocache -Dquarkus.cache.enabled=false
mint_tokens "$WORK/users.txt" bench-user "$USERS"
warm_sts_path
run_wrk nocache_warm /credentials 16 "$WARMUP" "$WORK/users.txt" warmup
NC_BEFORE=$(metric_int 'stsvend_sts_assume_role_seconds_count{outcome="success"')
run_wrk nocache16 /credentials 16 "$DURATION" "$WORK/users.txt"
run_wrk nocache64 /credentials 64 "$DURATION" "$WORK/users.txt"
NC_CALLS=$(( $(metric_int 'stsvend_sts_assume_role_seconds_count{outcome="success"') - NC_BEFORE ))
NC_REQUESTS=$(( $(ok_requests nocache16) + $(ok_requests nocache64) ))
NC_HITS=$(metric_int 'stsvend_credentials_requests_total{outcome="hit"')
stop_app

# ---- AssumeRole calls per user: 1 vs 3 replicas, with and without the shared cache (issue 8) -----------------------
log "replicas: AssumeRole calls per user, $REPLICA_USERS users per scenario"
"${JAVA_TOOL[@]}" io.stsvend.bench.ReplicaCalls "$ROOT/target" "$REPLICA_USERS" "$STS_DELAY_MS" "$REPLICA_ROUNDS" \
  > "$WORK/replicas.out" 2> "$WORK/replicas.err" || fail "replica comparison failed (see $WORK/replicas.err)"
[ "$(grep -c '^RESULT' "$WORK/replicas.out")" -eq 5 ] || fail "replica comparison printed no result"

# ---- results --------------------------------------------------------------------------------------------------------
if [ -z "$OUT" ]; then
  if $SMOKE; then OUT=$WORK/smoke.md; else OUT=$ROOT/bench/results/$(date -u +%F).md; fi
fi
source "$ROOT/bench/report.sh" > "$OUT"
if ! $SMOKE && [ "$OUT" = "$ROOT/bench/results/$(date -u +%F).md" ]; then
  cp "$OUT" "$ROOT/bench/results/latest.md"
fi
log "results: $OUT"
