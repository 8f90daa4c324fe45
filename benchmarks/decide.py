"""Decisions per second on examples/disdukcapil.rules: cold, warm, explained (in English and in
Bahasa Indonesia), and bulk.

    python benchmarks/decide.py            # prints a table; --write adds it to docs/performance.md

Run by hand; figures go into docs/performance.md. The cases come from the same seeded generator
the oracle comparison uses, so they cover holidays, time zones, unknown facts and midnight.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))

from casegen import generate  # noqa: E402
from docs_section import write_section  # noqa: E402 - beside this script

import flexrules  # noqa: E402

Case = tuple[dict[str, Any], dict[str, Any]]


def best_rate(action, count: int, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return count / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    args = parser.parse_args()

    cases = generate(7, args.cases * 2)
    started = time.perf_counter()
    policy = flexrules.load_policy(ROOT / "examples" / "disdukcapil.rules")
    load_ms = (time.perf_counter() - started) * 1000
    good = decidable(policy, cases, args.cases)

    fresh = flexrules.load_policy(ROOT / "examples" / "disdukcapil.rules")
    started = time.perf_counter()
    fresh.decide(*good[0])
    cold_us = (time.perf_counter() - started) * 1e6

    def single() -> None:
        for employee, shift in good:
            policy.decide(employee, shift).reasons  # noqa: B018

    def explained() -> None:
        for employee, shift in good[:2000]:
            policy.decide(employee, shift).explain()

    def explained_id() -> None:
        for employee, shift in good[:2000]:
            policy.decide(employee, shift).explain(language="id")

    def bulk() -> None:
        for decision in policy.decide_many(good):
            decision.reasons  # noqa: B018

    rows = [
        (
            "load and compile examples/disdukcapil.rules (first in this process)",
            f"{load_ms:,.1f} ms",
        ),
        ("first decision on a fresh policy (cold: day plans, holidays)", f"{cold_us:,.0f} µs"),
        ("warm single decide() with reasons", f"{best_rate(single, len(good)):,.0f} /s"),
        ("decide() + explain()", f"{best_rate(explained, 2000):,.0f} /s"),
        ('decide() + explain(language="id")', f"{best_rate(explained_id, 2000):,.0f} /s"),
        ("decide_many()", f"{best_rate(bulk, len(good)):,.0f} /s"),
    ]
    table = ["| measure | result |", "| --- | --- |"] + [f"| {a} | {b} |" for a, b in rows]
    text = "\n".join([header(len(good), args.write), "", *table])
    print(text)
    if args.write:
        write_section(ROOT / "docs" / "performance.md", "## Deciding shifts", text)


def decidable(policy: flexrules.Policy, cases: list[Case], count: int) -> list[Case]:
    """The first `count` cases the policy decides without an input error, so that only
    decisions are timed."""
    good: list[Case] = []
    for employee, shift in cases:
        try:
            policy.decide(employee, shift)
        except flexrules.InputError:
            continue
        good.append((employee, shift))
        if len(good) == count:
            break
    return good


def header(count: int, write: bool) -> str:
    """The paragraph above the table: where, how and on what the figures were measured."""
    return (
        f"Measured {dt.date.today()} on {platform.machine()} with {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, best of 5; command: "
        f"`python benchmarks/decide.py{' --write' if write else ''}`. The "
        f"{count:,} cases come from the generator the oracle tests use: each its own "
        "employee, many in other time zones or with aware times, datetime objects, shifts "
        "past midnight, missing and ill-typed facts, so most take the general input path "
        "(the side-by-side table shows the quick path for plain dicts). Each rate "
        "reads every decision's reasons. On this policy, which has a relative date and a "
        "shift attribute, `decide_many` is a loop of `decide` that keeps every decision."
    )


if __name__ == "__main__":
    main()
