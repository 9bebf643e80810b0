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

# The local flavour (build profile "local": local mode built in, switched on with -Dstsvend.local.enabled=true, so
# /local/token and /local/floor exist) is what the bench starts; the production build in target/quarkus-app has no local mode and serves ReplicaCalls, which
# runs it against a cloud box outside it. Both are reused unless a source or the pom is newer (or --rebuild).
LOCAL_APP=$ROOT/target/local-app/quarkus-run.jar
ensure_build() {
  local jar=$ROOT/target/quarkus-app/quarkus-run.jar marker=$ROOT/target/test-classes/META-INF/BenchmarkList
  if $REBUILD || [ ! -f "$jar" ] || [ ! -f "$LOCAL_APP" ] || [ ! -f "$marker" ] || [ "$jar" -nt "$LOCAL_APP" ] \
      || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
    log "building: ./mvnw -q package -DskipTests, then the local flavour with -Dquarkus.profile=local"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests && ./mvnw -B -q package -DskipTests -Dquarkus.profile=local) >&2 \
      || fail "build failed"
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
    # Below Linux's ephemeral range (32768+): a port some outgoing connection holds looks free to the probe below
    # but cannot be bound (BindException seen on a busy machine).
    port=$(( 20000 + RANDOM % 12000 ))
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

# Every service process verifies JWTs against the test key pair (src/test/resources/test-keys, issuer and audience
# from local mode), so tokens minted by one process stay valid for the next: the fresh-process scenario can send its
# first requests without minting from itself first.
FIXED_KEYS=(-Dmp.jwt.verify.publickey.location="file:$ROOT/src/test/resources/test-keys/publicKey.pem"
  -Dsmallrye.jwt.sign.key.location="file:$ROOT/src/test/resources/test-keys/privateKey.pem")
# Vert.x warns when an event-loop task has run longer than this (checked once a second by its blocked-thread checker);
# the warnings in app-NAME.log are the event-loop stalls the report counts, each with the blocked thread's stack
# (warning-exception-time), which says what ran.
STALL_OPTS=(-Dquarkus.vertx.max-event-loop-execute-time=100ms -Dquarkus.vertx.warning-exception-time=100ms)
APP_JAVA=${APP_JAVA:-java}

# start_app NAME [JVM options...]: the packaged local flavour in local mode on loopback, run by $APP_JAVA; sets
# APP_PID, PORT, APP_START_MS (JVM launch until the first 200 from /q/health/ready).
start_app() {
  local name=$1; shift
  PORT=$(free_port)
  # Explicit emulator ports: "-Dstsvend.local.sts.port=0" does not work, because a system property outranks the
  # local-cloud config source that resolves 0 to a free port (the service would call one port, STS listen on another).
  local sts_port oss_port; sts_port=$(free_port) oss_port=$(free_port)
  local t0; t0=$(now_ms)
  "$APP_JAVA" -Dstsvend.local.enabled=true -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
    -Dstsvend.local.sts.port="$sts_port" -Dstsvend.local.oss.port="$oss_port" \
    -Dstsvend.local.sts.response-delay="${STS_DELAY_MS}ms" "${QUOTA_GUARDS[@]}" "${FIXED_KEYS[@]}" "${STALL_OPTS[@]}" \
    $JVM_OPTS "$@" -jar "$LOCAL_APP" > "$WORK/app-$name.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 6000); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then
      APP_START_MS=$(( $(now_ms) - t0 ))
      log "app '$name' (pid $APP_PID, $("$APP_JAVA" -version 2>&1 | head -n 1)) ready on :$PORT after ${APP_START_MS} ms"
      return
    fi
    kill -0 "$APP_PID" 2>/dev/null || fail "app '$name' exited during startup (see $WORK/app-$name.log)"
    sleep 0.01
  done
  fail "app '$name' not ready after 60 s"
}

# image_jvm_opts: the JVM options of src/main/docker/Dockerfile.jvm's JAVA_OPTS as they act in a pod of the manifests:
# MaxRAMPercentage of the container's memory limit (deploy/k8s/base/deployment.yaml) becomes -Xmx, InitialRAMPercentage
# -Xms, the AOT cache and -D options are left out (the bench passes its own), everything else is kept.
image_jvm_opts() {
  local opts limit pct
  opts=$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' "$ROOT/src/main/docker/Dockerfile.jvm")
  limit=$(awk '/limits:/ {f = 1} f && /memory:/ {print $2; exit}' "$ROOT/deploy/k8s/base/deployment.yaml")
  case "$limit" in *Mi) limit=${limit%Mi} ;; *Gi) limit=$(( ${limit%Gi} * 1024 )) ;; *) fail "memory limit $limit" ;; esac
  # The JVM's own initial heap in a container is 1/64 of its limit unless InitialRAMPercentage says otherwise;
  # on the bench's machine it would be 1/64 of the machine's memory instead, so it is always given.
  case " $opts " in *" -XX:InitialRAMPercentage="*) ;; *) printf -- '-Xms%dm ' $(( limit / 64 )) ;; esac
  for o in $opts; do
    case "$o" in
      -XX:MaxRAMPercentage=*) pct=${o#*=}; printf -- '-Xmx%dm ' $(( limit * ${pct%%.*} / 100 )) ;;
      -XX:InitialRAMPercentage=*) pct=${o#*=}; printf -- '-Xms%dm ' $(( limit * ${pct%%.*} / 100 )) ;;
      -XX:AOTCache=*|-D*) ;;
      *) printf -- '%s ' "$o" ;;
    esac
  done
}

