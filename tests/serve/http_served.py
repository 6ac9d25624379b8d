"""What the served HTTP lessons' tests share (lessons 15 and 17): start a lesson's server with
`--serve`, stop it the way Ctrl-C does, and throw malformed requests at it over raw sockets.
Python's standard library only: the clients here are nobody's code in this project."""

import http.client
import re
import signal
import socket
import subprocess
import time


def start(lesson, role, *arguments):
    """Starts `lesson --serve role` on a port the OS picks; returns the process and the port."""
    server = subprocess.Popen([lesson, "--serve", role, "--for", "60", *arguments],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = server.stdout.readline()
    found = re.search(r"127\.0\.0\.1:(\d+)", line)
    if not found:
        server.kill()
        raise SystemExit(f"{role}: no address in the server's first line: {line!r}")
    return server, int(found.group(1))


def stop(server):
    """Stops the server as Ctrl-C does; returns its exit code and what it printed after its address."""
    server.send_signal(signal.SIGINT)
    rest, _ = server.communicate(timeout=15)
    return server.returncode, rest


def get(port, target, connection=None):
    """GET `target` (on `connection`, if given, else a new one); returns the response and its body."""
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", target)
    response = connection.getresponse()
    return response, response.read()


def _exchange(port, raw, close_early=False):
    """Sends raw bytes on a new connection; returns every byte the server sent until it closed."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(raw)
        if close_early:
            return b""
        received = b""
        while True:
            try:
                chunk = client.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            received += chunk
        return received


def statuses(answer):
    """The status codes of every response in `answer`, in order."""
    return [int(code) for code in re.findall(rb"HTTP/1\.1 (\d{3}) ", answer)]


MALFORMED = [
    ("a request line that does not parse", b"HELLO\r\n\r\n", [400]),
    ("headers longer than the server takes", b"GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"x" * 20000 + b"\r\n\r\n",
     [431]),
    ("a body longer than the server takes", b"POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n"
     + b"x" * 4096, [413]),
    ("a body longer than declared", b"POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n"
     b"hello, and bytes nobody declared\r\n\r\n", [200, 400]),
]


def check_malformed(port, role, target):
    """Throws each kind of malformed input at the server on `port`; after each, the server must still
    answer `target` with 200. Returns the failures, one line each (none: it coped with all)."""
    failures = []
    for what, raw, expected in MALFORMED:
        seen = statuses(_exchange(port, raw))
        # A body longer than declared: the request is answered, then its extra bytes get 400, or are
        # never read, when the server closes the connection after every answer (no keep-alive).
        if seen != expected and not (expected == [200, 400] and seen == [200]):
            failures.append(f"{role}: {what}: answered {seen}, expected {expected}")
    _exchange(port, b"GET /health HTTP/1.1\r\nHost: x\r\nContent-Le", close_early=True)
    time.sleep(0.1)
    response, _ = get(port, target)
    if response.status != 200:
        failures.append(f"{role}: after malformed input and a connection closed mid-request, {target} "
                        f"answered {response.status}")
    return failures
