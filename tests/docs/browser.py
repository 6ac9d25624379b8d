"""A headless chromium driven over the DevTools protocol, on a pipe: no websocket, no npm.

chromium --remote-debugging-pipe reads JSON commands on its fd 3 and answers on its fd 4, each
message ended by a NUL byte. This file is only the plumbing; check_pages.py says what to check.
"""

import base64
import json
import os
import subprocess
import tempfile


class Browser:
    def __init__(self, executable):
        self.profile = tempfile.TemporaryDirectory(prefix="asynclab-chromium-")
        to_chromium_r, self.to_chromium = os.pipe()
        self.from_chromium, from_chromium_w = os.pipe()
        # The child must see our pipe ends as its fd 3 and 4; every other fd of ours closes on exec.
        def wire():
            reading, writing = os.dup(to_chromium_r), os.dup(from_chromium_w)
            os.dup2(reading, 3)
            os.dup2(writing, 4)
        self.process = subprocess.Popen(
            [executable, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--hide-scrollbars", "--no-first-run", "--disable-extensions", "--mute-audio",
             "--allow-file-access-from-files", f"--user-data-dir={self.profile.name}", "about:blank"],
            preexec_fn=wire, close_fds=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL if not os.environ.get("ASYNCLAB_CHROMIUM_LOG") else None)
        os.close(to_chromium_r)
        os.close(from_chromium_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []  # events that arrived while waiting for an answer
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)

    def _read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_chromium, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_chromium, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if "method" in answer:
                self.events.append(answer["method"])
            elif answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error'].get('message')}")
                return answer.get("result", {})

    def wait_for(self, event):
        if event in self.events:
            self.events.clear()
            return
        while self._read().get("method") != event:
            pass

    def open(self, url, width, height):
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"the page's check script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path, width, height):
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)
        data = self.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass
        self.process.wait(timeout=30)
        self.profile.cleanup()
