#!/usr/bin/env python3
"""Lesson 17 served (`--serve pitfall|solution`), driven by clients nobody here wrote (Python's
http.client): two threads ask for /report back to back while the main thread checks /health and
times each answer. The served pitfall's /report blocks its loop, so a check waits for a report;
the served solution's does not. Malformed input gets a clear answer from both.

Usage: 17_http_server.py <path to lesson_17_http_server>"""

import http.client
import sys
import threading
import time

from http_served import check_malformed, get, start, stop

REPORT_MS = 100
CHECKS = 15


def ask_for_reports(port, stopping):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while not stopping.is_set():
        get(port, "/report", connection)
    connection.close()


def slowest_check(port):
    """Starts the report load, checks /health CHECKS times 20 ms apart; returns the slowest, in ms."""
    stopping = threading.Event()
    reporters = [threading.Thread(target=ask_for_reports, args=(port, stopping)) for _ in range(2)]
    for reporter in reporters:
        reporter.start()
    time.sleep(0.05)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    took = []
    for _ in range(CHECKS):
        time.sleep(0.02)
        start_at = time.monotonic()
        response, body = get(port, "/health", connection)
        took.append((time.monotonic() - start_at) * 1000)
        assert response.status == 200 and body == b"ok\n", (response.status, body)
    connection.close()
    stopping.set()
    for reporter in reporters:
        reporter.join()
    return max(took)


def main():
    lesson = sys.argv[1]
    failures = []
    for role in ("pitfall", "solution"):
        server, port = start(lesson, role, "--report-ms", str(REPORT_MS))
        try:
            slowest = slowest_check(port)
            print(f"{role}: slowest /health check {slowest:.1f} ms, a report {REPORT_MS} ms")
            # Half a report: the pitfall waits at least that long at its slowest, the solution never.
            if role == "pitfall" and slowest < REPORT_MS / 2:
                failures.append(f"pitfall: the slowest /health took {slowest:.1f} ms, expected half a report or more")
            if role == "solution" and slowest >= REPORT_MS / 2:
                failures.append(f"solution: the slowest /health took {slowest:.1f} ms, expected under half a report")
            failures += check_malformed(port, role, "/health")
        finally:
            code, printed = stop(server)
        if code != 0 or "Served" not in printed:
            failures.append(f"{role}: the server exited {code} after Ctrl-C, printing {printed!r}")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
