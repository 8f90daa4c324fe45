"""How long `flexrules.compile_policy` takes on policies of 100, 1,000 and 10,000 rules.

    python benchmarks/load.py            # prints the table
    python benchmarks/load.py --write    # and puts it into docs/performance.md
    python benchmarks/load.py --sizes 100 1000  # other sizes

The policies are generated from a fixed seed and look like real ones: a header, typed
attributes, a calendar, hours and dates, one group for every ten rules, and rules of every form
with subjects, times and conditions. Each size is timed as the best of several runs after a
warm-up compile (which builds the parser once); the one-off parser build is timed apart, both
from scratch and from the on-disk table cache. A split per stage (parse and lower, checks,
compile) shows where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import os
import platform
import pstats
import random
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docs_section import write_section  # noqa: E402 - beside this script

import flexrules  # noqa: E402
from flexrules.core.source import SourceFile  # noqa: E402
from flexrules.engine.compile import compile_rules  # noqa: E402
from flexrules.language import parser as parser_module  # noqa: E402
from flexrules.language.checks import check  # noqa: E402
from flexrules.language.parse import parse  # noqa: E402
from flexrules.policy import Policy  # noqa: E402
from flexrules.rosters.compile import compile_limits  # noqa: E402

SIZES = (100, 1_000, 10_000)
HEADING = "## Loading and checking policies"

HEAD = """\
# A generated policy for benchmarks/load.py: {rules} rules.

policy "Generated benchmark policy"
  version "1"
  timezone Asia/Jakarta
  default deny.

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

shifts have:
  approved: yes or no,
  kind: one of "regular", "home visit", "night".

working days: Monday to Friday.
holidays: Indonesia with joint holidays, 2025-06-09, 2025-12-26.