# train_aot_cache FILE: the image's training run (Dockerfile.jvm) with $JAVA25, writing the AOT cache FILE. It trains
# the local flavour, not the production jar the image trains: a cache is valid only for the class path that wrote it,
# and the bench starts the local flavour.
train_aot_cache() {
  local sts_port oss_port; sts_port=$(free_port) oss_port=$(free_port)
  timeout 600 "$JAVA25" -XX:AOTCacheOutput="$1" $(image_jvm_opts) -Dquarkus.appcds.generate=true \
    -Dstsvend.local.enabled=true -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$(free_port)" \
    -Dstsvend.local.sts.port="$sts_port" -Dstsvend.local.oss.port="$oss_port" "${FIXED_KEYS[@]}" \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -jar "$LOCAL_APP" > "$WORK/aot-training.log" 2>&1 \
    && [ -s "$1" ] || fail "AOT cache training run failed (see $WORK/aot-training.log)"
}

# train_prod_aot_cache FILE: the image's training run itself (Dockerfile.jvm's RUN, same placeholders, same
# options) on the production jar in target/quarkus-app, writing the AOT cache FILE for the RSS scenario, which runs
# that jar as a pod does: with the image's cache (its classes come mapped from the cache instead of being loaded
# into metaspace).
train_prod_aot_cache() {
  ALIBABA_CLOUD_ACCESS_KEY_ID=aot-training-placeholder ALIBABA_CLOUD_ACCESS_KEY_SECRET=aot-training-placeholder \
    timeout 600 "$JAVA25" -XX:AOTCacheOutput="$1" $(image_jvm_opts) -Dquarkus.appcds.generate=true \
    -Dstsvend.sts.endpoint=127.0.0.1:9 -Dstsvend.sts.protocol=http \
    -Dmp.jwt.verify.publickey.location=http://127.0.0.1:9/jwks -Dmp.jwt.verify.issuer=http://127.0.0.1:9 \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$(free_port)" \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/prod-aot-training.log" 2>&1 \
    && [ -s "$1" ] || fail "production AOT cache training run failed (see $WORK/prod-aot-training.log)"
}

# train_appcds FILE: the same training run on Java 17, writing a dynamic AppCDS archive FILE (JDK 13+
# -XX:ArchiveClassesAtExit; on -Dquarkus.appcds.generate=true, TrainingRequests sends the listening service its
# first requests and exits).
train_appcds() {
  local sts_port oss_port; sts_port=$(free_port) oss_port=$(free_port)
  timeout 600 java -XX:ArchiveClassesAtExit="$1" $(image_jvm_opts) -Dquarkus.appcds.generate=true \
    -Dstsvend.local.enabled=true -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$(free_port)" \
    -Dstsvend.local.sts.port="$sts_port" -Dstsvend.local.oss.port="$oss_port" "${FIXED_KEYS[@]}" \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -jar "$LOCAL_APP" > "$WORK/appcds-training.log" 2>&1 \
    && [ -s "$1" ] || fail "AppCDS training run failed (see $WORK/appcds-training.log)"
}

# stalls NAME: how many event-loop stalls Vert.x reported in app-NAME.log (see STALL_OPTS).
stalls() { grep -c 'vert.x-eventloop-thread-[0-9]*.* has been blocked for' "$WORK/app-$1.log" || true; }

# first_requests NAME TOKENS N CONNECTIONS: N requests to /credentials (tokens in turn), CONNECTIONS at a time
# (curl --parallel, keep-alive); keeps "requests= errors= p99_ms= max_ms=" in FIRST_<NAME>.
first_requests() {
  local name=$1 tokens=$2 n=$3 conns=$4
  awk -v n="$n" -v p="$PORT" '{t[NR] = $0} END {
      for (i = 0; i < n; i++) {
        printf "url = \"http://127.0.0.1:%s/credentials\"\nheader = \"Authorization: Bearer %s\"\n", p, t[i % NR + 1]
        printf "output = \"/dev/null\"\nwrite-out = \"%%{http_code} %%{time_total}\\n\"\n"
        # "next" only between transfers: a trailing one is an empty transfer, whose error aborts all the others
        if (i < n - 1) print "next"
      }}' "$tokens" > "$WORK/first-$name.cfg"
  curl -s -Z --parallel-max "$conns" -m 60 -K "$WORK/first-$name.cfg" > "$WORK/first-$name.out" \
    2> "$WORK/first-$name.err" || true
  declare -g "FIRST_$name=$(sort -k2 -n "$WORK/first-$name.out" | awk '
      {n++; if ($1 != 200) e++; t[n] = $2}
      END {i = int(n * 0.99); if (i < 1) i = 1
           printf "requests=%d errors=%d p99_ms=%.1f max_ms=%.1f", n, e, t[i] * 1000, t[n] * 1000}')"
  log "first requests $name: $(eval echo "\$FIRST_$name")"
}

