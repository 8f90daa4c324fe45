"""The decision service over loopback: decisions per second and latency, beside in process.

    python benchmarks/service.py            # prints the table
    python benchmarks/service.py --write    # and puts it in docs/performance.md

Run by hand. Starts `flexrules serve examples/disdukcapil.rules --port 0 --log FILE` (the
decision log on, as an audited deployment runs it; uvicorn's access log to a file) and drives
it from this process with N client threads, each on its own keep-alive connection, for a fixed
time per row (`--seconds`, 4 by default; every run is bounded in clients and time, and the
server is stopped with SIGTERM at the end, killed if it does not stop). The requests cycle
through 2,000 distinct employee-shift pairs (the roster benchmark's employees on July 2025's
working days, office and home). Single rows send one decision per request; batched rows 100
(`{"requests": [...]}`). Latency is per request, as the client sees it. The in-process rows
make the same decisions with `policy.decide`, and then also the answer the service builds
(`to_dict()` and `json.dumps`), on one thread.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docs_section import PERFORMANCE, write_section  # noqa: E402 - beside this script

import flexrules  # noqa: E402

POLICY = ROOT / "examples" / "disdukcapil.rules"
ADMIN = ("administration", "finance", "personnel")
#: (decisions per request, concurrent clients) for each row
RUNS = ((1, 1), (1, 4), (1, 16), (100, 1), (100, 4))
MAX_CLIENTS = 64


def pairs(count: int = 2000) -> list[dict[str, Any]]:
    days = [dt.date(2025, 7, 1) + dt.timedelta(n) for n in range(31)]
    days = [d for d in days if d.weekday() < 5]
    found = []
    for n in range(count):
        seat = n % 10
        job = "public service" if seat < 5 else ADMIN[seat % 3]
        employee = {
            "id": f"E-{n:05d}",
            "name": f"Employee {n}",
            "role": "service desk" if seat < 2 else f"{job} officer",
            "job type": job,
            "performance": "good" if n % 7 else "very good",
            "grade": 6 + n % 6,
            "unit": f"unit {n // 10:03d}",
            "position start": "2020-01-02",
            "on probation": False,
            "under sanction": False,
        }
        day = days[n % len(days)].isoformat()
        shift = {
            "start": f"{day}T07:30",
            "end": f"{day}T16:00",
            "location": ("office", "home")[n % 2],
        }
        found.append({"employee": employee, "shift": shift})
    return found


class Server:
    def __init__(self, folder: Path) -> None:
        self.errors = open(folder / "server.err", "w+", encoding="utf-8")  # noqa: SIM115
        command = [sys.executable, "-m", "flexrules", "serve", str(POLICY), "--port", "0"]
        command += ["--log", str(folder / "decisions.jsonl")]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=self.errors)
        deadline = time.monotonic() + 60
        while True:
            found = re.search(r"at http://127\.0\.0\.1:(\d+)", Path(self.errors.name).read_text())
            if found:
                self.port = int(found.group(1))
                return
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise SystemExit("the server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(30)
        self.errors.close()


def drive(
    port: int, bodies: list[bytes], per_request: int, clients: int, seconds: float
) -> dict[str, float]:
    """`clients` threads sending bodies in turn for `seconds`; decisions/s and latency."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    failures: list[str] = []
    start_line = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client(number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = latencies[number]
        index = number
        start_line.wait()
        while time.perf_counter() < stop_at[0]:
            body = bodies[index % len(bodies)]
            index += clients
            began = time.perf_counter()
            connection.request(
                "POST", "/v1/decide", body=body, headers={"Content-Type": "application/json"}
            )
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - began)
            if response.status != 200:
                failures.append(str(response.status))
                return
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    stop_at[0] = began + seconds
    start_line.wait()
    for thread in threads:
        thread.join(seconds + 60)
    wall = time.perf_counter() - began
    if failures:
        raise SystemExit(f"requests failed: {failures[:5]}")
    every = sorted(x for mine in latencies for x in mine)
    return {
        "requests": len(every),
        "rate": len(every) * per_request / wall,
        "p50": statistics.quantiles(every, n=100)[49],
        "p99": statistics.quantiles(every, n=100)[98],
    }


