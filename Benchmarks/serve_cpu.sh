#!/usr/bin/env bash
# CPU that `bulwark serve` spends per request, per thread, at a paced load (release build):
# POST /v1/inspect (Benchmarks/serve_load.lua), then GET /healthz as the HTTP stack's baseline,
# each from CONNS connections pausing an exponentially distributed time of mean 10 ms between
# calls, for DURATION seconds. Reads the threads' user+system time from /proc. Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product bulwark >/dev/null
bin=$PWD/.build/release/bulwark
dir=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
secret=$($bin admin create-agent --db "$dir/b.db" --id bench --allow-bearer 2>/dev/null)
port=${PORT:-18701}
$bin serve --db "$dir/b.db" --port "$port" --agent-budget 0 2>"$dir/serve.log" &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
export BULWARK_AGENT=bench BULWARK_SECRET=$secret BULWARK_DELAY_DIST=exp BULWARK_DELAY_MS=10
conns=${CONNS:-55} duration=${DURATION:-10}
BULWARK_DELAY_MS=0 wrk -t2 -c32 -d2s -s Benchmarks/serve_load.lua "http://127.0.0.1:$port" >/dev/null
ticks() { for t in /proc/$server/task/*; do echo "$(basename "$t") $(tr ' ' '_' < "$t/comm") $(awk '{print $14 + $15}' "$t/stat")"; done | sort; }
for run in "inspect serve_load /" "healthz serve_health /healthz"; do
    set -- $run
    ticks > "$dir/t0"
    out=$(wrk -t2 -c"$conns" -d"${duration}s" -s "Benchmarks/$2.lua" "http://127.0.0.1:$port$3" | tail -1)
    ticks > "$dir/t1"
    n=$(echo "$out" | sed -E 's/requests ([0-9]+).*/\1/')
    echo "== $1: $out"
    # A tick is 10 ms of CPU.
    join "$dir/t0" "$dir/t1" | awk -v n="$n" '{ d = $5 - $3; total += d; if (d > 0) printf "  thread %s %-16s %6.1f us/request\n", $1, $2, d * 10000 / n }
        END { printf "  all threads            %6.1f us/request\n", total * 10000 / n }'
done
