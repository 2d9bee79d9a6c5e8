#!/usr/bin/env bash
# Runs every benchmark (issues 6, 11, 26) and writes benchmarks/target/results/{results.txt,results.md}.
# Usage (from anywhere): benchmarks/run.sh
# Knobs (environment): BENCH_DURATION (s per wrk run, 10), BENCH_REPS (runs per server, 5),
#   BENCH_E2E_SECONDS (s per client round, 5), BENCH_E2E_WARMUP (s of JIT warm-up per side, 20), BENCH_STARTUP_REPS (5), BENCH_MEM_REQUESTS (1000000), BENCH_PIN (1 = taskset servers to CPU 0,
#   wrk to CPU 1), BENCH_SKIP_BUILD (1 = reuse the jars), BENCH_MAVEN_ARGS (e.g. "-o -Dspectral.skip=true"),
#   BENCH_PARTS (default "servers startup pieces client memory core hostile": which sections run),
#   BENCH_HOSTILE_XMX (256m: the mock's heap in the hostile memory run), BENCH_HOSTILE_LIMITS (10,40,1000:
#   the instance limits it runs with), BENCH_CORE_REPS (20: measured runs of the 1 MiB stall case), BENCH_STALLED (256 stalled
#   connections), BENCH_STALL_TIMEOUT (15 s: the mock's header/body/idle timeouts in the run),
#   BENCH_BASELINE_MOCK_JAR (another mock jar measured beside, e.g. one with the JDK front),
#   BENCH_MOCK_ARGS (extra mock flags, e.g. "--log none": the standalone jar logs every request by default),
#   BENCH_JAVA25 (a JDK 25 java for the start-up variants; default Temurin's, skipped when absent).
# Installs wrk and nginx (Debian packages) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-10}
REPS=${BENCH_REPS:-5}
STARTUP_REPS=${BENCH_STARTUP_REPS:-5}
MEM_REQUESTS=${BENCH_MEM_REQUESTS:-1000000}
PIN=${BENCH_PIN:-1}
CONNECTIONS=32
MOCK_PORT=18080
WIREMOCK_PORT=18081
NGINX_PORT=18083
JDK_PORT=18084
BASELINE_PORT=18085
WIREMOCK_VERSION=3.13.2
STALLED=${BENCH_STALLED:-256}
STALL_TIMEOUT=${BENCH_STALL_TIMEOUT:-15}   # s: header/body/idle timeouts of the mock under test
APP_ID=1234567890
SECRET=0123456789abcdef0123456789abcdef   # benchmark-only credential of a local mock
OUT=benchmarks/target/results
JAR=benchmarks/target/benchmarks.jar
MOCK_JAR=mock-server/target/zego-aiagent-mock-server.jar
WIREMOCK_JAR=benchmarks/target/wiremock-standalone.jar
WIREMOCK_ROOT=benchmarks/src/main/wiremock
LUA=benchmarks/src/main/wrk/signed.lua
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVA25=${BENCH_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}   # start-up on a newer JDK (skipped if absent)

# --- wrk (Debian package) -------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is missing; installing the Debian package" >&2
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && apt-get install -y -qq wrk) >&2 || true
  elif command -v sudo >/dev/null 2>&1; then
    (sudo apt-get update -qq && sudo apt-get install -y -qq wrk) >&2 || true
  fi
  command -v wrk >/dev/null 2>&1 || { echo "ERROR: wrk is required (apt-get install wrk) and could not be installed" >&2; exit 1; }
fi

# --- nginx (Debian package): the "what this machine can serve" reference ------------------
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$NGINX" ]; then
  echo "nginx is missing; installing the Debian package (its service is not started)" >&2
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  # policy-rc.d 101 = "do not start services from maintainer scripts" (removed again below)
  POLICY_ADDED=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod +x /usr/sbin/policy-rc.d && POLICY_ADDED=1
  fi
  ($SUDO apt-get update -qq && $SUDO apt-get install -y -qq nginx-light || $SUDO apt-get install -y -qq nginx) >&2 || true
  [ -n "$POLICY_ADDED" ] && $SUDO rm -f /usr/sbin/policy-rc.d
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  [ -x "$NGINX" ] || { echo "ERROR: nginx is required (apt-get install nginx-light) and could not be installed" >&2; exit 1; }
fi

