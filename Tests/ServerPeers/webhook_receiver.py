"""A real HTTP webhook receiver for the decision service's tests.

python webhook_receiver.py DIR
Listens on a free loopback port (written to DIR/port). Each POST is appended to DIR/log.jsonl as
{"status", "headers", "body"}. It answers 200 when DIR/ok exists, 500 otherwise (so a test can
make deliveries fail, then succeed).
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
        body = self.rfile.read(length).decode()
        status = 200 if os.path.exists(os.path.join(directory, "ok")) else 500
        with open(os.path.join(directory, "log.jsonl"), "a") as log:
            log.write(json.dumps({"status": status, "headers": dict(self.headers), "body": body}) + "\n")
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


peer_server.serve(Handler, directory)
