#!/usr/bin/env bash
# The benchmark of issue 6, in one command (see bench/README.md):
#
#   bench/run.sh            full run (~8 minutes on 2 cores); writes bench/results/<date>.md and bench/results/latest.md
#   bench/run.sh --smoke    every scenario for a second or two with a handful of users (CI); writes target/bench/smoke.md
#
# Options: --users N (1000), --sts-delay-ms MS (50), --duration S (20, per measured run), --rebuild, --out FILE,
# --jvm-opts "OPTS" (extra JVM options for the service, e.g. "-Xmx256m"; default none, the JVM's own sizing),
# --replica-users N (300, users per scenario of the replica comparison), --footprint-users N (100000, cached users
# for RSS under the manifests' heap cap), --java25 PATH (a JDK 25 for the image's AOT-cache start; default Temurin's
# if installed, else that scenario is skipped), --start-only (only the start comparison, printed; no report written),
# --profile-only (fill the cache, then only the JFR profiles of the hot path at 16 and 64 connections; no report).
# Exits non-zero if any scenario failed to run (not on slow figures: there are no timing assertions).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SMOKE=false USERS=1000 STS_DELAY_MS=50 DURATION=20 REBUILD=false OUT="" JVM_OPTS="" REPLICA_USERS=300 REPLICA_ROUNDS=6
START_ONLY=false PROFILE_ONLY=false SERVICE_USERS=100000 JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
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
    --footprint-users) SERVICE_USERS=$2; shift ;;
    --java25) JAVA25=$2; shift ;;
    --start-only) START_ONLY=true ;;
    --profile-only) PROFILE_ONLY=true ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if $SMOKE; then
  USERS=20 DURATION=2 REPLICA_USERS=20 SERVICE_USERS=200 START_RUNS=1
  WARMUP=1 COLD_TOKENS=200 FOOTPRINT_USERS=2000 JMH_ARGS=(-f 0 -wi 0 -i 1 -r 200ms)
else
  WARMUP=10 COLD_TOKENS=$((USERS * 6)) FOOTPRINT_USERS=100000 START_RUNS=3 JMH_ARGS=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
fi
# The fresh-process scenario: this many requests to a just-started service (issue 16: no stall in the first 1,000).
FIRST_REQUESTS=1000
[ -x "$JAVA25" ] || JAVA25=""
WORK=$ROOT/target/bench
mkdir -p "$WORK"
THREADS=2
export BENCH_THREADS=$THREADS
source "$ROOT/bench/lib.sh"

LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
log "stsvend benchmark: users=$USERS sts-delay=${STS_DELAY_MS}ms duration=${DURATION}s smoke=$SMOKE"
ensure_apt wrk wrk
ensure_build
# The replica comparison shares one redis-server between the replicas: the one `./mvnw verify` unpacks into
# target/tools, else the system's.
REDIS_BIN=$(ls "$ROOT"/target/tools/redis/redis-server-* 2>/dev/null | head -n 1 || true)
[ -n "$REDIS_BIN" ] || { ensure_apt redis-server redis-server; REDIS_BIN=redis-server; }
CLASSPATH_TEST="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"
# The in-process tools use the service's classes, which log through JBoss LogManager.
JAVA_TOOL=(java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dstsvend.redis-server="$REDIS_BIN"
  -cp "$CLASSPATH_TEST")

# ---- in-process measurements: JMH breakdown of the hot path, heap per cached user ----------------------------------
if ! $START_ONLY && ! $PROFILE_ONLY; then
log "JMH: hot path parts"
"${JAVA_TOOL[@]}" org.openjdk.jmh.Main 'io.stsvend.bench.HotPathBenchmark' "${JMH_ARGS[@]}" -foe true \
  -rf csv -rff "$WORK/jmh.csv" > "$WORK/jmh.log" 2>&1 || fail "JMH run failed (see $WORK/jmh.log)"