# --- build --------------------------------------------------------------------------------
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086
  ./mvnw -B -ntp ${BENCH_MAVEN_ARGS:-} -Pbench -pl benchmarks -am package -DskipTests
fi

# Pinning: servers on CPU 0, wrk on CPU 1 (wrk then gets one thread). Off on 1-CPU machines.
SERVER_CPU=() ; LOAD_CPU=() ; WRK_THREADS=2 ; PINNED=no
if [ "$PIN" = 1 ] && command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
  SERVER_CPU=(taskset -c 0) ; LOAD_CPU=(taskset -c 1) ; WRK_THREADS=1 ; PINNED=yes
fi

rm -rf "$OUT" && mkdir -p "$OUT"
RESULTS=$OUT/results.txt
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

{
  echo "RESULT env date=$(date -u +%Y-%m-%dT%H:%MZ) nproc=$(nproc) cpu=\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\" ram_gib=$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo) jdk=\"$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.version/ {print $2}')\" wrk=\"$(wrk -v 2>&1 | head -1 | cut -d' ' -f2)\" nginx=\"$("$NGINX" -v 2>&1 | cut -d/ -f2)\" pinned=$PINNED load_before=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
} >> "$RESULTS"

want() { case " ${BENCH_PARTS:-servers startup pieces client memory core hostile} " in *" $1 "*) return 0 ;; esac; return 1; }

if want servers; then
# --- 1. throughput and latency: mock vs WireMock vs nginx, alternating, same signed request ----
# Every server is pinned to CPU 0 and started before the first run; they take turns under wrk.
#   mock           the mock's standalone jar (Netty front, full pipeline)
#   wiremock       WireMock standalone, a static stub of the same signed POST
#   nginx          nginx (Debian package) returning a constant JSON envelope: what this machine can serve
#   jdk-constant   the JDK HttpServer hardened as far as it goes, returning the same constant:
#                  the ceiling of any mock front built on it (ADR 0002)
#   mock-baseline  optional: another mock jar (BENCH_BASELINE_MOCK_JAR), e.g. the JDK-front mock
echo "== throughput: mock vs WireMock $WIREMOCK_VERSION vs nginx, $CONNECTIONS connections, ${REPS}x${DURATION}s each" >&2
"${SERVER_CPU[@]}" "$JAVA" -jar "$MOCK_JAR" --port $MOCK_PORT --app-id $APP_ID --server-secret $SECRET \
  --qps-limit 0 --header-timeout "$STALL_TIMEOUT" --body-timeout "$STALL_TIMEOUT" --idle-timeout "$STALL_TIMEOUT" \
  ${BENCH_MOCK_ARGS:-} > "$OUT/mock.log" 2>&1 &
PIDS+=($!)
# The journal is capped like the mock's (1,000 entries), so neither server grows without bound.
"${SERVER_CPU[@]}" "$JAVA" -jar "$WIREMOCK_JAR" --port $WIREMOCK_PORT --root-dir "$WIREMOCK_ROOT" \
  --disable-banner --max-request-journal-entries 1000 > "$OUT/wiremock.log" 2>&1 &
PIDS+=($!)
sed -e "s|@PORT@|$NGINX_PORT|" -e "s|@DIR@|$PWD/$OUT/nginx|g" benchmarks/src/main/nginx/nginx.conf > "$OUT/nginx.conf"
mkdir -p "$OUT/nginx"
"${SERVER_CPU[@]}" "$NGINX" -p "$PWD/$OUT/nginx" -c "$PWD/$OUT/nginx.conf" > "$OUT/nginx.log" 2>&1 &
PIDS+=($!)
"${SERVER_CPU[@]}" "$JAVA" -cp "$JAR" io.github.zegoaiagent.bench.JdkConstantServer $JDK_PORT > "$OUT/jdk-constant.log" 2>&1 &
PIDS+=($!)
SERVERS="mock:$MOCK_PORT wiremock:$WIREMOCK_PORT nginx:$NGINX_PORT jdk-constant:$JDK_PORT"
if [ -n "${BENCH_BASELINE_MOCK_JAR:-}" ]; then
  "${SERVER_CPU[@]}" "$JAVA" -jar "$BENCH_BASELINE_MOCK_JAR" --port $BASELINE_PORT --app-id $APP_ID --server-secret $SECRET \
    --qps-limit 0 > "$OUT/mock-baseline.log" 2>&1 &
  PIDS+=($!)
  SERVERS="$SERVERS mock-baseline:$BASELINE_PORT"
