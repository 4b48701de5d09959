#!/usr/bin/env bash
# Throughput and latency of `bulwark serve` on loopback with durable audit (release build):
# 1. saturation: wrk with 2 threads and 64 connections for 20 s;
# 2. half that load for 20 s, from clients pausing an exponentially distributed time between
#    calls: p99 must stay under 5 ms;
# 3. the same pacing against GET /healthz, as the baseline of the HTTP stack and wrk;
# 4. half load again from clients pausing a fixed time (they fall into bursts): a stress case.
# Then the audit chain of every decision is verified. Needs wrk (installed when missing).
# Environment: DURATION (s per phase, default 20), HALF (the half-load rate), BIN, PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
# BIN measures another build (an older commit's binary) instead of building this checkout.
if [ -z "${BIN:-}" ]; then swift build -c release --product bulwark >/dev/null; fi
bin=${BIN:-$PWD/.build/release/bulwark}
dir=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
secret=$($bin admin create-agent --db "$dir/b.db" --id bench --allow-bearer 2>/dev/null)
port=${PORT:-18700}
# One agent at thousands of calls a second would spend its per-agent budget at once: off here.
$bin serve --db "$dir/b.db" --port "$port" --agent-budget 0 2>"$dir/serve.log" &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
export BULWARK_AGENT=bench BULWARK_SECRET=$secret
duration=${DURATION:-20}
# Group commits and the records they held since start (gauges), for the mean batch of a run.
counts() { curl -sf "http://127.0.0.1:$port/metrics" | awk '/^bulwark_audit_commits /{c=$2} /^bulwark_audit_records /{r=$2} END{print c, r}'; }
batches() { echo "$1 $2" | awk '{ c = $3 - $1; r = $4 - $2; printf "   group commits: %d for %d records (%.1f a commit)\n", c, r, c ? r / c : 0 }'; }
echo "== saturation (wrk -t2 -c64 -d${duration}s)"
counts0=$(counts)
sat=$(BULWARK_DELAY_MS=0 wrk -t2 -c64 -d"${duration}s" -s Benchmarks/serve_load.lua "http://127.0.0.1:$port" | tail -1)
echo "$sat"
batches "$counts0" "$(counts)"
rate=$(echo "$sat" | sed -E 's/.* ([0-9]+) req\/s/\1/')
# HALF fixes the half-load target instead (e.g. HALF=5000: half the 10,000/s bar).
half=${HALF:-$((rate / 2))}
# Half load: each connection pauses after every answer for an exponentially distributed time
# of mean 10 ms (independent clients, arrivals close to a Poisson process). With about 11.5 ms
# per cycle, this many connections offer half the saturation rate (the achieved rate is printed).
conns=$(( (half * 115 + 9999) / 10000 ))
# The service's own view of a run: quantiles of its histograms over the run (interpolated within
# a bucket, as Prometheus's histogram_quantile does), from /metrics before and after.
histogram() { curl -sf "http://127.0.0.1:$port/metrics" | grep "^bulwark_$1_seconds_bucket" | sed -E 's/.*le="([^"]+)"} ([0-9]+)/\1 \2/'; }
quantiles() {
    join <(echo "$2") <(echo "$3") | awk -v name="$1" '{ le[NR] = $1; n[NR] = $3 - $2 } END {
        total = n[NR]; line = name ":"
        for (i = 1; i <= 2; i++) { q = i == 1 ? 50 : 99; want = total * q / 100; lo = 0; below = 0
            for (k = 1; k <= NR; k++) { if (n[k] >= want) { hi = le[k]; if (hi == "+Inf") { v = lo } else { v = lo + (hi - lo) * (want - below) / (n[k] - below) }; break }; lo = le[k]; below = n[k] }
            line = line sprintf(" p%s %.2f ms", q, v * 1000) }
        print line }'
}
echo "== half load (target $half req/s: wrk -t2 -c$conns, exponential pauses of mean 10 ms)"
inspect0=$(histogram inspect_duration) commit0=$(histogram commit_wait) duration0=$(histogram commit_duration) counts0=$(counts)
BULWARK_DELAY_DIST=exp BULWARK_DELAY_MS=10 wrk -t2 -c"$conns" -d"${duration}s" -s Benchmarks/serve_load.lua "http://127.0.0.1:$port" | tail -1
batches "$counts0" "$(counts)"
quantiles "   in the service (bulwark_inspect_duration_seconds)" "$inspect0" "$(histogram inspect_duration)"
quantiles "   of which the commit wait (bulwark_commit_wait_seconds)" "$commit0" "$(histogram commit_wait)"
quantiles "   a group commit itself, fsync included (bulwark_commit_duration_seconds)" "$duration0" "$(histogram commit_duration)"
echo "== baseline: GET /healthz at the same pacing (the HTTP stack and wrk alone)"
BULWARK_DELAY_DIST=exp BULWARK_DELAY_MS=10 wrk -t2 -c"$conns" -d"${duration}s" -s Benchmarks/serve_health.lua "http://127.0.0.1:$port/healthz" | tail -1
# The same rate with a fixed 10 ms pause: connections answered together pause together, so they
# lock into bursts of dozens of requests at once. A stress case, reported beside the bar.
echo "== phase-locked clients (wrk -t2 -c$conns, fixed 10 ms pauses)"
BULWARK_DELAY_MS=10 wrk -t2 -c"$conns" -d"${duration}s" -s Benchmarks/serve_load.lua "http://127.0.0.1:$port" | tail -1
kill $server; wait $server 2>/dev/null || true
echo "== audit chain"
$bin audit verify --db "$dir/b.db"
