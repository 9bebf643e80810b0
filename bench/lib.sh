# Functions for bench/run.sh (sourced; expects ROOT, WORK, THREADS, SMOKE, STS_DELAY_MS, DURATION, CLASSPATH_TEST).

APP_PID=""
PORT=""
RSS_SAMPLER=""

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
# field "k1=v1 k2=v2" k2 -> v2
field() { printf '%s\n' "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k {print $2}'; }

cleanup() {
  [ -n "$RSS_SAMPLER" ] && kill "$RSS_SAMPLER" 2>/dev/null || true
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

# ensure_apt COMMAND PACKAGE: installs the Debian package (as root) when the command is missing.
ensure_apt() {
  command -v "$1" >/dev/null 2>&1 && return
  log "installing $2 (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "$2" >/dev/null \
    || fail "could not install $2"
}

# Reuses target/quarkus-app and the compiled benchmarks unless a source or the pom is newer (or --rebuild).
ensure_build() {
  local jar=$ROOT/target/quarkus-app/quarkus-run.jar marker=$ROOT/target/test-classes/META-INF/BenchmarkList
  if $REBUILD || [ ! -f "$jar" ] || [ ! -f "$marker" ] \
      || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
    log "building: ./mvnw -q package -DskipTests"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) >&2 || fail "build failed"
  elif [ -n "$(find "$ROOT/src/test" -newer "$marker" -type f -print -quit)" ]; then
    log "compiling the benchmarks: ./mvnw -q test-compile"
    (cd "$ROOT" && ./mvnw -B -q test-compile) >&2 || fail "build failed"
  fi
  if [ ! -s "$WORK/classpath.txt" ] || [ "$ROOT/pom.xml" -nt "$WORK/classpath.txt" ]; then
    (cd "$ROOT" && { ./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$WORK/classpath.txt" || ./mvnw -B -q dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"; }) >&2 || fail "no test classpath"
  fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  fail "no free port"
}

now_ms() { date +%s%3N; }

# The STS emulator has no quota. With the production guards (30 AssumeRole/s per replica, 20 misses per user per
# 10 min) the fill, cold and no-cache runs would measure the guards' 503s and 429s, not the service: raise them (they
# still run on every call).
QUOTA_GUARDS=(-Dstsvend.resilience.rate-limit.account-quota=100000 -Dstsvend.resilience.rate-limit.limit=10000
  -Dstsvend.miss-limit.per-subject=1000)

# start_app NAME [JVM options...]: the packaged app in local mode on loopback; sets APP_PID, PORT, APP_START_MS
# (JVM launch until the first 200 from /q/health/ready).
start_app() {
  local name=$1; shift
  PORT=$(free_port)
  # Explicit emulator ports: "-Dstsvend.local.sts.port=0" does not work, because a system property outranks the
  # local-cloud config source that resolves 0 to a free port (the service would call one port, STS listen on another).
  local sts_port oss_port; sts_port=$(free_port) oss_port=$(free_port)
  local t0; t0=$(now_ms)
  java -Dstsvend.local.enabled=true -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
    -Dstsvend.local.sts.port="$sts_port" -Dstsvend.local.oss.port="$oss_port" \
    -Dstsvend.local.sts.response-delay="${STS_DELAY_MS}ms" "${QUOTA_GUARDS[@]}" $JVM_OPTS "$@" \
    -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/app-$name.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 3000); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then
      APP_START_MS=$(( $(now_ms) - t0 ))
      log "app '$name' (pid $APP_PID) ready on :$PORT after ${APP_START_MS} ms"
      return
    fi
    kill -0 "$APP_PID" 2>/dev/null || fail "app '$name' exited during startup (see $WORK/app-$name.log)"
    sleep 0.01
  done
  fail "app '$name' not ready after 30 s"
}