fi

prep() { # server port
  # A fresh pool per run keeps every Timestamp well inside the 600 s window.
  "$JAVA" -cp "$JAR" io.github.zegoaiagent.bench.LoadPrep "http://127.0.0.1:$2/" $APP_ID $SECRET 100000 "$OUT/pool-$1" \
    "$(case $1 in mock*) echo mock ;; *) echo static ;; esac)" > /dev/null
}
wrk_run() { # server port seconds run-label
  prep "$1" "$2"
  fire "$@"
}
fire() { # server port seconds run-label
  local dir=$OUT/pool-$1
  "${LOAD_CPU[@]}" wrk -t$WRK_THREADS -c$CONNECTIONS -d"$3"s -s "$LUA" "http://127.0.0.1:$2" -- "$dir" \
    2>"$OUT/wrk-$1.err" | grep '^RESULT_WRK' | sed "s/^RESULT_WRK/RESULT throughput server=$1 run=$4/"
}
for sp in $SERVERS; do wrk_run "${sp%%:*}" "${sp##*:}" 5 warmup >/dev/null; done
for r in $(seq 1 "$REPS"); do
  for sp in $SERVERS; do wrk_run "${sp%%:*}" "${sp##*:}" "$DURATION" "$r" | tee -a "$RESULTS" >&2; done
done

# --- 1b. the mock with stalled connections open beside the measured client -----------------
echo "== stalled: $STALLED stalled connections open while wrk measures the mock" >&2
prep mock $MOCK_PORT
"${LOAD_CPU[@]}" "$JAVA" -cp "$JAR" io.github.zegoaiagent.bench.StalledClients $MOCK_PORT "$STALLED" \
  $((STALL_TIMEOUT * 3 + 30)) > "$OUT/stalled.txt" 2>&1 &
STALL_PID=$!
for _ in $(seq 1 100); do grep -q "STALLED open" "$OUT/stalled.txt" 2>/dev/null && break; sleep 0.1; done
# Shorter than the stall timeout, so every stalled connection is open for the whole run.
fire mock $MOCK_PORT $((STALL_TIMEOUT - 5)) stalled | sed "s/server=mock/server=mock-stalled/" | tee -a "$RESULTS" >&2
wait $STALL_PID || true
grep '^RESULT' "$OUT/stalled.txt" | tee -a "$RESULTS" >&2
cleanup; PIDS=()
sleep 1

# --- 1c. heap with idle connections (in-process mock) -------------------------------------
"$JAVA" -cp "$JAR" io.github.zegoaiagent.bench.ConnectionsBench 1000 | grep '^RESULT' | tee -a "$RESULTS" >&2
fi

if want startup; then
# --- 2. startup (issue 26) ----------------------------------------------------------------
# Fresh JVM to first Code 0, every way of starting side by side, taking turns: the standalone jar
# plain and with the build's CDS archive, MockServer.start in a fresh JVM, WireMock standalone and
# in-process, and on JDK 25 (BENCH_JAVA25) plain, auto-created archive and AOT cache.
echo "== startup: fresh JVM to first Code 0, ${STARTUP_REPS}x each way" >&2
"$JAVA" -cp "$JAR" io.github.zegoaiagent.bench.StartupBench "$MOCK_JAR" "$WIREMOCK_JAR" "$WIREMOCK_ROOT" \
  "$STARTUP_REPS" 18082 "$JAR" "$OUT/startup" "$JAVA25" | grep '^RESULT' | tee -a "$RESULTS" >&2

fi

