"""The service serving a set of versions (DATA.md §5): in process, a folder of versions
answers as `PolicySet` does; over real HTTP, `flexrules serve V1 V2 --watch` swaps the whole
set when a version's file changes, and keeps the old set when the new one is refused."""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from starlette.testclient import TestClient

import flexrules
from flexrules.service import create_app

V1 = """\
policy "WFH" version "1" effective from 2025-01-01 until 2025-07-02.
employees have: unit: text.
rule home: employees may work from home.
"""
V2 = """\
policy "WFH" version "2" effective from 2025-07-03.
employees have: unit: text.
rule friday: employees may work from home on Friday.
"""
EMPLOYEE = {"id": "E1", "unit": "records"}
WED = {"start": "2025-07-02T08:00", "end": "2025-07-02T16:00", "location": "home"}
THU = {"start": "2025-07-03T08:00", "end": "2025-07-03T16:00", "location": "home"}
NIGHT = {"start": "2025-07-02T22:00", "end": "2025-07-03T02:00", "location": "home"}
#: the longest a server may take to start, to reload, or to stop
SECONDS = 60


def versions_folder(root: Path) -> Path:
    for name, text in (("2025-01", V1), ("2025-07", V2)):
        (root / "wfh" / name).mkdir(parents=True)
        (root / "wfh" / name / "policy.rules").write_text(text, "utf-8")
    return root / "wfh"


def test_a_folder_of_versions_is_served_as_the_library_decides(tmp_path: Path) -> None:
    folder = versions_folder(tmp_path)
    versions = flexrules.load_policies(folder)
    with TestClient(create_app(folder)) as client:
        for shift in (WED, THU, NIGHT):
            answer = client.post("/v1/decide", json={"employee": EMPLOYEE, "shift": shift})
            assert answer.status_code == 200, answer.text
            body = answer.json()
            assert body["fingerprint"] == versions.fingerprint
            expected = versions.decide(EMPLOYEE, shift).to_dict()
            assert {k: v for k, v in body.items() if k not in ("decision_id", "fingerprint")} == (
                expected
            )
        versions_named = [
            client.post("/v1/decide", json={"employee": EMPLOYEE, "shift": s}).json()["version"]
            for s in (WED, THU)
        ]
        assert versions_named == ["1", "2"]
        ready = client.get("/ready").json()
        assert ready["ready"] and [v["version"] for v in ready["policy"]["versions"]] == ["1", "2"]
        document = client.get("/v1/policy").json()
        assert [v["version"] for v in document["versions"]] == ["1", "2"]
        week = {"employee": EMPLOYEE, "shifts": [WED, THU], "period": ["2025-06-30", "2025-07-06"]}
        report = client.post("/v1/check", json=week).json()
        assert report["summary"]["denied"] == 1  # Thursday: version 2 allows Fridays only


class Server:
    """`flexrules serve V1 V2 --port 0 --watch` in a subprocess, bounded in time."""

    def __init__(self, *policies: Path) -> None:
        command = [sys.executable, "-m", "flexrules", "serve", *map(str, policies)]
        self.process = subprocess.Popen(
            [*command, "--port", "0", "--watch"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: list[str] = []
        self.port = 0
        self.started = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        if not self.started.wait(SECONDS):
            self.stop()
            pytest.fail("the server did not start:\n" + "".join(self.lines))

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)
            found = re.search(r"at http://127\.0\.0\.1:(\d+)", line)
            if found:
                self.port = int(found.group(1))
                self.started.set()

    def ask(self, method: str, path: str, body: Any = None) -> Any:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=SECONDS)
        try:
            data = None if body is None else json.dumps(body).encode()
            connection.request(method, path, body=data)
            return json.loads(connection.getresponse().read().decode("utf-8"))
        finally:
            connection.close()

    def until(self, test: Any) -> Any:
        deadline = time.monotonic() + SECONDS
        while True:
            ready = self.ask("GET", "/ready")
            if test(ready):
                return ready
            assert time.monotonic() < deadline, f"no reload: {ready}"
            time.sleep(0.1)

    def stop(self) -> int | None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(SECONDS)
        self.reader.join(5)
        if self.process.stderr is not None:
            self.process.stderr.close()
        return self.process.returncode


@pytest.mark.slow
def test_watch_swaps_the_whole_set_and_keeps_it_on_error(tmp_path: Path) -> None:
    first, second = tmp_path / "v1.rules", tmp_path / "v2.rules"
    first.write_text(V1, "utf-8")
    second.write_text(V2, "utf-8")
    old = flexrules.load_policies([first, second]).fingerprint
    server = Server(first, second)
    try:
        assert server.ask("GET", "/ready")["policy"]["fingerprint"] == old
        decided = server.ask("POST", "/v1/decide", {"employee": EMPLOYEE, "shift": THU})
        assert (decided["allowed"], decided["version"]) == (False, "2")

        # version 2 now allows Thursdays too: the whole set is swapped
        second.write_text(V2.replace("on Friday", "on Thursday and Friday"), "utf-8")
        new = flexrules.load_policies([first, second]).fingerprint
        server.until(lambda r: r["policy"]["fingerprint"] == new and not r["stale"])
        decided = server.ask("POST", "/v1/decide", {"employee": EMPLOYEE, "shift": THU})
        assert (decided["allowed"], decided["version"]) == (True, "2")
        assert decided["fingerprint"] == new

        # version 1 extended over version 2's days: refused, the set before serves on
        first.write_text(V1.replace("until 2025-07-02", "until 2025-07-05"), "utf-8")
        ready = server.until(lambda r: r["stale"])
        assert ready["policy"]["fingerprint"] == new
        codes = [d["code"] for d in ready["reload_error"]["diagnostics"]]
        assert codes == ["overlapping-versions"]
        decided = server.ask("POST", "/v1/decide", {"employee": EMPLOYEE, "shift": THU})
        assert decided["allowed"] and decided["fingerprint"] == new
    finally:
        assert server.stop() == 0, "".join(server.lines)