stop_app() {
  kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$APP_PID/status"; }

sample_rss_start() {
  ( max=0; while sleep 0.5; do r=$(rss_kb 2>/dev/null || echo 0); [ "${r:-0}" -gt "$max" ] && max=$r; echo "$max" > "$WORK/rss-max"; done ) &
  RSS_SAMPLER=$!
}

sample_rss_stop() {
  kill "$RSS_SAMPLER" 2>/dev/null || true; wait "$RSS_SAMPLER" 2>/dev/null || true; RSS_SAMPLER=""
  cat "$WORK/rss-max"
}

# mint_tokens FILE PREFIX N: N demo JWTs (subjects PREFIX-1..N) from /local/token over one keep-alive connection.
mint_tokens() {
  local file=$1 prefix=$2 n=$3
  seq 1 "$n" | awk -v p="$PORT" -v s="$prefix" \
    '{printf "url = \"http://127.0.0.1:%s/local/token?sub=%s-%d&ttl=86400\"\n", p, s, $1}' > "$WORK/mint.cfg"
  curl -sf -K "$WORK/mint.cfg" > "$file" || fail "minting tokens failed"
  [ "$(grep -c . "$file")" -eq "$n" ] || fail "minted $(grep -c . "$file") tokens, wanted $n"
  log "minted $n tokens ($prefix-*)"
}

# run_wrk NAME PATH CONNECTIONS SECONDS TOKENS [warmup]: closed-loop load; keeps the RESULT line in WRK_<NAME>.
# A warm-up run may end before its first answer (a cold JVM on a busy machine); a measured one may not.
run_wrk() {
  local name=$1 path=$2 conns=$3 seconds=$4 tokens=$5 warmup=${6:-}
  log "wrk $name: $path, $conns connections, ${seconds}s"
  BENCH_TOKENS=$tokens wrk -t"$THREADS" -c"$conns" -d"${seconds}s" --timeout 10s \
    -s "$ROOT/bench/rotate-tokens.lua" "http://127.0.0.1:$PORT$path" > "$WORK/wrk-$name.out" 2>&1 \
    || fail "wrk $name failed (see $WORK/wrk-$name.out)"
  local result; result=$(grep '^RESULT' "$WORK/wrk-$name.out") || fail "wrk $name printed no result"
  [ "$(field "$result" requests)" -gt 0 ] || [ -n "$warmup" ] || fail "wrk $name got no answer"
  declare -g "WRK_$name=$result"
}

wrk_field() { local v="WRK_$1"; field "${!v}" "$2"; }
ok_requests() { echo $(( $(wrk_field "$1" requests) - $(wrk_field "$1" status_errors) )); }
rps() { awk -v r="$(wrk_field "$1" requests)" -v d="$(wrk_field "$1" duration_us)" 'BEGIN {printf "%.0f", r * 1e6 / d}'; }
ms() { awk -v u="$(wrk_field "$1" "$2")" 'BEGIN {printf "%.2f", u / 1000}'; }

# metric 'name{label="v"': the sum of the samples of that name carrying that label, wherever Prometheus puts it
# among the others (labels are sorted: stsvend_sts_assume_role_seconds_count{code="none",outcome="success"}).
metric() {
  curl -sf "http://127.0.0.1:$PORT/q/metrics" | awk -v p="$1" '
    BEGIN { brace = index(p, "{"); name = substr(p, 1, brace); label = substr(p, brace + 1) }
    index($0, name) == 1 && index(substr($0, brace + 1), label) > 0 && $0 !~ /^#/ {s += $NF}
    END {printf "%.0f", s}'
}
metric_int() { metric "$1"; }

# profile NAME PATH: JFR (profile settings) around a hot run at 16 connections; hotspots to profile-NAME.md.
profile() {
  local name=$1 path=$2
  jcmd "$APP_PID" JFR.start name="$name" settings=profile filename="$WORK/$name.jfr" >/dev/null \
    || fail "JFR start failed"
  run_wrk "prof_$name" "$path" 16 "$DURATION" "$WORK/users.txt"
  jcmd "$APP_PID" JFR.stop name="$name" >/dev/null || fail "JFR stop failed"
  "${JAVA_TOOL[@]}" io.stsvend.bench.JfrHotspots "$WORK/$name.jfr" > "$WORK/profile-$name.md" \
    || fail "JFR analysis failed"
}

# The first AssumeRole calls of a fresh JVM load the SDK's classes; on a busy machine a burst of them can exceed the
# 2 s connect timeout. A few sequential calls first, so the fill measures the service, not class loading.
warm_sts_path() {
  mint_tokens "$WORK/warm.txt" "warm-$RANDOM" 4
  while read -r token; do
    curl -s -o /dev/null -m 30 -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/credentials" || true
  done < "$WORK/warm.txt"
}

# fill_cache TOKENS N: rounds of wrk over every token until N users were served by a miss (failures are never
# cached, so a user whose first call failed is filled by the next round).
fill_cache() {
  local tokens=$1 n=$2 misses
  for round in 1 2 3 4 5; do
    BENCH_TOKENS=$tokens wrk -t"$THREADS" -c16 -d"$(( n * STS_DELAY_MS / 8000 + 3 ))s" --timeout 10s \
      -s "$ROOT/bench/rotate-tokens.lua" "http://127.0.0.1:$PORT/credentials" > "$WORK/wrk-fill-$round.out" 2>&1 \
      || fail "wrk fill failed (see $WORK/wrk-fill-$round.out)"
    misses=$(metric 'stsvend_credentials_requests_total{outcome="miss"')
    log "cache fill round $round: $misses users filled"
    [ "$misses" -ge "$(( n + 4 ))" ] && return
  done
  fail "cache fill served only $misses misses for $n users (+4 warm-up)"
}
