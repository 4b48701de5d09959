"""Added latency of `bulwark mcp-proxy` per allowed tools/call round trip, and its memory.

python3 Benchmarks/mcp_latency.py BULWARK [CALLS]
Drives Tests/MCPPeers/raw_server.py (echo) directly and through the proxy with the same JSON
lines, one call at a time, and prints p50/p99 of both and of the difference; then 10,000
sequential calls and 200 concurrent ones through the proxy, checking every answer, with the
proxy's peak RSS (from /usr/bin/time -v).
"""
import json
import os
import subprocess
import sys
import time

bulwark = sys.argv[1]
calls = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
server = [sys.executable, os.path.join(root, "Tests/MCPPeers/raw_server.py"), "echo"]


def start(cmd):
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)


def call(i, text):
    return (json.dumps({"jsonrpc": "2.0", "id": i, "method": "tools/call",
                        "params": {"name": "echo", "arguments": {"text": text}}}) + "\n").encode()


def round_trips(cmd, n):
    p = start(cmd)
    out = p.stdout
    samples = []
    for i in range(n + 200):
        t = time.perf_counter_ns()
        p.stdin.write(call(i, "list the files in src/ please"))
        line = out.readline()
        dt = time.perf_counter_ns() - t
        assert json.loads(line)["id"] == i, line
        if i >= 200:  # warm-up
            samples.append(dt / 1e6)
    p.stdin.close()
    p.wait()
    return sorted(samples)


def pct(s, q):
    return s[min(len(s) - 1, int(len(s) * q))]


direct = round_trips(server, calls)
proxied = round_trips([bulwark, "mcp-proxy", "--rate-limit", "0", "--audit", "/tmp/bulwark-bench-latency.jsonl", "--"] + server, calls)
os.remove("/tmp/bulwark-bench-latency.jsonl")
print(f"direct   round trip: p50 {pct(direct, .5):.3f} ms  p99 {pct(direct, .99):.3f} ms  ({calls} calls)")
print(f"proxied  round trip (with the audit file): p50 {pct(proxied, .5):.3f} ms  p99 {pct(proxied, .99):.3f} ms")
print(f"added by the proxy:  p50 {pct(proxied, .5) - pct(direct, .5):.3f} ms  p99 {pct(proxied, .99) - pct(direct, .99):.3f} ms")

# 10,000 sequential and 200 concurrent calls through the proxy, under /usr/bin/time -v.
p = start(["/usr/bin/time", "-v", bulwark, "mcp-proxy", "--rate-limit", "0", "--audit", "/tmp/bulwark-bench-audit.jsonl", "--"] + server)
for i in range(10_000):
    p.stdin.write(call(i, f"n{i}"))
    reply = json.loads(p.stdout.readline())
    assert reply["id"] == i and f"n{i}\"" in reply["result"]["content"][0]["text"], reply
burst = b"".join(call(100_000 + i, f"c{i}") for i in range(200))
p.stdin.write(burst)
seen = set()
for _ in range(200):
    reply = json.loads(p.stdout.readline())
    assert f"c{reply['id'] - 100_000}\"" in reply["result"]["content"][0]["text"], reply
    seen.add(reply["id"])
assert len(seen) == 200
p.stdin.close()
p.wait()
rss = [l for l in p.stderr.read().decode().splitlines() if "Maximum resident set size" in l]
print(f"10,000 sequential + 200 concurrent calls: all answered, in order per id; proxy {rss[0].strip() if rss else 'RSS unknown'}")
os.remove("/tmp/bulwark-bench-audit.jsonl")
