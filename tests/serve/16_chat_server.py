"""Lesson 16 served: real clients see the difference.

Runs `lesson_16_chat_server --serve pitfall` and then `--serve solution`, and talks to each with
clients nobody here wrote: `nc` (netcat-openbsd) as a fast reader, and Python sockets as a client
that stops reading (a small receive buffer, never read: a student's Ctrl-Z) and as a talker.

- The pitfall: once the stopped client's buffers are full, the fast `nc` stops receiving.
- The solution: the fast `nc` receives every line, and the stopped client is dropped.
- Both: a line too long gets an error line, binary bytes pass through as they are, a half-closed
  socket's session ends with the server closing it, and the server keeps serving the others.

Usage: python3 tests/serve/16_chat_server.py <path to lesson_16_chat_server>; exit 0 = pass.
"""

import re
import socket
import subprocess
import sys
import threading
import time

LINES = 2000          # the talker's lines, 100 bytes each: far more than the stopped client holds
LINE_BYTES = 100
TIMEOUT = 20          # seconds any one wait may take, on a busy machine


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


class Server:
    """The lesson's server, started with --serve ROLE, and the port it printed."""

    def __init__(self, lesson, role):
        self.process = subprocess.Popen(
            [lesson, "--serve", role, "--for", "60"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        first = self.process.stdout.readline()
        found = re.search(r"127\.0\.0\.1:(\d+)", first)
        if not found:
            fail(f"--serve {role} did not print its address: {first!r}")
        self.port = int(found.group(1))
        self.log = []
        threading.Thread(target=self._keep_log, daemon=True).start()

    def _keep_log(self):
        for line in self.process.stdout:
            self.log.append(line)

    def stop(self):
        self.process.send_signal(2)  # SIGINT, a student's Ctrl-C
        try:
            code = self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            fail("the server did not stop on SIGINT")
        if code != 0:
            fail(f"the server exited with {code} on SIGINT")


class NetcatReader:
    """`nc 127.0.0.1 PORT`, reading everything the server sends, as a fast student's terminal."""

    def __init__(self, port):
        self.process = subprocess.Popen(["nc", "127.0.0.1", str(port)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)
        self.lines = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def messages(self):
        return sum(1 for line in self.lines if b"message " in line)

    def wait_for(self, predicate, timeout=TIMEOUT):
        until = time.monotonic() + timeout
        while time.monotonic() < until:
            if predicate(self):
                return True
            time.sleep(0.05)
        return predicate(self)

    def close(self):
        self.process.kill()
        self.process.wait()


def connect(port, receive_buffer=0):
    client = socket.socket()
    if receive_buffer:
        client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    client.connect(("127.0.0.1", port))
    return client


def read_line(client, timeout=TIMEOUT):
    client.settimeout(timeout)
    data = b""
    while not data.endswith(b"\n"):
        chunk = client.recv(1)
        if not chunk:
            break
        data += chunk
    return data


def talk(port, lines):
    talker = connect(port)
    read_line(talker)  # the greeting: the server has it, and everyone before it, in the room
    for number in range(lines):
        text = f"message {number} ".encode()
        talker.sendall(text + b"." * (LINE_BYTES - 1 - len(text)) + b"\n")
        if number % 10 == 9:
            time.sleep(0.005)
    return talker


def malformed_input(port, role):
    reader = NetcatReader(port)
    if not reader.wait_for(lambda r: any(b"welcome" in line for line in r.lines)):
        fail(f"{role}: nc got no greeting")
    client = connect(port)
    read_line(client)
    client.sendall(b"x" * 3000 + b"\n")
    answer = read_line(client)
    if b"error" not in answer:
        fail(f"{role}: a line too long got {answer[:80]!r}, not an error line")
    binary = b"binary: NUL \x00, invalid UTF-8 \xff\xfe\xc3\x28 end\n"
    client.sendall(binary)
    if not reader.wait_for(lambda r: any(line.endswith(binary) for line in r.lines)):
        fail(f"{role}: the binary line did not reach nc byte for byte")
    client.shutdown(socket.SHUT_WR)
    client.settimeout(TIMEOUT)
    rest = b""
    while True:
        chunk = client.recv(4096)
        if not chunk:
            break
        rest += chunk
    client.close()
    # The server still serves the others.
    talker = talk(port, 5)
    if not reader.wait_for(lambda r: r.messages() == 5):
        fail(f"{role}: after the malformed input nc got {reader.messages()} of 5 lines")
    talker.close()
    reader.close()
    print(f"{role}: a line too long was refused, binary bytes passed, a half-close ended its session")


def slow_client(port, role):
    stopped = connect(port, receive_buffer=4096)  # a student's Ctrl-Z: it never reads again
    reader = NetcatReader(port)
    if not reader.wait_for(lambda r: any(b"welcome" in line for line in r.lines)):
        fail(f"{role}: nc got no greeting")
    talker = talk(port, LINES)
    if role == "pitfall":
        time.sleep(2)
        got = reader.messages()
        if got >= LINES // 2:
            fail(f"pitfall: nc received {got} of {LINES} lines; the stopped client should have stalled it")
        print(f"pitfall: nc received {got} of {LINES} lines, then nothing")
    else:
        if not reader.wait_for(lambda r: r.messages() == LINES):
            fail(f"solution: nc received {reader.messages()} of {LINES} lines")
        if not reader.wait_for(lambda r: any(b"dropped" in line for line in r.lines)):
            fail("solution: nc was not told of the drop")
        print(f"solution: nc received {LINES} of {LINES} lines, and was told the stopped client was dropped")
    talker.close()
    stopped.close()
    reader.close()


def main():
    lesson = sys.argv[1]
    for role in ("pitfall", "solution"):
        server = Server(lesson, role)
        malformed_input(server.port, role)
        slow_client(server.port, role)
        server.stop()
        dropped = any("dropped" in line for line in server.log)
        if dropped != (role == "solution"):
            fail(f"{role}: the server's log {'lacks' if role == 'solution' else 'has'} a drop")
    print("PASS")


if __name__ == "__main__":
    main()
