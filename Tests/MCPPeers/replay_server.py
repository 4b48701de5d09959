"""Replays a captured MCP wire trace (../shared/reference/mcp_peer/fixtures/*.jsonl) as a server:
after each client message it receives, it writes the server messages the trace recorded next.

python replay_server.py TRACE.jsonl
"""
import json
import sys

trace = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
i = 0
while i < len(trace) and trace[i]["dir"] != "c2s":  # server messages before any client message
    sys.stdout.write(json.dumps(trace[i]["msg"]) + "\n")
    i += 1
sys.stdout.flush()
for line in sys.stdin:
    if i >= len(trace):
        break
    i += 1  # the client message just received
    while i < len(trace) and trace[i]["dir"] == "s2c":
        sys.stdout.write(json.dumps(trace[i]["msg"]) + "\n")
        i += 1
    sys.stdout.flush()
