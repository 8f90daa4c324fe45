"""`policy.decide_table` on 10k, 100k, 1M and 10M rows: rows per second and peak memory.

    python benchmarks/columnar.py                 # prints the table
    python benchmarks/columnar.py --write         # and puts it in docs/performance.md

The policy is examples/disdukcapil.rules without its relative date and shift attribute (so the
table needs only employee columns), the table an Arrow table as a Parquet reader gives it:
one row per shift, 20,000 employees' attributes joined in (text columns dictionary-encoded),
`start` and `end` naive timestamps on days of 2025 (holidays included), 07:00-16:00 and other
half-hour shifts ending by midnight (a shift across midnight is decided by `decide` once per
distinct fact set, location, start and end: docs/columns.md), a location. Each size runs in a
child process: the table is built, a first
call of 10,000 rows warms the policy, then the whole table is decided, timed, and once more
(everything met before: numpy alone). Peak memory is the rise of the process's peak RSS during
the first call (over the table already in memory), from /proc.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
EMPLOYEES = 20_000


def policy_text() -> str:
    text = (ROOT / "examples" / "disdukcapil.rules").read_text(encoding="utf-8")
    first = text.index("rule R3b")
    text = text[:first] + text[text.index("rule R4 ", first) :]
    first = text.index("shifts have:")
    text = text[:first] + text[text.index("\n\n", first) :]
    return text.replace(" if the shift is approved.", ".")


def table(rows: int) -> Any:
    import numpy as np
    import pyarrow as pa

    rng = np.random.default_rng(rows)
    person = rng.integers(0, EMPLOYEES, rows)
    seat = person % 20
    jobs = np.array(["administration", "finance", "personnel", "technical", "public service"])
    job = np.where(seat < 6, 4, np.where(seat < 14, seat % 3, 3))
    performance = np.array(["very good", "good", "needs improvement"])[person % 3]
    day = rng.integers(0, 365, rows) + (np.datetime64("2025-01-01", "D") - np.datetime64(0, "D"))
    half_hour = np.where(rng.random(rows) < 0.8, 14, rng.integers(10, 36, rows))
    length = np.where(half_hour == 14, 18, rng.integers(2, 18, rows))
    length = np.minimum(length, 48 - half_hour)  # within the day (see the module)
    start = day.astype(np.int64) * 86_400 + half_hour * 1800
    end = start + length * 1800
    locations = np.array(["office", "home", "anywhere"])[rng.integers(0, 3, rows)]

    def text(values: Any) -> Any:
        return pa.array(values).dictionary_encode()

    return pa.table(
        {
            "id": pa.array(np.char.add("E", person.astype(str))),
            "role": text(np.where(seat < 2, "service desk", "officer")),
            "job type": text(jobs[job]),
            "performance": text(performance),
            "grade": pa.array(1 + person % 17),
            "unit": text(np.char.add("U", (person // 20).astype(str))),
            "on probation": pa.array(person % 50 == 0),
            "under sanction": pa.array(person % 199 == 0),
            "in special circumstances": pa.array(person % 97 == 0),
            "start": pa.array(start.astype("datetime64[s]"), pa.timestamp("s")),
            "end": pa.array(end.astype("datetime64[s]"), pa.timestamp("s")),
            "location": text(locations),
        }
    )


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def child(rows: int) -> dict[str, Any]:
    import flexrules

    policy = flexrules.compile_policy(policy_text())
    data = table(rows)
    policy.decide_table(data.slice(0, 10_000))
    before = _status("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # the peak RSS starts again from here
    started = time.perf_counter()
    decided = policy.decide_table(data)
    seconds = time.perf_counter() - started
    peak = _status("VmHWM") - before
    started = time.perf_counter()
    policy.decide_table(data)
    warm = time.perf_counter() - started
    return {
        "rows": rows,
        "seconds": seconds,
        "rate": rows / seconds,
        "warm": rows / warm,
        "peak": peak,
        "table": data.nbytes,
        "allowed": int(decided.column("allowed").to_numpy().sum()),
        "errors": decided.num_rows - decided.column("error").null_count,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(child(options.child)))
        return
    results = []
    for rows in options.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(rows)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(results[-1], flush=True)
    load = os.getloadavg()[0]
    shared = (
        "above 2, other processes shared these cores" if load > 2 else "the machine otherwise quiet"
    )
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on this {os.cpu_count()}-core "
        f"{platform.machine()} machine, Python {platform.python_version()}, one process, by "
        "`python benchmarks/columnar.py --write` (load average "
        f"{load:.1f} at the end: {shared}). The table: "
        "employees' attributes joined in, text as Arrow dictionaries, naive timestamps; "
        "examples/disdukcapil.rules without its relative date and shift attribute. Peak memory "
        "is the rise of peak RSS while deciding, over the table in memory.",
        "",
        "| rows | seconds | rows/s | rows/s again (warm) | peak memory | input table |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['rows']:,} | {r['seconds']:.2f} | {r['rate']:,.0f} | {r['warm']:,.0f} | "
            f"{r['peak'] / 2**20:,.0f} MiB | {r['table'] / 2**20:,.0f} MiB |"
        )
    lines += ["", _READING]
    text = "\n".join(lines)
    print(text)
    if options.write:
        from docs_section import write_section

        write_section(ROOT / "docs" / "performance.md", "## Whole tables (decide_table)", text)


#: what the table shows, kept with it when --write replaces the section
_READING = (
    "The first timed call works out, once each, the fact sets and outcomes a 10,000-row "
    'warm-up did not meet; "rows/s again" decides the same table once more with everything '
    "met before: a look-up of each dictionary column's dictionary among the values met, and "
    "numpy gathers. The working memory of a call is bounded by its batches (262,144 rows "
    "each); what grows with the table is the answer itself, the `rules` list column above "
    "all, most of the peak at 10 M rows. To keep even that bounded, decide a Parquet file "
    "batch by batch with `flexrules.columns.decide_batches` and write each answer out as it "
    "comes. Runs while other processes loaded the machine gave a fifth of these rates at 10 M "
    "rows (the working set no longer fits the caches, and allocation costs kernel time): "
    "compare rates measured at the same load."
)


if __name__ == "__main__":
    main()
