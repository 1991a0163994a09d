#!/usr/bin/env bash
# Side-by-side load runs of ActorTcp (raw and line framing) and its peers (Kestrel, a naive
# async-socket server, Node.js net) with bench/ActorTcp.Load, then docs/benchmarks.md's
# "Side by side" section and its plots (docs/benchmarks/*.png) from the medians.
#
#   bench/run.sh            the full run (about 18 minutes on 2 cores)
#   bench/run.sh --quick    small counts and short durations, to check the harness (about 5 minutes)
#   bench/run.sh --no-build skip the Release build
#
# Needs root (network namespaces for churn and dead peers), node, python3 and gnuplot (installed
# with apt-get when missing). Every server runs in its own process, the load generator in another;
# repetitions alternate between the servers, and the report takes medians.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=full
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --quick) MODE=quick ;;
    --no-build) BUILD=0 ;;
    *) echo "usage: bench/run.sh [--quick] [--no-build]" >&2; exit 2 ;;
  esac
done

if [[ $MODE == full ]]; then
  IDLE_N=15000 IDLE_HOLD=30s IDLE_STEPS=5 IDLE_REPS=1
  ECHO_DURATION=5s ECHO_WARMUP=2s ECHO_REPS=7
  CHURN_DURATION=6s CHURN_REPS=5
  DEAD_N=1000 DEAD_REPS=3
else
  IDLE_N=2000 IDLE_HOLD=5s IDLE_STEPS=2 IDLE_REPS=1
  ECHO_DURATION=3s ECHO_WARMUP=1s ECHO_REPS=2
  CHURN_DURATION=2s CHURN_REPS=1
  DEAD_N=200 DEAD_REPS=1
fi
ECHO_CONNECTIONS=100 ECHO_SIZE=64 ECHO_PIPELINE=16
CHURN_WORKERS=16
# The ActorTcp server's heartbeat: active everywhere (it is what ActorTcp does for a living), with
# the timings of hocon/reference.conf. An idle hold at least one interval long sees every
# connection ping once: the steady-state rate of N / 30 pings per second.
HEARTBEAT=(--heartbeat active --heartbeat-interval 30s --heartbeat-timeout 10s --heartbeat-max-missed 3)
# Dead peers: a short budget so the run stays short: 2s + 1s × 2 = 4s, checked on a 10 ms tick.
# Quick runs hold for less than 30 s: a shorter interval there, so the pings are exercised too.
IDLE_HEARTBEAT=("${HEARTBEAT[@]}")
if [[ $MODE == quick ]]; then IDLE_HEARTBEAT=(--heartbeat active --heartbeat-interval 2s --heartbeat-timeout 2s --heartbeat-max-missed 3); fi
DEAD_HEARTBEAT=(--heartbeat active --heartbeat-interval 2s --heartbeat-timeout 1s --heartbeat-max-missed 2)
DEAD_BUDGET=4s

OUT="$ROOT/docs/benchmarks"
WORK=$(mktemp -d /tmp/actortcp-bench.XXXXXX)
RESULTS="$WORK/results.jsonl"
COMMANDS="$WORK/commands.txt"
: > "$RESULTS"
: > "$COMMANDS"
PORT=17100
SERVER_PID=
NETNS=

cleanup() {
  if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [[ -n $NETNS ]]; then ip netns del "$NETNS" 2>/dev/null || true; fi
}
trap cleanup EXIT

log() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

if ! command -v gnuplot > /dev/null; then
  log "installing gnuplot"
  apt-get install -y gnuplot-nox > /dev/null || { apt-get update > /dev/null && apt-get install -y gnuplot-nox > /dev/null; }
fi
ulimit -n "$(ulimit -Hn)"

if [[ $BUILD == 1 ]]; then
  log "building Release"
  for project in bench/ActorTcp.Load bench/peers/EchoServer.ActorTcp bench/peers/EchoServer.Kestrel bench/peers/EchoServer.Naive; do
    dotnet build -c Release "$ROOT/$project" -v quiet -nologo > /dev/null
  done
