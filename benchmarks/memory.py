"""A long run: one million decisions on random dates and new employees, with the process's
memory read every 100,000 decisions, to show that every memory of a policy is bounded.

    python benchmarks/memory.py            # prints the table
    python benchmarks/memory.py --write    # and puts it in docs/performance.md

Run by hand. The policy is examples/disdukcapil.rules with its default cache size; each
decision is a new employee (so a new standing) on a random day of 300 years (so a new day plan
and calendar day), which is the worst case for the memories. The process's resident memory
(VmRSS) should rise while the memories fill and then stay flat.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "support"))

from docs_section import PERFORMANCE, write_section  # noqa: E402 - beside this script
from longrun import long_run_pair  # noqa: E402

import flexrules  # noqa: E402
from flexrules.core import memory  # noqa: E402

HEADING = "## A million decisions in bounded memory"


def rss_mib() -> float:
    """The process's resident memory, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=1_000_000)
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    args = parser.parse_args()
    policy = flexrules.load_policy(ROOT / "examples" / "disdukcapil.rules")
    rng = random.Random(20261206)
    step = args.decisions // 10
    rows = [("0", f"{rss_mib():.1f}", "-")]
    started = time.perf_counter()
    for chunk in range(10):
        for n in range(chunk * step, (chunk + 1) * step):
            employee, shift = long_run_pair(rng, n)
            assert policy.decide(employee, shift).reasons
        rows.append(
            (f"{(chunk + 1) * step:,}", f"{rss_mib():.1f}", f"{time.perf_counter() - started:.0f}")
        )
    table = ["| decisions | resident memory (MiB) | seconds |", "| ---: | ---: | ---: |"]
    table += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    body = "\n".join(
        [
            f"Workload: `python benchmarks/memory.py` ({args.decisions:,} decisions on "
            "examples/disdukcapil.rules, each a new employee on a random day of 300 years, "
            f"default cache size {memory.DEFAULT_CACHE_SIZE:,} entries per generation), "
            f"Python {platform.python_version()} on this 2-core machine.",
            "",
            *table,
            "",
            "Resident memory rises while the policy's memories fill and then stays flat: "
            "each memory keeps at most two generations of its size, so a long-running "
            "process (a service) does not grow with the number of decisions, days or "
            "employees it has seen. `cache_size` on `load_policy` sets the size.",
        ]
    )
    print(body)
    if args.write:
        write_section(PERFORMANCE, HEADING, body)


if __name__ == "__main__":
    main()
