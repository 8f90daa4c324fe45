"""The service as operators run it: `flexrules serve` in its own process, uvicorn on an
ephemeral loopback port, spoken to over real HTTP. Every endpoint and its refusals, the token,
a policy reloaded under traffic (no request fails or mixes policies), and SIGTERM with
requests in flight (the command exits 0 and the log has one whole line per answered decision).
Each server is bounded in time and stopped (then killed, if it must be) by its fixture."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_cases import BROKEN, HOME, OFFICE, SARI, V1, V2, write

import flexrules

TOKEN = "t0ken-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: the longest any server of these tests may take to start, or to stop once told to
STARTUP_SECONDS = 60
STOP_SECONDS = 30


class Server:
    """`flexrules serve POLICY --port 0 ...` in a subprocess; its address read from the line it
    prints when it listens."""

    def __init__(self, policy: Path, log: Path, *options: str) -> None:
        command = [sys.executable, "-m", "flexrules", "serve", str(policy), "--port", "0"]
        command += ["--log", str(log), *options]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8"
        )
        self.lines: list[str] = []
        self.address = threading.Event()
        self.port = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if not self.address.wait(STARTUP_SECONDS):
            self.kill()
            pytest.fail("the server did not start:\n" + "".join(self.lines))

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)
            found = re.search(r"serving .* at https?://127\.0\.0\.1:(\d+)", line)
            if found:
                self.port = int(found.group(1))
                self.address.set()

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=STOP_SECONDS)

    def ask(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        connection = self.connection()
        try:
            data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
            connection.request(method, path, body=data, headers={**AUTH, **(headers or {})})
            response = connection.getresponse()
            text = response.read().decode("utf-8")
        finally:
            connection.close()
        kind = response.getheader("content-type") or ""
        return response.status, json.loads(text) if kind.startswith("application/json") else text

    def terminate(self) -> int:
        """SIGTERM, and the exit status once it has stopped."""
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail("the server did not stop on SIGTERM:\n" + "".join(self.lines))
        self._reader.join(5)
        return code

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(STOP_SECONDS)
        self._reader.join(5)
        if self.process.stderr is not None:
            self.process.stderr.close()


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    path = tmp_path / "token"
    path.write_text(TOKEN + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    return path


@pytest.fixture
def serve(policy_file: Path, log_file: Path, token_file: Path) -> Iterator[Any]:
    started: list[Server] = []

    def start(*options: str) -> Server:
        server = Server(policy_file, log_file, "--token-file", str(token_file), *options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.kill()


def decision_lines(log: Path) -> list[dict[str, Any]]:
    text = log.read_text(encoding="utf-8")
    assert text.endswith("\n"), "the log ends in the middle of a line"
    lines = [json.loads(line) for line in text.splitlines()]  # each line whole JSON
    return [line for line in lines if line["type"] == "decision"]


@pytest.mark.slow
def test_every_endpoint_over_http(serve: Any, log_file: Path, policy: flexrules.Policy) -> None:
    server = serve("--max-body-size", "4K")
    assert server.ask("GET", "/health", headers={"Authorization": ""}) == (200, {"status": "ok"})
    status, body = server.ask("GET", "/ready", headers={"Authorization": "Bearer wrong"})
    assert status == 401 and body["error"]["code"] == "unauthorized"

    status, one = server.ask("POST", "/v1/decide?explain=true", {"employee": SARI, "shift": HOME})
    decision = policy.decide(SARI, HOME)
    assert status == 200 and one["explanation"] == decision.explain()
    assert {
        k: v for k, v in one.items() if k not in ("decision_id", "fingerprint", "explanation")
    } == (decision.to_dict())
    batch = {"requests": [{"employee": SARI, "shift": s} for s in (HOME, OFFICE)]}
    status, many = server.ask("POST", "/v1/decide", batch)
    assert status == 200 and [d["allowed"] for d in many["decisions"]] == [True, True]
    schedule = {"employee": SARI, "shifts": [HOME, OFFICE], "period": ["2025-07-07", "2025-07-13"]}
    status, report = server.ask("POST", "/v1/check", schedule)
    assert status == 200 and report["summary"]["shifts"] == 2
    roster = {
        "schedules": [{"employee": SARI, "shifts": [HOME]}],
        "period": ["2025-07-07", "2025-07-07"],
    }
    status, report = server.ask("POST", "/v1/roster", roster)
    assert status == 200 and report["fingerprint"] == policy.fingerprint
    for path in ("/v1/policy", "/ready", "/openapi.json"):
        status, body = server.ask("GET", path)
        assert status == 200, path
    status, text = server.ask("GET", "/metrics")
    assert status == 200 and 'flexrules_decisions_total{outcome="allowed"} 3.0' in text

    refusals = [
        (
            "/v1/decide",
            {"employee": SARI, "shift": {**HOME, "end": "2025-07-07T07:00"}},
            400,
            "input-error",
        ),
        ("/v1/decide", b"{not json", 422, "bad-shape"),
        ("/v1/decide", {"employee": SARI, "shift": {**HOME, "note": "x" * 5000}}, 413, "too-large"),
        ("/v1/nowhere", {}, 404, "not-found"),
    ]
    for path, body, status, code in refusals:
        found, answer = server.ask("POST", path, body)
        assert (found, answer["error"]["code"]) == (status, code)

    rotated = log_file.with_name("decisions.jsonl.1")
    log_file.rename(rotated)
    server.process.send_signal(signal.SIGHUP)  # logrotate's postrotate
    deadline = time.monotonic() + STOP_SECONDS
    while not log_file.exists():
        assert time.monotonic() < deadline, "SIGHUP did not reopen the log"
        time.sleep(0.05)
    status, last = server.ask("POST", "/v1/decide", {"employee": SARI, "shift": OFFICE})
    assert server.terminate() == 0
    logged = [line["decision_id"] for line in decision_lines(rotated)]
    assert logged == [one["decision_id"]] + [d["decision_id"] for d in many["decisions"]]
    assert [line["decision_id"] for line in decision_lines(log_file)] == [last["decision_id"]]


@pytest.mark.slow
def test_a_policy_reloaded_under_traffic_never_fails_or_mixes(
    serve: Any, policy_file: Path, log_file: Path
) -> None:
    """Clients keep asking while the policy file is replaced (v1, v2, a broken one, v1, v2):
    every answer is a 200 from one whole policy: its fingerprint, its version and its outcome
    agree (v2 denies Sari's day at home)."""
    server = serve("--watch")
    v1 = flexrules.load_policy(policy_file).fingerprint
    write(policy_file, V2)
    v2 = flexrules.load_policy(policy_file).fingerprint
    write(policy_file, V1)
    expected = {v1: ("2025.1", True), v2: ("2025.2", False)}
    answers: list[tuple[int, dict[str, Any]]] = []
    stop = threading.Event()

    def client() -> None:
        connection = server.connection()
        body = json.dumps({"employee": SARI, "shift": HOME}).encode()
        while not stop.is_set():
            connection.request("POST", "/v1/decide", body=body, headers=AUTH)
            response = connection.getresponse()
            answers.append((response.status, json.loads(response.read())))
        connection.close()

    clients = [threading.Thread(target=client) for _ in range(3)]
    for thread in clients:
        thread.start()
    try:
        for text, serving, stale in (
            (V2, v2, False),
            (BROKEN, v2, True),
            (V1, v1, False),
            (V2, v2, False),
        ):
            write(policy_file, text)
            deadline = time.monotonic() + STARTUP_SECONDS
            while True:
                ready = server.ask("GET", "/ready")[1]
                if ready["policy"]["fingerprint"] == serving and ready["stale"] is stale:
                    break
                assert time.monotonic() < deadline, f"no reload to {serving}: {ready}"
                time.sleep(0.05)
            time.sleep(0.2)  # traffic under this policy
    finally:
        stop.set()
        for thread in clients:
            thread.join(STOP_SECONDS)
    assert len(answers) > 20
    seen = set()
    for status, answer in answers:
        assert status == 200, answer
        fingerprint = answer["fingerprint"]
        version, allowed = expected[fingerprint]
        assert answer["policy"]["fingerprint"] == fingerprint
        assert (answer["policy"]["version"], answer["allowed"]) == (version, allowed)
        seen.add(fingerprint)
    assert seen == {v1, v2}
    assert server.terminate() == 0
    assert len(decision_lines(log_file)) == len(answers)


@pytest.mark.slow
def test_sigterm_finishes_requests_in_flight_and_logs_each_whole(
    serve: Any, log_file: Path
) -> None:
    """Batches keep arriving on four connections; SIGTERM comes while they are being decided.
    The command exits 0, every request it answered is in the log, line by whole line, and no
    line is for a decision it did not answer."""
    server = serve()
    batch = json.dumps(
        {"requests": [{"employee": {**SARI, "id": f"E-{n}"}, "shift": HOME} for n in range(400)]}
    ).encode()
    answered: list[str] = []
    in_flight_at_stop: list[bool] = []
    told = threading.Event()
    first = threading.Event()
    lock = threading.Lock()

    def client() -> None:
        while True:
            connection = server.connection()
            try:
                connection.request("POST", "/v1/decide?explain=true", body=batch, headers=AUTH)
                sent_before_stop = not told.is_set()
                response = connection.getresponse()
                found = json.loads(response.read())
            except (OSError, http.client.HTTPException, json.JSONDecodeError):
                return  # the server has stopped taking requests
            finally:
                connection.close()
            assert response.status == 200, found
            with lock:
                answered.extend(d["decision_id"] for d in found["decisions"])
                in_flight_at_stop.append(sent_before_stop and told.is_set())
            first.set()

    clients = [threading.Thread(target=client) for _ in range(4)]
    for thread in clients:
        thread.start()
    assert first.wait(STARTUP_SECONDS)
    time.sleep(0.3)
    told.set()
    code = server.terminate()
    for thread in clients:
        thread.join(STOP_SECONDS)
    assert code == 0, "".join(server.lines)
    assert any(in_flight_at_stop), "no request was in flight when SIGTERM came"
    logged = [line["decision_id"] for line in decision_lines(log_file)]
    assert len(logged) == len(set(logged))
    assert set(logged) == set(answered)
    assert "stopped; " in server.lines[-1]


@pytest.mark.slow
def test_https_with_a_certificate(serve: Any, tmp_path: Path) -> None:
    """`--ssl-certfile` and `--ssl-keyfile`: uvicorn serves HTTPS itself."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("no openssl to make a certificate with")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    server = serve("--ssl-certfile", str(cert), "--ssl-keyfile", str(key))
    assert any("at https://127.0.0.1:" in line for line in server.lines)
    context = ssl.create_default_context(cafile=str(cert))
    connection = http.client.HTTPSConnection("127.0.0.1", server.port, context=context, timeout=30)
    try:
        connection.request(
            "POST", "/v1/decide", body=json.dumps({"employee": SARI, "shift": HOME}), headers=AUTH
        )
        response = connection.getresponse()
        answer = json.loads(response.read())
    finally:
        connection.close()
    assert response.status == 200 and answer["allowed"] is True
    assert server.terminate() == 0
