#!/usr/bin/python3
"""Serves build/web on loopback for `./build.sh serve` and the browser tests.

A static server is all the page needs (no server logic, nothing stored). This one adds what
`python3 -m http.server` lacks: the wasm MIME type on every Python, the page's security headers,
no caching (a rebuilt page is never stale), and a machine-readable first line with the address,
which the browser tests read when they ask for port 0.
"""
import argparse
import functools
import http.server
import os
import sys

# Kept in step with the <meta> CSP of web/index.html; sent as a header too, where it also covers
# frame-ancestors, which a <meta> tag cannot set.
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'none'; frame-ancestors 'none'")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".json": "application/json"}

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("MLP_SERVE_LOG"):
            super().log_message(fmt, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--dir", default=os.path.join(os.path.dirname(__file__), "..", "build", "web"))
    args = parser.parse_args()
    root = os.path.abspath(args.dir)
    if not os.path.isfile(os.path.join(root, "index.html")):
        sys.exit(f"nothing to serve: {root}/index.html is missing (run ./build.sh build)")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), functools.partial(Handler, directory=root))
    print(f"Serving MLP Explorer at http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