fi

BIN=bin/Release/net10.0
LOAD="$ROOT/bench/ActorTcp.Load/$BIN/ActorTcp.Load"

# server_command TARGET PORT -> the server's command line without scenario flags
server_command() {
  local target=$1 port=$2
  case "$target" in
    actortcp-raw) echo "$ROOT/bench/peers/EchoServer.ActorTcp/$BIN/EchoServer.ActorTcp --port $port --framing raw" ;;
    actortcp-line) echo "$ROOT/bench/peers/EchoServer.ActorTcp/$BIN/EchoServer.ActorTcp --port $port --framing line" ;;
    kestrel) echo "$ROOT/bench/peers/EchoServer.Kestrel/$BIN/EchoServer.Kestrel --port $port" ;;
    naive) echo "$ROOT/bench/peers/EchoServer.Naive/$BIN/EchoServer.Naive --port $port" ;;
    node) echo "node $ROOT/bench/peers/node/echo-server.js --port $port" ;;
  esac
}

# peer_flags TARGET FLAGS... -> the flags that server understands: all of them for ActorTcp,
# only --close-after-reply for the peers (they have no heartbeat, limit or stats port)
peer_flags() {
  local target=$1
  shift
  if [[ $target == actortcp-* ]]; then echo "$*"; return; fi
  for flag in "$@"; do
    if [[ $flag == --close-after-reply ]]; then echo "$flag"; fi
  done
}

# start_server TARGET [NETNS] FLAGS... : starts it, waits for its "pid=... port=..." line
start_server() {
  local target=$1 netns=$2
  shift 2
  PORT=$((PORT + 1))
  local flags cmd
  flags=$(peer_flags "$target" "$@")
  cmd="$(server_command "$target" "$PORT") $flags"
  echo "server $target: ${netns:+ip netns exec <fresh namespace> }${cmd//$ROOT\//}" >> "$COMMANDS"
  local logfile="$WORK/server-$PORT.log"
  : > "$logfile"
  if [[ -n $netns ]]; then
    # shellcheck disable=SC2086
    ip netns exec "$netns" $cmd > "$logfile" 2>&1 &
  else
    # shellcheck disable=SC2086
    $cmd > "$logfile" 2>&1 &
  fi
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    if grep -q "pid=" "$logfile"; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$logfile" >&2; return 1; fi
    sleep 0.1
  done
  echo "server $target did not start" >&2
  return 1
}

# SIGTERM, then SIGKILL after 5 s: a server still holding dead peers' connections (Kestrel after
# the dead-peer run) would otherwise wait out its own shutdown timeout.
stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# load [NETNS] SCENARIO ARGS... : one load generator run, its JSON appended to the results
load() {
  local netns=$1
  shift
  echo "load: ${netns:+ip netns exec <fresh namespace> }ActorTcp.Load $*" | sed -E "s#$ROOT/##g" >> "$COMMANDS"
  local line status=0
  if [[ -n $netns ]]; then
    line=$(ip netns exec "$netns" "$LOAD" "$@" --json) || status=$?
  else
    line=$("$LOAD" "$@" --json) || status=$?
  fi
  # One failed run is reported and left out; the medians come from the others.
  if [[ $status != 0 ]]; then
    echo "load generator failed ($status): $*" >&2
    return 0
  fi
  echo "$line" >> "$RESULTS"
  echo "$line" | cut -c1-220 >&2
}

new_netns() {
  NETNS="atb-run-$$-$PORT"
  ip netns add "$NETNS"
  ip -n "$NETNS" link set lo up
}

drop_netns() {
  ip netns del "$NETNS"
  NETNS=
}

TARGETS=(actortcp-raw actortcp-line kestrel naive node)
IDLE_TARGETS=(actortcp-line kestrel naive node)

