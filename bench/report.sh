# Prints the Markdown results of bench/run.sh (sourced by it, after every scenario ran; reads its variables).

calc() { awk "BEGIN {printf \"$1\", $2}"; }
verdict() { if awk "BEGIN {exit !($1)}"; then echo "**met**"; else echo "**missed**"; fi; }

HOT16=$(rps hot16) HOT64=$(rps hot64) FLOOR16=$(rps floor16) FLOOR64=$(rps floor64)
TRIVIAL16=$(rps trivial16) TRIVIAL64=$(rps trivial64)
TCOST16=$(calc %.2f "$TRIVIAL16 / $HOT16") TCOST64=$(calc %.2f "$TRIVIAL64 / $HOT64")
CCOST16=$(calc %.2f "$(cpu_us hot16) / $(cpu_us trivial16)") CCOST64=$(calc %.2f "$(cpu_us hot64) / $(cpu_us trivial64)")
SCALING=$(calc %.2f "$HOT64 / $HOT16")
first() { local v="FIRST_$1"; field "${!v}" "$2"; }
HALF_P99=$(calc %.2f "$(field "$FIXED_half" p99_us) / 1000")
START_TARGET=${STARTAOT/n\/a/$START17}
NC16=$(rps nocache16) NC64=$(rps nocache64)
COST16=$(calc %.2f "$FLOOR16 / $HOT16") COST64=$(calc %.2f "$FLOOR64 / $HOT64")
NCR16=$(calc %.1f "$HOT16 / $NC16") NCR64=$(calc %.1f "$HOT64 / $NC64")
P99_64=$(ms hot64 p99_us)
PER_USER=$(calc %.3f "$FILLED_CALLS / $USERS")
QUARKUS_STARTED=$(grep -o 'started in [0-9.]*s' "$WORK/app-cached.log" | head -1 || true)
JMH_SUM=$(calc %.1f "$JMH_jwtVerify + $JMH_grantsAndFingerprint + $JMH_cacheLookup + $JMH_serializeResponse")
HOT_US=$(calc %.0f "1e6 * 2 / $HOT16") FLOOR_US=$(calc %.0f "1e6 * 2 / $FLOOR16")
fixed() { local v="FIXED_$1"; field "${!v}" "$2"; }
fixed_ms() { calc %.2f "$(fixed "$1" "$2") / 1000"; }
fixed_share() { calc %.0f "$(fixed "$1" "$2") / $CLK_TCK / ($DURATION + $WARMUP) * 100"; }
fixed_row() {
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(fixed "$1" rate)" "$(fixed "$1" sent)" \
    "$(fixed "$1" ok)" "$(fixed "$1" errors)" "$(fixed_ms "$1" p50_us)" "$(fixed_ms "$1" p90_us)" \
    "$(fixed_ms "$1" p99_us)" "$(fixed_ms "$1" p999_us)" "$(fixed_ms "$1" max_us)" "$(fixed_share "$1" app_ticks)" \
    "$(fixed_share "$1" gen_ticks)"
}

replica_field() { field "$(grep "^RESULT scenario=$1 " "$WORK/replicas.out")" "$2"; }
replica_rows() {  # one table row per RESULT line of ReplicaCalls
  grep '^RESULT' "$WORK/replicas.out" | while read -r line; do
    local users calls; users=$(field "$line" users) calls=$(field "$line" calls)
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | **%s** | %s |\n' "$(field "$line" scenario)" \
      "$(field "$line" replicas)" "$(field "$line" shared)" "$(field "$line" routing)" "$users" \
      "$(field "$line" requests)" "$(field "$line" errors)" "$calls" "$(calc %.2f "$calls / $users")" \
      "$(calc %.0f "$calls / $users * 100000 / 1800")"
  done
}

row() {  # row LABEL NAME: one wrk run as a table row
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$(rps "$2")" "$(cpu_us "$2")" "$(ms "$2" p50_us)" \
    "$(ms "$2" p99_us)" "$(ms "$2" p999_us)" "$(wrk_field "$2" status_errors)" "$(wrk_field "$2" socket_errors)"
}

cat <<EOF
# stsvend benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')$($SMOKE && echo ' (SMOKE: figures meaningless)')