jmh_score() { awk -F, -v b="\"io.stsvend.bench.HotPathBenchmark.$1\"" '$1==b {printf "%.3f", $5}' "$WORK/jmh.csv"; }
for b in jwtVerify rsaVerifyOnly verifiedTokenLookup grantsAndFingerprint grantsOnly cacheLookup serializeResponse; do
  declare "JMH_$b=$(jmh_score $b)"
  [ -n "$(jmh_score $b)" ] || fail "JMH produced no score for $b"
done
JMH_auditLine=$(jmh_score auditLine)  # issue 16 lever 2

log "heap per cached user ($FOOTPRINT_USERS users)"
FOOT=$("${JAVA_TOOL[@]}" -Xmx1g -XX:+UseSerialGC io.stsvend.bench.CachedUserFootprint "$FOOTPRINT_USERS" 600 \
  | grep '^FOOTPRINT') || fail "footprint measurement failed"
FOOT_BYTES=$(field "$FOOT" bytesPerUser)
FOOT1200=$("${JAVA_TOOL[@]}" -Xmx1g -XX:+UseSerialGC io.stsvend.bench.CachedUserFootprint "$FOOTPRINT_USERS" 1200 \
  | grep '^FOOTPRINT') || fail "footprint measurement failed"
FOOT1200_BYTES=$(field "$FOOT1200" bytesPerUser)
fi

# ---- start: JVM launch → ready, plain on Java 17 and as the image starts (JDK 25 + its AOT cache) -------------------
if ! $PROFILE_ONLY; then
IMAGE_OPTS=$(image_jvm_opts)
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
START17_ALL="" START17IMG_ALL="" START17CDS_ALL="" START25_ALL="" STARTAOT_ALL=""
log "AppCDS training run (Java 17)"
train_appcds "$WORK/app17.jsa"
if [ -n "$JAVA25" ]; then
  log "AOT cache training run ($JAVA25)"
  train_aot_cache "$WORK/app.aot"
fi
START_LOADS=""
for i in $(seq 1 "$START_RUNS"); do  # alternating, so machine load drifts over all of them alike
  START_LOADS="$START_LOADS $(cut -d' ' -f1 /proc/loadavg)"
  ms=$(start_ms "start17-$i") && [ -n "$ms" ] || fail "start17-$i failed"
  START17_ALL="$START17_ALL $ms"
  ms=$(start_ms "start17img-$i" $IMAGE_OPTS) && [ -n "$ms" ] || fail "start17img-$i failed"
  START17IMG_ALL="$START17IMG_ALL $ms"
  # -Xshare:on: a JVM that cannot map the archive fails instead of silently starting without it.
  ms=$(start_ms "start17cds-$i" $IMAGE_OPTS -Xshare:on -XX:SharedArchiveFile="$WORK/app17.jsa") && [ -n "$ms" ] \
    || fail "start17cds-$i failed"
  START17CDS_ALL="$START17CDS_ALL $ms"
  if [ -n "$JAVA25" ]; then
    ms=$(APP_JAVA=$JAVA25 start_ms "start25-$i" $IMAGE_OPTS) && [ -n "$ms" ] || fail "start25-$i failed"
    START25_ALL="$START25_ALL $ms"
    ms=$(APP_JAVA=$JAVA25 start_ms "startaot-$i" $IMAGE_OPTS -XX:AOTCache="$WORK/app.aot") && [ -n "$ms" ] \
      || fail "startaot-$i failed"
    STARTAOT_ALL="$STARTAOT_ALL $ms"
  fi
done
START17=$(echo "$START17_ALL" | median) START17IMG=$(echo "$START17IMG_ALL" | median)
START17CDS=$(echo "$START17CDS_ALL" | median)
if [ -n "$JAVA25" ]; then
  START25=$(echo "$START25_ALL" | median) STARTAOT=$(echo "$STARTAOT_ALL" | median)
  IMAGE_JAVA=$JAVA25 IMAGE_START=(-XX:AOTCache="$WORK/app.aot")