# rotated REP TARGET... -> the targets, starting one further along each repetition, so no server
# always runs first (after the previous scenario) or always follows the same neighbour
rotated() {
  local rep=$1
  shift
  local count=$#
  local targets=("$@")
  for i in $(seq 0 $((count - 1))); do
    echo "${targets[$(((rep - 1 + i) % count))]}"
  done
}
START=$(date -u +%FT%TZ)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log "idle: $IDLE_N connections, hold $IDLE_HOLD"
for rep in $(seq 1 "$IDLE_REPS"); do
  for target in $(rotated "$rep" "${IDLE_TARGETS[@]}"); do
    # start_server takes the next port; the stats port is that one + 1000.
    start_server "$target" "" "${IDLE_HEARTBEAT[@]}" --max-connections 19000 --stats-port $((PORT + 1 + 1000))
    stats=()
    if [[ $target == actortcp-* ]]; then stats=(--stats "127.0.0.1:$((PORT + 1000))"); fi
    load "" idle --target "127.0.0.1:$PORT" --connections "$IDLE_N" --hold "$IDLE_HOLD" --steps "$IDLE_STEPS" \
      --answer-pings --server-pid "$SERVER_PID" "${stats[@]}" --label "$target#$rep"
    stop_server
  done
done

log "echo: $ECHO_CONNECTIONS connections, $ECHO_SIZE B, $ECHO_PIPELINE in flight, $ECHO_DURATION"
for rep in $(seq 1 "$ECHO_REPS"); do
  for target in $(rotated "$rep" "${TARGETS[@]}"); do
    start_server "$target" "" "${HEARTBEAT[@]}"
    load "" echo --target "127.0.0.1:$PORT" --connections "$ECHO_CONNECTIONS" --size "$ECHO_SIZE" \
      --pipeline "$ECHO_PIPELINE" --duration "$ECHO_DURATION" --warmup "$ECHO_WARMUP" --label "$target#$rep"
    stop_server
  done
done

# Each churn run gets a fresh network namespace: its own TIME_WAIT table, so the counts belong
# to that run alone and no earlier run's TIME_WAIT sockets fill the kernel's cap.
for mode in client server; do
  extra=()
  server_extra=()
  if [[ $mode == server ]]; then extra=(--server-closes); server_extra=(--close-after-reply); fi
  log "churn ($mode closes): $CHURN_WORKERS workers, $CHURN_DURATION"
  for rep in $(seq 1 "$CHURN_REPS"); do
    for target in $(rotated "$rep" "${TARGETS[@]}"); do
      new_netns
      start_server "$target" "$NETNS" "${HEARTBEAT[@]}" "${server_extra[@]}"
      load "$NETNS" churn --target "127.0.0.1:$PORT" --workers "$CHURN_WORKERS" --duration "$CHURN_DURATION" \
        "${extra[@]}" --label "$target#$rep"
      stop_server
      drop_netns
    done
  done
done

log "dead peers: $DEAD_N connections, budget $DEAD_BUDGET"
for rep in $(seq 1 "$DEAD_REPS"); do
  start_server actortcp-line "" "${DEAD_HEARTBEAT[@]}"
  load "" deadpeer --server-port "$PORT" --connections "$DEAD_N" --budget "$DEAD_BUDGET" --label "actortcp-line#$rep"
  stop_server
done
# Kestrel has no heartbeat: once, to show what happens without one within the same watch.
start_server kestrel ""
load "" deadpeer --server-port "$PORT" --connections "$DEAD_N" --budget "$DEAD_BUDGET" --label "kestrel#1"
stop_server

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
log "report"
mkdir -p "$OUT"
cp "$RESULTS" "$OUT/results.jsonl"
python3 "$ROOT/bench/report.py" \
  --results "$RESULTS" --commands "$COMMANDS" --doc "$ROOT/docs/benchmarks.md" --plots "$OUT" \
  --mode "$MODE" --started "$START" --load-before "$LOAD_BEFORE" --load-after "$LOAD_AFTER"
rm -rf "$WORK"