if want pieces; then
# --- 2b. the mock's per-request pieces (JMH, with allocation per operation) ---------------
echo "== mock pieces: JMH with -prof gc" >&2
"$JAVA" -jar "$JAR" MockPiecesBench -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc -rf csv -rff "$OUT/jmh-mock.csv" \
  > "$OUT/jmh-mock.log" 2>&1
tail -n +2 "$OUT/jmh-mock.csv" | tr -d '"' | awk -F, '
  { name = $1; sub(/.*MockPiecesBench\./, "", name) }
  name !~ /:/ { order[++k] = name; ns[name] = $5; err[name] = $6 }
  name ~ /:gc\.alloc\.rate\.norm$/ { sub(/:.*/, "", name); bytes[name] = $5 }
  END { for (i = 1; i <= k; i++) { b = order[i]
        printf "RESULT jmh-mock bench=%s ns_per_op=%.1f error_ns=%.1f bytes_per_op=%.0f\n", b, ns[b], err[b], bytes[b] } }' \
  | tee -a "$RESULTS" >&2

fi

if want client; then
# --- 3. client: JMH per-call pieces, then end to end against the mock ---------------------
echo "== client: JMH" >&2
"$JAVA" -jar "$JAR" ClientPiecesBench -f 1 -wi 3 -w 1s -i 5 -r 1s -rf csv -rff "$OUT/jmh.csv" > "$OUT/jmh.log" 2>&1
tail -n +2 "$OUT/jmh.csv" | tr -d '"' | awk -F, '{split($1,a,"."); printf "RESULT jmh bench=%s us_per_op=%.3f error_us=%.3f\n", a[length(a)], $5, $6}' \
  | tee -a "$RESULTS" >&2

echo "== client: end to end against the mock" >&2
"$JAVA" -jar "$MOCK_JAR" --port $MOCK_PORT --app-id $APP_ID --server-secret $SECRET --qps-limit 0 > "$OUT/mock-e2e.log" 2>&1 &
PIDS+=($!)
for threads in 1 8 async-64; do
  "$JAVA" -cp "$JAR" io.github.zegoaiagent.bench.ClientE2E "http://127.0.0.1:$MOCK_PORT/" $APP_ID $SECRET \
    $threads "${BENCH_E2E_SECONDS:-5}" "$REPS" "${BENCH_E2E_WARMUP:-20}" | grep '^RESULT' | tee -a "$RESULTS" >&2
done
cleanup; PIDS=()

fi

if want memory; then
# --- 4. memory --------------------------------------------------------------------------
echo "== memory: 10,000 instances, then $MEM_REQUESTS requests (in-process mock)" >&2
"$JAVA" -cp "$JAR" io.github.zegoaiagent.bench.MemoryBench 10000 "$MEM_REQUESTS" 8 | grep '^RESULT' | tee -a "$RESULTS" >&2

fi

if want core; then
# --- 5. core (issue 21): no request stalls another; cost per sentence ---------------------
echo "== core: probes while a 1 MiB LLM text / a 4 MiB forwarded stream is handled; cost per sentence" >&2
"$JAVA" -cp "$JAR" io.github.zegoaiagent.bench.CoreBench "${BENCH_CORE_REPS:-20}" | grep '^RESULT' | tee -a "$RESULTS" >&2
fi

if want hostile; then
# --- 6. hostile memory run (issue 21): the standalone jar under a small heap ---------------
echo "== hostile memory: -Xmx${BENCH_HOSTILE_XMX:-256m}, instance limits ${BENCH_HOSTILE_LIMITS:-10,40,1000}" >&2
"$JAVA" -cp "$JAR" io.github.zegoaiagent.bench.HostileMemoryBench "$MOCK_JAR" "${BENCH_HOSTILE_XMX:-256m}" \
  "${BENCH_HOSTILE_LIMITS:-10,40,1000}" | grep '^RESULT' | tee -a "$RESULTS" >&2
fi

echo "RESULT env_end load_after=\"$(cut -d' ' -f1-3 /proc/loadavg)\"" >> "$RESULTS"
"$JAVA" -cp "$JAR" io.github.zegoaiagent.bench.Report "$RESULTS" > "$OUT/results.md"
cat "$OUT/results.md"
