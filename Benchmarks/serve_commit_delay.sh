#!/usr/bin/env bash
# Throughput and the server's CPU per decision for each `--commit-delay` given (microseconds),
# alternating servers so that each setting sees the same machine (release build):
#   Benchmarks/serve_commit_delay.sh 0 200 1000           # saturation, 64 connections, 10 s
#   CONNS=58 DELAY_MS=10 Benchmarks/serve_commit_delay.sh 0 200   # half load (exponential pauses)
# ROUNDS (default 2) repeats the alternation. Prints wrk's line, the server's user+system CPU per
# request (from /proc) and the mean records per group commit (from /metrics). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product bulwark >/dev/null
bin=$PWD/.build/release/bulwark
port=${PORT:-18702} conns=${CONNS:-64} duration=${DURATION:-10}
run() {
    local dir; dir=$(mktemp -d)
    local secret; secret=$($bin admin create-agent --db "$dir/b.db" --id bench --allow-bearer 2>/dev/null)
    $bin serve --db "$dir/b.db" --port "$port" --agent-budget 0 --commit-delay "$1" 2>"$dir/serve.log" &
    local server=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
    export BULWARK_AGENT=bench BULWARK_SECRET=$secret
    BULWARK_DELAY_MS=0 wrk -t2 -c32 -d2s -s Benchmarks/serve_load.lua "http://127.0.0.1:$port" >/dev/null
    local t0; t0=$(awk '{print $14 + $15}' "/proc/$server/stat")
    local out; out=$(BULWARK_DELAY_MS=${DELAY_MS:-0} BULWARK_DELAY_DIST=exp wrk -t2 -c"$conns" -d"${duration}s" -s Benchmarks/serve_load.lua "http://127.0.0.1:$port" | tail -1)
    local t1; t1=$(awk '{print $14 + $15}' "/proc/$server/stat")
    local n; n=$(echo "$out" | sed -E 's/requests ([0-9]+).*/\1/')
    local batch; batch=$(curl -sf "http://127.0.0.1:$port/metrics" | awk '/^bulwark_audit_commits /{c=$2} /^bulwark_audit_records /{r=$2} END{printf "%.1f", c ? r / c : 0}')
    kill $server; wait $server 2>/dev/null || true
    rm -rf "$dir"
    # A tick is 10 ms of CPU.
    echo "--commit-delay $1: $out; server CPU $(( (t1 - t0) * 10000 / n )) us/request; $batch records a commit"
}
for _ in $(seq "${ROUNDS:-2}"); do for delay in "$@"; do run "$delay"; done; done