else
  START25="n/a" STARTAOT="n/a" IMAGE_JAVA=java IMAGE_START=()
fi
START_LOADS="$START_LOADS $(cut -d' ' -f1 /proc/loadavg)"
if $START_ONLY; then
  printf 'load average (1 min) before each round and after: %s\n' "$START_LOADS"
  printf '%-44s %8s  %s\n' variant median each \
    "Java 17, plain" "$START17" "$START17_ALL" "Java 17, image options" "$START17IMG" "$START17IMG_ALL" \
    "Java 17, image options + AppCDS archive" "$START17CDS" "$START17CDS_ALL" \
    "JDK 25, image options" "$START25" "$START25_ALL" "JDK 25, image options + AOT cache" "$STARTAOT" "$STARTAOT_ALL"
  exit 0
fi
fi

# ---- the service with its cache: floor, hot, fixed rate, profile, cold --------------------------------------------
# With the image's heap cap and collector (as a pod of the manifests runs it): the open-loop tail depends on them
# (with the JVM's defaults, G1 and a quarter of this machine's memory, p99 at half capacity was several times higher).
start_app cached $IMAGE_OPTS
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

if $PROFILE_ONLY; then
  run_wrk hot_warm /credentials 64 "$WARMUP" "$WORK/users.txt" warmup
  profile hot /credentials 16
  profile hot64 /credentials 64
  printf 'load average (1/5/15 min) at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  for p in hot hot64; do
    printf '== %s: %s\n' "$p" "$(grep '^RESULT' "$WORK/wrk-prof_$p.out")"
    cat "$WORK/profile-$p.md"
  done
  stop_app
  exit 0
fi

# Trivial route, JWT floor and hot alternate, after the same warm-up, so all see the same JIT and machine state.
run_wrk trivial_warm /q/health/live 16 "$WARMUP" "$WORK/users.txt" warmup
run_wrk floor_warm /local/floor 16 "$WARMUP" "$WORK/users.txt" warmup
run_wrk hot_warm /credentials 16 "$WARMUP" "$WORK/users.txt" warmup
sample_rss_start
run_wrk trivial16 /q/health/live 16 "$DURATION" "$WORK/users.txt"
run_wrk floor16 /local/floor 16 "$DURATION" "$WORK/users.txt"
run_wrk hot16 /credentials 16 "$DURATION" "$WORK/users.txt"
run_wrk trivial64 /q/health/live 64 "$DURATION" "$WORK/users.txt"
run_wrk floor64 /local/floor 64 "$DURATION" "$WORK/users.txt"
run_wrk hot64 /credentials 64 "$DURATION" "$WORK/users.txt"
RSS_LOAD_KB=$(sample_rss_stop)
HOT_CALLS=$(( $(metric_int 'stsvend_sts_assume_role_seconds_count{outcome="success"') - FILLED_CALLS - WARM_CALLS ))

# Open loop at a quarter and at half the measured hot capacity (the better of the 16- and 64-connection closed-loop
# throughputs), 64 connections (the Java generator costs more CPU than wrk).
HOT_CAPACITY=$(awk -v a="$(rps hot16)" -v b="$(rps hot64)" 'BEGIN {print (a > b ? a : b)}')
fixed_rate() {  # fixed_rate NAME FRACTION
  local rate; rate=$(awk -v r="$HOT_CAPACITY" -v f="$2" 'BEGIN {x = int(r * f / 100) * 100; print (x < 100 ? 100 : x)}')
  log "fixed rate $1: $rate req/s"
  local app0 gen; app0=$(cpu_ticks "$APP_PID")
  "${JAVA_TOOL[@]}" io.stsvend.bench.FixedRateLoad "http://127.0.0.1:$PORT/credentials" "$WORK/users.txt" \
    "$rate" "$DURATION" 64 "$WARMUP" > "$WORK/fixedrate-$1.out" 2> "$WORK/fixedrate-$1.err" &
  gen=$!
  # The generator's CPU over its whole run (warm-up included, read just before it exits), the service's alike:
  # both share the two cores, so "half the capacity" is only half if the generator leaves the service its share.
  local gen_ticks=0
  while kill -0 "$gen" 2>/dev/null; do gen_ticks=$(cpu_ticks "$gen" 2>/dev/null || echo "$gen_ticks"); sleep 0.2; done
  wait "$gen" || fail "fixed-rate run $1 failed (see $WORK/fixedrate-$1.err)"
  declare -g "FIXED_$1=$(grep '^RESULT' "$WORK/fixedrate-$1.out") app_ticks=$(( $(cpu_ticks "$APP_PID") - app0 )) gen_ticks=$gen_ticks"
}
fixed_rate quarter 0.25
fixed_rate half 0.5