# start_ms NAME [JVM options...]: one launch → ready of $APP_JAVA with those options, then stop; prints the ms.
start_ms() {
  start_app "$@" >&2
  stop_app
  echo "$APP_START_MS"
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

# CPU time (user + system, in clock ticks) a process has used so far.
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# run_wrk NAME PATH CONNECTIONS SECONDS TOKENS [warmup]: closed-loop load; keeps the RESULT line in WRK_<NAME>, with
# the service's CPU time during the run appended (cpu_ticks=N): the cost of a request measured apart from the load
# generator, which shares the cores and whose share moves throughput ratios.
# A warm-up run may end before its first answer (a cold JVM on a busy machine); a measured one may not.
run_wrk() {
  local name=$1 path=$2 conns=$3 seconds=$4 tokens=$5 warmup=${6:-}
  log "wrk $name: $path, $conns connections, ${seconds}s"
  local ticks; ticks=$(cpu_ticks "$APP_PID")
  BENCH_TOKENS=$tokens wrk -t"$THREADS" -c"$conns" -d"${seconds}s" --timeout 10s \
    -s "$ROOT/bench/rotate-tokens.lua" "http://127.0.0.1:$PORT$path" > "$WORK/wrk-$name.out" 2>&1 \
    || fail "wrk $name failed (see $WORK/wrk-$name.out)"
  local result; result=$(grep '^RESULT' "$WORK/wrk-$name.out") || fail "wrk $name printed no result"
  [ "$(field "$result" requests)" -gt 0 ] || [ -n "$warmup" ] || fail "wrk $name got no answer"
  declare -g "WRK_$name=$result cpu_ticks=$(( $(cpu_ticks "$APP_PID") - ticks ))"
}

wrk_field() { local v="WRK_$1"; field "${!v}" "$2"; }
ok_requests() { echo $(( $(wrk_field "$1" requests) - $(wrk_field "$1" status_errors) )); }
rps() { awk -v r="$(wrk_field "$1" requests)" -v d="$(wrk_field "$1" duration_us)" 'BEGIN {printf "%.0f", r * 1e6 / d}'; }
ms() { awk -v u="$(wrk_field "$1" "$2")" 'BEGIN {printf "%.2f", u / 1000}'; }
# cpu_us NAME: the service's CPU microseconds per request of that run.
cpu_us() { awk -v t="$(wrk_field "$1" cpu_ticks)" -v r="$(wrk_field "$1" requests)" -v hz="$CLK_TCK" \
  'BEGIN {printf "%.0f", (r > 0 ? t * 1e6 / hz / r : 0)}'; }

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
profile() {  # profile NAME PATH CONNECTIONS
  local name=$1 path=$2 conns=${3:-16}
  jcmd "$APP_PID" JFR.start name="$name" settings=profile filename="$WORK/$name.jfr" >/dev/null \
    || fail "JFR start failed"
  run_wrk "prof_$name" "$path" "$conns" "$DURATION" "$WORK/users.txt"
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

# fill_cache TOKENS N [WANTED]: rounds of wrk over the tokens until the cache holds WANTED entries (default N + the
# 4 users of warm_sts_path). Each round goes on in the list where the last one stopped (and wraps), so a round that
# ends before the list does is not followed by rounds of hits on the same first users; failures are never cached, so
# a user whose call failed is filled on the next pass. Entries, not served misses: a miss whose client wrk abandoned
# at the end of a round fills the cache but is never counted as served, so on a busy machine a count of misses could
# stay short of N for every round.
fill_cache() {
  local tokens=$1 n=$2 wanted=${3:-$(( $2 + 4 ))} filled start=0 sent
  for round in $(seq 1 "${FILL_ROUNDS:-5}"); do
    BENCH_START=$start BENCH_TOKENS=$tokens wrk -t"$THREADS" -c16 -d"${FILL_SECONDS:-$(( n * STS_DELAY_MS / 8000 + 3 ))}s" --timeout 10s \
      -s "$ROOT/bench/rotate-tokens.lua" "http://127.0.0.1:$PORT/credentials" > "$WORK/wrk-fill-$round.out" 2>&1 \
      || fail "wrk fill failed (see $WORK/wrk-fill-$round.out)"
    sent=$(sed -n 's/^RESULT requests=\([0-9]*\).*/\1/p' "$WORK/wrk-fill-$round.out")
    start=$(( start + ${sent:-0} ))
    filled=$(metric 'cache_size{cache="sts-credentials"')
    log "cache fill round $round: $filled users filled"
    [ "$filled" -ge "$wanted" ] && return
  done
  fail "cache fill holds only $filled users, wanted $wanted"
}
