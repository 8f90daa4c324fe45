"""`flexrules lint` on a generated policy of 200 rules, and `Decision.alternatives()` on the
bundled policies.

    python benchmarks/lint.py            # prints the tables
    python benchmarks/lint.py --write    # and puts them in docs/performance.md

Run by hand. The 200-rule policy is made from a fixed seed: nine employee attributes and one
shift attribute of every type, five hours patterns, a date set, twenty groups, and rules of
every shift form (`may`, `must`, `must not`, `must work within`) with TIME, conditions and a
few overrides, the mix an agency's merged policy for several units has. Each lint runs in a
fresh process's state (the policy compiled anew). Alternatives are timed for denied shifts of
every bundled policy (the employees and shifts its sample data and a few of our own make).
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from pathlib import Path

from docs_section import PERFORMANCE, write_section

import flexrules
from flexrules.analysis.lint import lint

ROOT = Path(__file__).resolve().parent.parent
HEADER = """policy "Merged units" timezone WITA.
employees have:
  role: text,
  job type: one of "administration", "finance", "personnel", "technical", "public service",
  performance: ranked "very poor" < "poor" < "needs improvement" < "good" < "very good",
  grade: number,
  unit: text,
  position start: date,
  on probation: yes or no,
  under sanction: yes or no,
  in special circumstances: yes or no.