| machine | value |
|---|---|
| CPU cores | $(nproc) ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)) |
| JVM | $(java -version 2>&1 | sed -n 2p) |
| load average at start / end | ${LOAD_START} / $(cut -d' ' -f1-3 /proc/loadavg) |
| users (hot) / cold tokens | $USERS / $COLD_TOKENS |
| STS emulator delay | ${STS_DELAY_MS} ms |
| quota guards (the emulator has no quota; bench/README.md) | raised: ${QUOTA_GUARDS[*]} |
| service JVM options (the hot-path run's process: the image's, as in a pod of the manifests) | \`${IMAGE_OPTS}${JVM_OPTS}\` |
| measured run length | ${DURATION} s each (wrk 4.1, $THREADS threads, loopback; load generator shares the cores) |
| commit | $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet -- . ':!bench/results' || echo ' (dirty)') |

## Throughput and latency (closed loop, wrk)

Service CPU µs/req: the service process's CPU time (user + system, /proc) during the run ÷ its requests, so the
cost of a request apart from wrk, which shares the two cores.

| scenario | req/s | service CPU µs/req | p50 ms | p99 ms | p99.9 ms | non-2xx | socket errors |
|---|---:|---:|---:|---:|---:|---:|---:|
$(row '/q/health, 16 conn (the issue'"'"'s reference)' health)
$(row 'trivial route: /q/health/live, 16 conn' trivial16)
$(row 'trivial route, 64 conn' trivial64)
$(row 'floor: /local/floor (HTTP + JWT), 16 conn' floor16)
$(row 'floor, 64 conn' floor64)
$(row '**hot**: /credentials, all cached, 16 conn' hot16)
$(row '**hot**, 64 conn' hot64)
$(row 'cold: every request a new user, 16 conn' cold16)
$(row 'no cache (quarkus.cache.enabled=false), 16 conn' nocache16)
$(row 'no cache, 64 conn' nocache64)

## Latency at a fixed rate (open loop, coordinated omission accounted)

bench FixedRateLoad (one java.nio thread + HdrHistogram; it reports a couple of hundred µs high, see bench/README.md), hot
/credentials at a quarter and at half the measured hot
capacity ($HOT_CAPACITY req/s, the better of 16 and 64 connections), 64 connections, latency measured from each
request's due time. CPU columns: each process's CPU time over the run (warm-up included) as a percentage of one
core; the two cores give 200%.

| rate req/s | measured | ok | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | service CPU % | generator CPU % |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
$(fixed_row quarter)
$(fixed_row half)

## STS traffic, memory, start

| figure | value |
|---|---|
| AssumeRole calls to fill the cache for $USERS users | $FILLED_CALLS ($PER_USER per user) |
| AssumeRole calls during the hot runs (cached users) | $HOT_CALLS |
| cold run: new users served / AssumeRole calls | $COLD_MISSES / $COLD_CALLS |
| whole cached run: AssumeRole calls / distinct users | $TOTAL_CALLS / $TOTAL_USERS |
| no-cache runs: 2xx responses / AssumeRole calls (calls include requests still in flight when wrk stopped) / cache hits | $NC_REQUESTS / $NC_CALLS / $NC_HITS |
| heap per cached user, $FOOTPRINT_USERS users, 600-char SecurityToken | $FOOT_BYTES bytes |
| heap per cached user, 1200-char SecurityToken | $FOOT1200_BYTES bytes |
| JVM launch → first ready probe (/q/health/ready 200), the cached run's process (Java 17, no cache) | $START_MS ms (Quarkus: $QUARKUS_STARTED) |
| RSS at idle (just started) | $((RSS_IDLE_KB / 1024)) MiB |
| RSS under load (max during hot runs) | $((RSS_LOAD_KB / 1024)) MiB |
| RSS at idle after the runs | $((RSS_AFTER_KB / 1024)) MiB |

## Start, a fresh process, RSS with many cached users (issue 16)

| figure | value |
|---|---|
| JVM launch → ready, Java 17 ($(java -version 2>&1 | head -n 1)), median of $START_RUNS (alternating; 1-min load before each round and after: ${START_LOADS}) | $START17 ms (each: $START17_ALL) |
| … Java 17, image JVM options, no cache | $START17IMG ms (each: $START17IMG_ALL) |
| … Java 17, image JVM options + AppCDS archive of the same training run | $START17CDS ms (each: $START17CDS_ALL) |
| … JDK 25 ($([ -n "$JAVA25" ] && "$JAVA25" -version 2>&1 | head -n 1)), image JVM options, no cache | $START25 ms (each: ${START25_ALL:- n/a}) |
| … JDK 25 with the image's AOT cache (the Dockerfile.jvm default) | $STARTAOT ms (each: ${STARTAOT_ALL:- n/a}) |
| fresh process (image JVM, options, cache): launch → ready | $FRESH_START_MS ms |
| … its first $FIRST_REQUESTS requests (16 at a time, 100 users): answered / non-200 / p99 / max | $(first fresh requests) / $(first fresh errors) / $(first fresh p99_ms) ms / $(first fresh max_ms) ms |
| … event-loop stalls > 100 ms reported by Vert.x during its whole life (checked once a second) | $FRESH_STALLS |
| image JVM options as in a pod of the manifests (bench image_jvm_opts) | \`$IMAGE_OPTS\` |
| users in the RSS scenario (answered once each by the production jar alone, bench ServiceFootprint) | $SERVICE_USERS ($SERVICE_MISSES) |
| … its JVM: the image's options, and the production jar's AOT cache (trained as Dockerfile.jvm trains it) | \`${IMAGE_OPTS}${FOOTPRINT_START[*]:-(no JDK 25: no cache)}\` |
| RSS under load with them (max, 64 conn, ${DURATION} s) | $((RSS_MANY_KB / 1024)) MiB |
| heap after the load (jcmd GC.heap_info: young; old) | ${HEAP_MANY:-n/a} |
| … its throughput and p99 meanwhile (64 conn) | $(rps many64) req/s, p99 $(ms many64 p99_us) ms |

## Replicas: AssumeRole calls per user (issue 8)

bench ReplicaCalls: the packaged application three times (prod profile, \`-Xmx256m\`, quota guards raised likewise),
all calling one standalone STS emulator that counts AssumeRole; first without the shared cache, then with it on one \`redis-server\`. Each scenario
takes fresh users; every user asks $REPLICA_ROUNDS times (rounds in shuffled order, 32 requests at a time), routed
round-robin over all requests (a Kubernetes Service) or by a hash of the \`Authorization\` header (the affinity
overlay's ingress). All of it falls within one token lifetime, so calls per user is the cost of a user per refresh
period. Last column: what that costs the account for 100,000 active users with 3600 s tokens refreshed at half-life
(calls per user × 100,000 ÷ 1,800 s), against a quota of about 100 AssumeRole/s.

| scenario | replicas | shared cache | routing | users | requests | errors | AssumeRole calls | calls per user | calls/s for 100k users |
|---|---:|---|---|---:|---:|---:|---:|---:|---:|
$(replica_rows)

Target (issue 8), one AssumeRole per user per refresh period however many replicas run:
$(verdict "$(replica_field three-replicas-shared calls) == $(replica_field three-replicas-shared users) && $(replica_field three-replicas-shared errors) == 0") — three replicas
with the shared cache made $(replica_field three-replicas-shared calls) calls for $(replica_field three-replicas-shared users) users (without it: $(replica_field three-replicas calls)).

## Targets (issue 6)

| target | measured | verdict |
|---|---|---|
| cost per cached request ≤ 1.5× the floor | ${COST16}× at 16 conn, ${COST64}× at 64 conn (floor req/s ÷ hot req/s) | $(verdict "$COST16 <= 1.5 && $COST64 <= 1.5") ($(calc %+.0f "($COST16 / 1.5 - 1) * 100")% against the limit at 16 conn) |
| p99 < 10 ms at 64 connections | ${P99_64} ms (closed loop, saturated); floor $(ms floor64 p99_us) ms | $(verdict "$P99_64 < 10") ($(calc %.1f "$P99_64 / 10")× the limit) |
| ≥ 50× the no-cache throughput | ${NCR16}× at 16 conn, ${NCR64}× at 64 conn | $(verdict "$NCR16 >= 50 && $NCR64 >= 50") (short by $(calc %.0f "(1 - $NCR16 / 50) * 100")% at 16 conn) |
| ≤ 2 KB heap per cached user | $FOOT_BYTES bytes ($FOOT1200_BYTES with a 1,200-char token) | $(verdict "$FOOT_BYTES <= 2048") ($(calc %.0f "$FOOT_BYTES / 20.48")% of the limit) |
| zero AssumeRole for cached users; one per user per refresh | $HOT_CALLS during hot runs; $PER_USER per user per refresh period | $(verdict "$HOT_CALLS == 0 && $FILLED_CALLS == $USERS") |

## Targets (issue 16)

Hot throughput "does not fall" from 16 to 64 connections is judged with 5% tolerance (run-to-run noise on a shared
machine is larger than that; see bench/results).

| target | measured | verdict |
|---|---|---|
| cached request ≤ 1.5× the cost of a trivial route (/q/health/live) | ${TCOST16}× at 16 conn, ${TCOST64}× at 64 conn (trivial req/s ÷ hot req/s); JWT floor: ${COST16}× / ${COST64}×; by service CPU per request: ${CCOST16}× / ${CCOST64}× | $(verdict "$TCOST16 <= 1.5 && $TCOST64 <= 1.5") (throughput); $(verdict "$CCOST16 <= 1.5 && $CCOST64 <= 1.5") (CPU) |
| hot throughput does not fall from 16 to 64 connections | $HOT16 → $HOT64 req/s (${SCALING}×) | $(verdict "$SCALING >= 0.95") |
| open-loop p99 ≤ 5 ms at half the hot capacity, 64 conn | ${HALF_P99} ms at $(field "$FIXED_half" rate) req/s | $(verdict "$HALF_P99 <= 5") |
| JVM launch → ready ≤ 1 s | ${START_TARGET} ms (the image's start; Java 17 plain: ${START17} ms) | $(verdict "$START_TARGET <= 1000") |
| no event-loop stall > 100 ms in a fresh process's first 1,000 requests | $FRESH_STALLS stalls reported; slowest of the first requests $(first fresh max_ms) ms | $(verdict "$FRESH_STALLS == 0 && $(first fresh errors) == 0") |
| RSS under load ≤ 400 MiB with 100,000 cached users, manifests' heap cap | $((RSS_MANY_KB / 1024)) MiB with $SERVICE_USERS users | $(verdict "${RSS_MANY_KB:-0} > 0 && ${RSS_MANY_KB:-0} <= 409600 && ${SERVICE_USERS:-0} >= 100000") |

## The hot path in parts (JMH, one thread, µs per operation)

| part | µs/op |
|---|---:|
| JWT verification (smallrye-jwt DefaultJWTParser, RS256 2048) | $JMH_jwtVerify |
| … of which the RSA signature check alone (JCA) | $JMH_rsaVerifyOnly |
| … a verified-token cache lookup instead (ConcurrentHashMap by token) | $JMH_verifiedTokenLookup |
| grants + session policy JSON + SHA-256 fingerprint | $JMH_grantsAndFingerprint |
| … of which claims → grants alone | $JMH_grantsOnly |
| cache key + Caffeine lookup + freshness check + unpacking the kept token | $JMH_cacheLookup |
| Jackson serialization of the 200 body | $JMH_serializeResponse |
| one audit line: JSON, log record, console pattern, flushed write (issue 16 lever 2; not in the sum) | ${JMH_auditLine:-n/a} |
| **sum of our parts** | **$JMH_SUM** |

End to end on $(nproc) cores (wrk at 16 connections, CPU shared with wrk): hot ≈ ${HOT_US} µs of CPU per request,
floor ≈ ${FLOOR_US} µs (2 cores ÷ req/s).

## Profile (JFR, profile settings, ${DURATION} s each; 16 connections unless named)

### hot: /credentials

$(cat "$WORK/profile-hot.md")

### hot at 64 connections: /credentials (issue 16: throughput must not fall from 16 to 64)

$(cat "$WORK/profile-hot64.md")

### floor: /local/floor

$(cat "$WORK/profile-floor.md")
EOF
