"""A real OTLP/HTTP receiver (JSON encoding) for the decision service's tracing test.

python otlp_receiver.py DIR
Listens on a free loopback port (written to DIR/port) and appends every POST as one line of
DIR/log.jsonl: {"path", "content_type", "body": <the decoded JSON payload>}. Answers 200 {}.
"""
import http.server
import json
import os
import sys

import peer_server

directory = sys.argv[1]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        with open(os.path.join(directory, "log.jsonl"), "a") as log:
            log.write(json.dumps({"path": self.path, "content_type": self.headers.get("Content-Type"), "body": body}) + "\n")
        payload = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


peer_server.serve(Handler, directory)
