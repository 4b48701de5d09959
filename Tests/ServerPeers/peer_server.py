"""What the test peers share: serve a handler on a free loopback port, announced in DIR/port.

The port file is written under another name and renamed, so a test that sees it reads it whole.
A peer exits when the test process that started it is gone, so a test run that ends without
stopping its peers (a failed or cancelled test) leaves none behind.
"""
import http.server
import os
import threading
import time


def exit_with_parent():
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def serve(handler, directory):
    threading.Thread(target=exit_with_parent, daemon=True).start()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    with open(os.path.join(directory, "port.tmp"), "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(os.path.join(directory, "port.tmp"), os.path.join(directory, "port"))
    server.serve_forever()