shifts have: approved: yes or no.
working days: Monday to Friday.
holidays: Indonesia, 2025-06-09.
hours service hours: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 11:30, except holidays.
hours window: every day 06:00 to 20:00.
hours core: Monday to Friday 09:00 to 14:00, except holidays.
hours early: Monday to Friday 07:00 to 09:00.
hours late: Monday to Friday 15:00 to 18:00.
dates Ramadan: 2025-03-01 to 2025-03-30.
"""
TEAMS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
    "quebec",
    "romeo",
    "sierra",
    "tango",
]
UNITS = [f"unit {n}" for n in range(1, 21)]
ROLES = ["service desk", "counter", "driver", "auditor", "clerk", "nurse"]


def policy_text(rules: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    lines = [HEADER]
    for n, unit in enumerate(UNITS, 1):
        role = ROLES[n % len(ROLES)]
        team = TEAMS[n - 1]
        lines.append(
            f'group team {team}: employees whose unit is "{unit}" and whose role is "{role}".'
        )
    subjects = [f"team {team}" for team in TEAMS] + [
        "employees",
        "employees who are on probation",
        "employees whose grade is at least 9",
        'employees whose job type is one of "administration", "finance"',
    ]
    activities = [
        "may work from home",
        "may work remotely",
        "may be on-site",
        "may work anywhere",
        "must be on-site",
        "must not work remotely",
        "must not work anywhere",
        "must work within window",
    ]
    times = [
        "",
        " during service hours",
        " outside core",
        " during early",
        " during late",
        " on working days",
        " outside Ramadan",
        " between 12:00 and 13:00",
    ]
    conditions = [
        "",
        ' if their performance is at least "good"',
        " unless they are in special circumstances",
        " if the shift is approved",
        " if their grade is more than 7",
        " unless they are under sanction",
        " if their position start is at least 12 months ago",
    ]
    for n in range(1, rules + 1):
        overrides = f" overrides R{rnd.randint(1, n - 1)}" if n > 1 and rnd.random() < 0.05 else ""
        activity = rnd.choice(activities)
        when = "" if activity.endswith("within window") else rnd.choice(times)
        sentence = rnd.choice(subjects) + " " + activity + when + rnd.choice(conditions)
        lines.append(f"rule R{n}{overrides}: {sentence}.")
    return "\n".join(lines) + "\n"


def time_lint(rules: int) -> tuple[float, int, int, int]:
    policy = flexrules.compile_policy(policy_text(rules), "merged.rules")
    start = time.perf_counter()
    report = lint(policy)
    return time.perf_counter() - start, len(report.findings), report.day_classes, report.pieces


PEOPLE = [
    {
        "id": "A",
        "role": "staff",
        "job type": "finance",
        "performance": "needs improvement",
        "grade": 8,
        "on probation": False,
        "under sanction": False,
        "position start": "2020-01-01",
        "in special circumstances": False,
    },
    {
        "id": "B",
        "role": "service desk",
        "job type": "public service",
        "performance": "good",
        "profession": "registration clerk",
        "unit": "registration",
        "on probation": True,
    },
]
SHIFTS = [
    {"start": "2025-07-07T09:00", "end": "2025-07-07T12:00", "location": "home"},
    {"start": "2025-07-11T05:00", "end": "2025-07-11T09:00", "location": "anywhere"},
    {"start": "2025-07-08T13:00", "end": "2025-07-08T17:00", "location": "home"},
]


def time_alternatives() -> list[tuple[str, int, float, float]]:
    found = []
    for path in (
        "disdukcapil.rules",
        "education-office.rules",
        "provincial-office.rules",
        "puskesmas.rules",
        "hospital",
    ):
        policy = flexrules.load_policy(ROOT / "examples" / path)
        times = []
        for person in PEOPLE:
            for shift in SHIFTS:
                decision = policy.decide(person, shift)
                if decision.allowed:
                    continue
                start = time.perf_counter()
                decision.alternatives()
                times.append(time.perf_counter() - start)
        if times:
            found.append((path, len(times), statistics.median(times), max(times)))
    return found


NOTE = """
Where the 200-rule run goes (measured with the phases timed): `redundant` about 15 s (a z3
question per rule for a shift it decides, then, for each other rule that also decides that
shift, whether it decides every shift the first does), `never-permits` and `unknown-permits`
about 4 s each, `no-allowed-place` 3 s, `never-applies` 2 s, and building the classes, the
day classes (731 days) and the formulas about 9 s. So a policy of 200 rules lints in about
40 s on this shared 2-core machine, not yet the "seconds" AUTHORING.md asks for; 50 rules take
7 s. Every question is put to z3 over the whole policy's formula at each place; asking each
only about the rules whose TIME and subject can meet the rule in question would shrink them,
and is the next step. The slowest alternatives (146 ms) is a policy's first call, which builds
its value classes; later calls take 15-35 ms."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write docs/performance.md")
    args = parser.parse_args()
    rows = [
        "| rules | lint (s) | findings | day classes | pieces |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rules in (50, 100, 200):
        seconds, findings, days, pieces = time_lint(rules)
        rows.append(f"| {rules} | {seconds:.1f} | {findings} | {days} | {pieces} |")
        print(rows[-1], flush=True)
    alt = ["| policy | denied shifts | median (ms) | slowest (ms) |", "| --- | --- | --- | --- |"]
    for path, count, median, slowest in time_alternatives():
        alt.append(f"| {path} | {count} | {median * 1000:.1f} | {slowest * 1000:.1f} |")
        print(alt[-1], flush=True)
    machine = (
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}"
    )
    body = "\n".join(
        [
            "`python benchmarks/lint.py` (run by hand; " + machine + "). `flexrules lint` on a",
            "generated policy (a fixed seed: nine employee attributes and a shift attribute of",
            "every type, five hours patterns, a date set, twenty groups, rules of every shift",
            "form with TIME, conditions and a few overrides), the whole run: classes, the z3",
            "questions and every witness decided:",
            "",
            *rows,
            "",
            "`Decision.alternatives()` for denied shifts of each bundled policy (every place, the",
            "30-minute grid of the day both ways, every class of every attribute, each decided):",
            "",
            *alt,
            *NOTE.splitlines(),
        ]
    )
    if args.write:
        write_section(PERFORMANCE, "## Lint and why-not", body)
        print(f"wrote {PERFORMANCE}", file=sys.stderr)


if __name__ == "__main__":
    main()