profile hot /credentials 16
profile hot64 /credentials 64
profile floor /local/floor 16

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

# ---- a fresh process as the image starts it: stalls in its first requests ------------------------------------------
# The image's JVM, heap cap and AOT cache; the first $FIRST_REQUESTS requests of its life, 16 at a time, over 100 of the
# users (so about one in ten is a miss that calls STS, as when a new pod joins).
head -n 100 "$WORK/users.txt" > "$WORK/fresh-users.txt"
APP_JAVA=$IMAGE_JAVA start_app fresh $IMAGE_OPTS "${IMAGE_START[@]}"
FRESH_START_MS=$APP_START_MS
first_requests fresh "$WORK/fresh-users.txt" "$FIRST_REQUESTS" 16
FRESH_STALLS=$(stalls fresh)
stop_app

# ---- RSS with many cached users under the manifests' heap cap ------------------------------------------------------
# The production jar alone in its JVM (bench ServiceFootprint; STS is a standalone emulator in the tool's JVM: the
# local flavour's embedded one keeps every token and nonce it saw, as much heap as the service's cache), with the
# image's JVM options, on the image's JDK with an AOT cache trained on that jar as the image trains its own; STS
# answers at once so the fill is CPU-bound.
FOOTPRINT_START=()
if [ -n "$JAVA25" ]; then
  log "AOT cache training run of the production jar ($JAVA25)"
  train_prod_aot_cache "$WORK/prod.aot"
  FOOTPRINT_START=(-XX:AOTCache="$WORK/prod.aot")
fi
log "RSS scenario: $SERVICE_USERS cached users, production jar, JVM options: $IMAGE_OPTS ${FOOTPRINT_START[*]}"
coproc FOOTPRINT { "$IMAGE_JAVA" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CLASSPATH_TEST" \
  io.stsvend.bench.ServiceFootprint "$ROOT/target" "$SERVICE_USERS" "$WORK/many-users.txt" $IMAGE_OPTS \
  "${FOOTPRINT_START[@]}" 2> "$WORK/footprint.err"; }
FOOTPRINT_READY=""
while read -r line <&"${FOOTPRINT[0]}"; do case "$line" in READY*) FOOTPRINT_READY=$line; break ;; esac; done
[ -n "$FOOTPRINT_READY" ] || fail "RSS scenario did not start (see $WORK/footprint.err)"
PORT=$(field "$FOOTPRINT_READY" port) APP_PID=$(field "$FOOTPRINT_READY" pid)
SERVICE_MISSES=$(field "$FOOTPRINT_READY" filled)
sample_rss_start
run_wrk many64 /credentials 64 "$DURATION" "$WORK/many-users.txt"
RSS_MANY_KB=$(sample_rss_stop)
HEAP_MANY=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -oE 'total [0-9]+K, used [0-9]+K' | paste -sd ';' - || true)
APP_PID=""
eval "exec ${FOOTPRINT[1]}>&-"
wait "$FOOTPRINT_PID" 2>/dev/null || true

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
