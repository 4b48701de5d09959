"""What the test peers share: serve a handler on a free loopback port, announced in DIR/port.

The port file is written under another name and renamed, so a test that sees it reads it whole.
"""
import http.server
import os


def serve(handler, directory):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    with open(os.path.join(directory, "port.tmp"), "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(os.path.join(directory, "port.tmp"), os.path.join(directory, "port"))
    server.serve_forever()