def in_process(cases: list[dict[str, Any]], seconds: float) -> tuple[float, float]:
    """Decisions per second with `policy.decide` alone, and with the answer built as the service
    builds it (to_dict, json.dumps), on this thread."""
    policy = flexrules.load_policy(POLICY)
    rates = []
    for answer in (False, True):
        done = 0
        began = time.perf_counter()
        while time.perf_counter() - began < seconds:
            for case in cases:
                decision = policy.decide(case["employee"], case["shift"])
                if answer:
                    json.dumps(decision.to_dict(), ensure_ascii=False, separators=(",", ":"))
                done += 1
        rates.append(done / (time.perf_counter() - began))
    return rates[0], rates[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="per row (default 4)")
    parser.add_argument(
        "--write", action="store_true", help="rewrite the section in docs/performance.md"
    )
    args = parser.parse_args()
    cases = pairs()
    singles = [json.dumps(case).encode() for case in cases]
    batches = [
        json.dumps({"requests": cases[n : n + 100]}).encode() for n in range(0, len(cases), 100)
    ]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        server = Server(Path(folder))
        try:
            drive(server.port, singles, 1, 4, 1.0)  # warm: every pair decided once
            for per_request, clients in RUNS:
                assert clients <= MAX_CLIENTS
                bodies = singles if per_request == 1 else batches
                found = drive(server.port, bodies, per_request, clients, args.seconds)
                rows.append((per_request, clients, found))
                print(per_request, clients, {k: round(v, 5) for k, v in found.items()}, flush=True)
        finally:
            server.stop()
        logged = len((Path(folder) / "decisions.jsonl").read_text(encoding="utf-8").splitlines())
    bare, answered = in_process(cases, args.seconds)
    load = os.getloadavg()[0]
    lines = [
        f"Measured {dt.date.today()} on {platform.machine()} with `nproc` = {os.cpu_count()}, "
        f"Python {platform.python_version()}, {args.seconds:g} s per row, load average {load:.1f} "
        "at the end; command: `python benchmarks/service.py --write`. The server "
        "(`flexrules serve examples/disdukcapil.rules --log FILE`, one process, uvicorn's "
        "access log on) and the clients (threads of one Python process, each on its own "
        "keep-alive connection) share the machine's two cores, so the figures are the whole "
        f"loop's on this machine, not the server's alone. The decision log took {logged:,} lines.",
        "",
        "| requests | clients | decisions/s | p50 latency | p99 latency |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for per_request, clients, found in rows:
        kind = "single" if per_request == 1 else f"batches of {per_request}"
        lines.append(
            f"| {kind} | {clients} | {found['rate']:,.0f} | {found['p50'] * 1000:.2f} ms | "
            f"{found['p99'] * 1000:.2f} ms |"
        )
    lines += [
        f"| in process: `policy.decide` | 1 | {bare:,.0f} | | |",
        f"| in process: decide + `to_dict()` + `json.dumps` | 1 | {answered:,.0f} | | |",
    ]
    best_single = max(found["rate"] for n, _, found in rows if n == 1)
    best_batch = max(found["rate"] for n, _, found in rows if n > 1)
    lines += [
        "",
        f"- One decision per request: at best {best_single:,.0f} decisions/s, "
        f"1/{bare / best_single:.0f} of calling the library in process: HTTP, JSON and "
        "the event loop cost far more than deciding.",
        f"- Batches of 100: {best_batch:,.0f} decisions/s, {best_batch / best_single:.1f}x the "
        f"single rate and {best_batch / answered:.0%} of building the same answers in process; "
        "a system that decides a day's requests at once should batch them.",
    ]
    if load > (os.cpu_count() or 1):
        lines += [
            f"- The machine was busy with other work (load average {load:.1f} on "
            f"{os.cpu_count()} cores): every rate here is several times below a quiet "
            "machine's; the ratios between rows are what carries over.",
        ]
    body = "\n".join(lines)
    print(body)
    if args.write:
        write_section(PERFORMANCE, "## The decision service", body)


if __name__ == "__main__":
    main()
