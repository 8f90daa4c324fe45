"""`flexrules demo`: the bundled example policies, deciding and rostering their sample data."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .. import files
from ..api import compile_policy
from ..core.diagnostics import render_text
from ..core.errors import PolicyError
from ..policy import Policy
from .common import EXIT_ERRORS, EXIT_OK, Subparsers, count, counts, print_err, print_out

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable


def add_demo(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "demo",
        help="show the bundled Disdukcapil policy deciding sample shifts",
        description="Load the example policies shipped with flexrules, list the Disdukcapil "
        "policy's rules and decide its sample shifts, with explanations.",
    )
    command.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    root = examples_root()
    if root is None:
        print_err("error: the bundled examples are missing from this installation")
        return EXIT_ERRORS
    status = EXIT_OK
    policies: dict[str, Policy] = {}
    for name, texts in bundled_policies(root):
        try:
            policies[name] = compile_policy(texts)
        except PolicyError as exc:
            print_out(render_text(exc.diagnostics))
            print_out(f"{name}: failed ({count(len(exc.errors), 'error')})\n")
            status = EXIT_ERRORS
    main_policy = policies.get(DEMO_POLICY)
    if main_policy is not None:
        print_out(describe_policy(DEMO_POLICY, main_policy))
        print_out(demo_decisions(main_policy, root))
        if (root / "roster" / "shifts.csv").is_file():
            print_out(demo_roster(main_policy, root))
    others = [(name, policy) for name, policy in policies.items() if name != DEMO_POLICY]
    if others:
        print_out("== Also bundled (checked, no errors)")
        for name, policy in others:
            print_out(f"   {name}: {policy.name}; {counts(policy)}")
    return status


DEMO_POLICY = "disdukcapil.rules"


def demo_decisions(policy: Policy, root: Traversable) -> str:
    """The sample shifts of `examples/data`, each decided and explained under its note."""
    data = root / "data"
    employees = {e["id"]: e for e in json.loads((data / "employees.json").read_text("utf-8"))}
    shifts = json.loads((data / "shifts.json").read_text("utf-8"))
    blocks = ["== Sample decisions (examples/data/shifts.json)"]
    for shift in shifts:
        employee = employees[shift["employee"]]
        decision = policy.decide(employee, shift)
        note = shift.get("note")
        blocks.append((f"# {note}\n" if note else "") + decision.explain())
    return "\n\n".join(blocks) + "\n"


DEMO_PERIOD = ("2025-07-01", "2025-07-31")
ROSTER_COMMAND = (
    "flexrules roster examples/disdukcapil.rules --employees examples/roster/employees.csv \\\n"
    "    --shifts examples/roster/shifts.csv --absences examples/roster/leave.csv \\\n"
    "    --period 2025-07-01 2025-07-31"
)


def demo_roster(policy: Policy, root: Traversable) -> str:
    """The July 2025 roster of `examples/roster`: the first days, then only the problems."""
    folder = root / "roster"
    with contextlib.ExitStack() as stack:
        path = {
            name: stack.enter_context(resources.as_file(folder / name))
            for name in ("employees.csv", "shifts.csv", "leave.csv")
        }
        roster = files.read_roster(
            path["employees.csv"], path["shifts.csv"], policy, path["leave.csv"]
        )
    report = policy.check_roster(roster.schedules(), DEMO_PERIOD)
    return "\n".join(
        [
            "== A month's roster (examples/roster): the first 3 days, then only the problems",
            "   44 staff in July 2025, with five mistakes planted; the whole month, in a checkout:",
            "   " + ROSTER_COMMAND.replace("\n", "\n   "),
            "",
            report.explain(first_days=3),
            "",
        ]
    )


def examples_root() -> Traversable | None:
    """The example policies: inside the installed package, else the checkout's `examples/`."""
    packaged = resources.files("flexrules") / "examples"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "examples"
    if checkout.is_dir():
        return checkout
    return None


def bundled_policies(root: Traversable) -> list[tuple[str, dict[str, str]]]:
    """Each example policy: a top-level `.rules` file, or a folder holding `.rules` files.

    Texts are read into memory (the examples may sit inside a zip file), named by their path
    under the examples folder, so messages say `hospital/rules.rules:9`.
    """
    found: list[tuple[str, dict[str, str]]] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith(".rules"):
            found.append((entry.name, {entry.name: entry.read_text(encoding="utf-8")}))
        elif entry.is_dir():
            texts = dict(rules_files(entry, entry.name))
            if texts:
                found.append((entry.name + "/", texts))
    return found


def rules_files(folder: Traversable, prefix: str) -> Iterable[tuple[str, str]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = f"{prefix}/{entry.name}"
        if entry.is_dir():
            yield from rules_files(entry, name)
        elif entry.name.endswith(".rules"):
            yield name, entry.read_text(encoding="utf-8")


def describe_policy(name: str, policy: Policy) -> str:
    header = f"== {policy.name}"
    if policy.version:
        header += f" (version {policy.version})"
    lines = [
        header,
        f"   {name}: {policy.timezone}, default {policy.default}; {counts(policy)}",
        "",
    ]
    for rule in policy.rules:
        title = f' "{rule.title}"' if rule.title else ""
        lines.append(f"{rule.id}{title}  [{rule.kind}]  ({rule.source})")
        if rule.citation:
            lines.append(f"    citing {rule.citation}")
        if rule.overrides:
            lines.append(f"    overrides {', '.join(rule.overrides)}")
        lines.append(f"    {rule.text}")
    return "\n".join(lines) + "\n"
