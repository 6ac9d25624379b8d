#!/usr/bin/env python3
"""Lesson 15 served (`--serve pitfall|solution`), driven by clients nobody here wrote: Python's
http.client, which reuses its connection while the server lets it, and curl, which reuses one
connection for several URLs on its command line. The served pitfall answers with
`Connection: close`, so the server accepts a connection per request; the served solution keeps
the connection alive, so it accepts one. Malformed input gets a clear answer from both.

Usage: 15_connection_reuse.py <path to lesson_15_connection_reuse>"""

import http.client
import shutil
import subprocess
import sys

from http_served import check_malformed, get, start, stop

PAGES = 10


def accepted_after_pages(port):
    """Fetches PAGES pages through one HTTPConnection, as one client session; returns the server's
    count of connections accepted, from the last answer's X-Connections-Accepted."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    accepted = None
    for page in range(PAGES):
        response, _ = get(port, f"/page/{page}", connection)
        accepted = int(response.getheader("X-Connections-Accepted"))
    connection.close()
    return accepted


def curl_connects(port):
    """curl with PAGES URLs on one command line: the connections it opened (its num_connects)."""
    # Each URL with its own --output: curl applies one to one URL.
    urls = [argument for page in range(PAGES)
            for argument in (f"http://127.0.0.1:{port}/page/{page}", "--output", "/dev/null")]
    run = subprocess.run(["curl", "--silent", "--show-error", "--write-out", "%{num_connects}\n", *urls],
                         capture_output=True, text=True, timeout=30, check=True)
    return sum(int(line) for line in run.stdout.split())


def main():
    lesson = sys.argv[1]
    failures = []
    # Each page costs the server 1 ms, and a new connection 1 ms more.
    expected = {"pitfall": PAGES, "solution": 1}
    for role in ("pitfall", "solution"):
        server, port = start(lesson, role, "--round-trip-ms", "1")
        try:
            accepted = accepted_after_pages(port)
            if accepted != expected[role]:
                failures.append(f"{role}: http.client's {PAGES} pages took {accepted} connections, "
                                f"expected {expected[role]}")
            if shutil.which("curl"):
                connects = curl_connects(port)
                if connects != expected[role]:
                    failures.append(f"{role}: curl's {PAGES} pages took {connects} connections, "
                                    f"expected {expected[role]}")
            failures += check_malformed(port, role, "/page/1")
        finally:
            code, printed = stop(server)
        if code != 0 or "Served" not in printed:
            failures.append(f"{role}: the server exited {code} after Ctrl-C, printing {printed!r}")
        print(f"{role}: {printed.strip()}")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