dates Ramadan: 2025-03-01 to 2025-03-30.
dates closure: 2025-12-29 to 2025-12-31, 2025-04-08.
"""


def tag(index: int) -> str:
    """A word for a number: 0 -> `a0`, 27 -> `b1`... (names cannot hold bare digits)."""
    return string.ascii_lowercase[index % 26] + str(index // 26)


#: The bodies of rule forms 0 to 7 (a rule's form is its index modulo 10); forms 8 and 9 draw
#: more from the generator, so `_rule` writes them itself.
_BODIES = (
    "{group} must be on-site during {window}",
    "{group} may work remotely on working days\n"
    '  if their performance is at least "good"\n'
    "  and (they are not on probation or the shift is approved)",
    'employees whose job type is one of "finance", "personnel"\n'
    "  and whose grade is at least {grade}\n"
    "  may work from home on Monday, Wednesday and Friday"
    " between 07:30 and 16:00\n"
    "  unless they are under sanction",
    "{group} must work within {window} if they are not in special circumstances",
    "{group} must not work remotely more than 2 working days per week\n"
    "  unless they are in special circumstances",
    "{group} must work at least 7.5 hours per working day outside Ramadan",
    "at least 2 {group} in each unit must be on-site during {window}",
    "at most 30% of {group} in each unit may work remotely per day",
)


def generate(rules: int, seed: int = 2025) -> str:
    """A valid policy with `rules` rules, realistic in shape, the same for the same seed."""
    rnd = random.Random(seed)
    groups = max(5, rules // 10)
    hours = max(3, rules // 50)
    lines = [HEAD.format(rules=rules)]
    for index in range(hours):
        start = rnd.choice(["07:00", "07:30", "08:00"])
        lines.append(
            f"hours window {tag(index)}: Monday to Thursday {start} to 15:30, "
            f"Friday {start} to 11:30, except holidays.\n"
        )
    for index in range(groups):
        unit = f"unit {index}"
        kind = rnd.choice(["administration", "finance", "personnel", "technical"])
        lines.append(
            f"group staff {tag(index)}:\n"
            f'  employees whose unit is "{unit}" and whose job type is "{kind}"\n'
            f"  and who are not under sanction\n"
            f'  or employees whose role is "{unit} lead".\n'
        )
    shift_rules: list[str] = []
    for index in range(rules):
        lines.append(_rule(rnd, index, groups, hours, shift_rules))
    return "\n".join(lines)


def _rule(rnd: random.Random, index: int, groups: int, hours: int, shift_rules: list[str]) -> str:
    """Rule `index`, of form `index % 10`. Forms 0 to 2 are shift rules, remembered in
    `shift_rules` for a later form 8 to override (one of the last 50)."""
    group = f"staff {tag(rnd.randrange(groups))}"
    window = f"window {tag(rnd.randrange(hours))}"
    grade = rnd.randint(5, 12)
    rule_id = f"R{index + 1}"
    overrides = ""
    form = index % 10
    title = f'"Rule {index + 1}" citing "PermenPANRB 4/2025 Pasal {rnd.randint(8, 30)}"'
    if form < len(_BODIES):
        body = _BODIES[form].format(group=group, window=window, grade=grade)
    elif form == 8 and shift_rules:
        target = rnd.choice(shift_rules[-50:])
        overrides = f" overrides {target}"
        body = (
            f"{group} may work from home during closure\n"
            f'  if the shift\'s kind is "home visit" and the shift is approved'
        )
    else:
        body = (
            f"employees whose position start is less than {rnd.randint(3, 24)} months "
            f"ago\n  must be on-site outside Ramadan"
        )
    if form in (0, 1, 2):
        shift_rules.append(rule_id)
    return f"rule {rule_id} {title}{overrides}:\n  {body}.\n"


def best_of(action: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def stages(text: str) -> tuple[float, float, float]:
    """Seconds spent parsing and lowering, checking, and compiling (one run, the garbage
    collector running as it does in `compile_policy`)."""
    gc.collect()
    return _stages(text)


def _stages(text: str) -> tuple[float, float, float]:
    source = SourceFile("generated.rules", text)
    started = time.perf_counter()
    trees = parse([source])
    parsed = time.perf_counter()
    checked_policy = check(trees)
    checked = time.perf_counter()
    rules = compile_rules(checked_policy.symbols)
    Policy(checked_policy, rules, compile_limits(rules), flexrules.api._rebuild)
    compiled = time.perf_counter()
    return parsed - started, checked - parsed, compiled - checked


def parser_build_times() -> tuple[float, float]:
    """Seconds to build the LALR tables from the grammar, and to load them from the cache."""
    scratch = best_of(parser_module.build_parser, 1)
    parser_module.parser.cache_clear()
    parser_module.parser()  # writes the cache file if there is none yet
    parser_module.parser.cache_clear()
    cached = best_of(parser_module.parser, 1)
    return scratch, cached


def hotspots(text: str, count: int = 6) -> list[tuple[str, int, float, float]]:
    """The functions one compile spends most of its own time in: (where, calls, own, total)."""
    profiler = cProfile.Profile()
    profiler.enable()
    flexrules.compile_policy(text)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = []
    for (file, line, function), (_, calls, own, total, _) in stats.items():
        where = f"{Path(file).name}:{line} {function}" if line else function
        rows.append((where, calls, own, total))
    rows.sort(key=lambda row: row[2], reverse=True)
    return rows[:count]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--write", action="store_true", help="update docs/performance.md")
    options.add_argument("--repeat", type=int, default=5, help="runs per size (best is kept)")
    options.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = options.parse_args()

    load_before = os.getloadavg()[0]
    scratch, cached = parser_build_times()
    texts = {size: generate(size) for size in args.sizes}
    flexrules.compile_policy(generate(100))  # warm-up: the parser is built once, here

    rows = []
    measured: dict[int, tuple[float, tuple[float, float, float]]] = {}
    base_per_rule = None
    for size in args.sizes:
        text = texts[size]
        policy = flexrules.compile_policy(text)
        assert len(policy.rules) == size and not policy.diagnostics
        # small policies are cheap to time again, and noise weighs most on them
        repeat = (
            args.repeat * 4
            if size <= 100
            else args.repeat
            if size < 10_000
            else max(1, args.repeat // 2)
        )
        seconds = best_of(lambda text=text: flexrules.compile_policy(text), repeat)
        runs = [stages(text) for _ in range(3 if size < 10_000 else 2)]
        parse, check, compile_ = (min(run[i] for run in runs) for i in range(3))
        measured[size] = (seconds, (parse, check, compile_))
        per_rule = seconds / size * 1e6
        base_per_rule = base_per_rule or per_rule
        rows.append(
            f"| {size:,} | {len(text) / 1024:,.0f} KiB | {text.count(chr(10)):,} "
            f"| **{seconds * 1000:,.0f} ms** "
            f"| {per_rule:,.0f} µs ({per_rule / base_per_rule:.2f}×) "
            f"| {parse * 1000:,.0f} / {check * 1000:,.0f} / {compile_ * 1000:,.0f} ms |"
        )
    largest = max(args.sizes)
    smallest = min(args.sizes)
    spots = hotspots(texts[largest])
    seconds, split = measured[largest]
    growth = seconds / measured[smallest][0]
    findings = [
        f"From {smallest:,} to {largest:,} rules the time grows {growth:,.0f}× for "
        f"{largest // smallest:,}× the rules"
        + (" (near-linear)." if growth < 1.5 * largest / smallest else " (worse than linear).")
    ]
    if 1_000 in measured:
        verdict = "meets" if measured[1_000][0] < 1 else "misses"
        findings.append(
            f"1,000 rules take {measured[1_000][0] * 1000:,.0f} ms: this {verdict} the 1 s target."
        )
    findings.append(
        f"At {largest:,} rules the stages take {split[0] / sum(split) * 100:,.0f}% / "
        f"{split[1] / sum(split) * 100:,.0f}% / {split[2] / sum(split) * 100:,.0f}% "
        "(parse+lower / checks / compile)."
    )

    command = "python benchmarks/load.py" + (" --write" if args.write else "")
    if args.sizes != list(SIZES):
        command += " --sizes " + " ".join(map(str, args.sizes))
    body = "\n".join(
        [
            f"Measured {dt.date.today()} on {platform.machine()} with `nproc` = {os.cpu_count()}, "
            f"Python {platform.python_version()}, lark {parser_module.lark.__version__}; "
            f"command: `{command}` (best of {args.repeat * 4} runs for 100 rules, "
            f"{args.repeat} for 1,000, {max(1, args.repeat // 2)} for 10,000, after a warm-up "
            "compile that builds the parser); load average "
            f"{load_before:.1f} before and {os.getloadavg()[0]:.1f} after (other work on the "
            "machine slows the figures).",
            "",
            "The generated policies are realistic in shape: typed attributes, a calendar, one "
            "group per ten rules (each with refinements and `or`), hours, dates, and rules of "
            "every form with times, `if`/`unless` conditions, citations and overrides. The stage "
            "split is the best of three more runs (two for 10,000 rules), with the garbage "
            "collector running, as in `compile_policy`.",
            "",
            "| rules | size | lines | `compile_policy` (best) | per rule (vs the smallest) "
            "| parse+lower / checks / compile |",
            "| ---: | ---: | ---: | ---: | ---: | --- |",
            *rows,
            "",
            f"One-off parser build, per process: {scratch * 1000:,.0f} ms to build the LALR tables "
            f"from the grammar; {cached * 1000:,.0f} ms to load them from the on-disk cache "
            "(`~/.cache/flexrules`), which later processes use.",
            "",
            *(f"- {line}" for line in findings),
            "",
            f"Where one compile of {largest:,} rules spends its own time (cProfile, which slows "
            "everything down; read the shares, not the totals):",
            "",
            "| function | calls | own time | with callees |",
            "| --- | ---: | ---: | ---: |",
            *(
                f"| `{where}` | {calls:,} | {own:,.2f} s | {total:,.2f} s |"
                for where, calls, own, total in spots
            ),
        ]
    )
    print(body)
    if args.write:
        write_section(ROOT / "docs" / "performance.md", HEADING, body)


if __name__ == "__main__":
    main()
