"""`flexrules demo`: the bundled example policies, deciding and rostering their sample data."""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .. import files
from ..api import compile_policy
from ..authoring.examples import run_examples
from ..core.diagnostics import render_text
from ..core.errors import PolicyError
from ..core.messages import Count, Text, Zone, say
from ..policy import Policy
from .common import EXIT_ERRORS, EXIT_OK, Subparsers, policy_counts, print_err, print_out
from .options import add_language

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
        "policy's rules and decide its sample shifts, with explanations. With --lang id, in "
        "Bahasa Indonesia (the Indonesian example policy and its data, where they are bundled).",
    )
    add_language(command)
    command.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    language = args.lang or "en"
    root = examples_root()
    if root is None:
        print_err(say("demo.missing", language))
        return EXIT_ERRORS
    status = EXIT_OK
    policies: dict[str, Policy] = {}
    for name, texts in bundled_policies(root):
        try:
            policies[name] = compile_policy(texts)
        except PolicyError as exc:
            print_out(render_text(exc.diagnostics))
            errors = Count(len(exc.errors), "noun.error")
            print_out(say("demo.failed", language, name=name, errors=errors))
            status = EXIT_ERRORS
    main_name, folder = demo_policy(root, language)
    main_policy = policies.get(main_name)
    if main_policy is not None:
        print_out(describe_policy(main_name, main_policy, language))
        print_out(demo_decisions(main_policy, root, language, folder))
    # the month's roster and the examples are those of the policy shown (examples/id/ holds
    # the Indonesian policy's, in its words); else the English example's, in any language
    sub = "id/" if main_name == INDONESIAN_POLICY else ""
    if not (root / f"{sub}roster" / "shifts.csv").is_file():
        sub = ""
    roster_policy = policies.get(INDONESIAN_POLICY if sub else DEMO_POLICY)
    if roster_policy is not None and (root / f"{sub}roster" / "shifts.csv").is_file():
        print_out(demo_roster(roster_policy, root, language, sub))
    examples = f"{sub}{DEMO_EXAMPLES}"
    if roster_policy is not None and (root / examples).is_file():
        print_out(demo_examples(roster_policy, root, language, examples))
    others = [(name, policy) for name, policy in policies.items() if name != main_name]
    if others:
        print_out(say("demo.also", language))
        for name, policy in others:
            print_out(
                say(
                    "demo.also_policy",
                    language,
                    file=name,
                    name=policy.name,
                    counts=policy_counts(policy),
                )
            )
    return status


DEMO_POLICY = "disdukcapil.rules"
#: the Indonesian example policy (LANGUAGE-ID.md §4.1) and its sample data, when bundled
INDONESIAN_POLICY = "id/disdukcapil.rules"


#: the examples that test the demo's policy (`flexrules test`)
DEMO_EXAMPLES = "disdukcapil.examples"


def demo_examples(
    policy: Policy, root: Traversable, language: str = "en", examples: str = DEMO_EXAMPLES
) -> str:
    """`flexrules test --coverage` on the bundled examples of the demo's policy."""
    path = Path(str(root / examples))
    report = run_examples(policy, path, language=language)
    passed = sum(1 for r in report.results if r.passed)
    lines = [
        say("demo.examples", language, file=f"examples/{examples}"),
        "   "
        + say(
            "test.summary",
            language,
            file=DEMO_EXAMPLES,
            examples=Count(len(report.results), "noun.example"),
            passed=passed,
            failed=len(report.results) - passed,
        ),
        *("   " + line for line in report.coverage().lines(language)),
    ]
    return "\n".join(lines) + "\n"


def demo_policy(root: Traversable, language: str) -> tuple[str, str]:
    """The policy the demo shows and the folder of its sample shifts (under the examples): in
    Indonesian, the Indonesian example with its data where they are bundled; else the English
    example (whose decisions are then explained in Indonesian)."""
    indonesian = root / "id"
    bundled = (indonesian / "disdukcapil.rules").is_file() and (
        indonesian / "data" / "shifts.json"
    ).is_file()
    if language == "id" and bundled:
        return INDONESIAN_POLICY, "id/data"
    return DEMO_POLICY, "data"


def demo_decisions(
    policy: Policy, root: Traversable, language: str = "en", folder: str = "data"
) -> str:
    """The sample shifts of `examples/data` (or another `folder` of the examples), each
    decided and explained under its note."""
    data = root.joinpath(*folder.split("/"))
    employees = {e["id"]: e for e in json.loads((data / "employees.json").read_text("utf-8"))}
    shifts = json.loads((data / "shifts.json").read_text("utf-8"))
    where = f"examples/{folder}/shifts.json"
    blocks = [say("demo.decisions", language, file=where)]
    for shift in shifts:
        employee = employees[shift["employee"]]
        decision = policy.decide(employee, shift)
        note = shift.get("note")
        blocks.append((f"# {note}\n" if note else "") + decision.explain(language))
    return "\n\n".join(blocks) + "\n"


DEMO_PERIOD = ("2025-07-01", "2025-07-31")
ROSTER_COMMAND = (
    "flexrules roster examples/{sub}disdukcapil.rules --employees examples/{sub}roster/"
    "employees.csv \\\n    --shifts examples/{sub}roster/shifts.csv --absences "
    "examples/{sub}roster/leave.csv \\\n    --period 2025-07-01 2025-07-31"
)


def demo_roster(policy: Policy, root: Traversable, language: str = "en", sub: str = "") -> str:
    """The July 2025 roster of `examples/roster` (`examples/id/roster` with `sub` "id/"): the
    first days, then only the problems."""
    folder = root / f"{sub}roster"
    with contextlib.ExitStack() as stack:
        path = {
            name: stack.enter_context(resources.as_file(folder / name))
            for name in ("employees.csv", "shifts.csv", "leave.csv")
        }
        roster = files.read_roster(
            path["employees.csv"], path["shifts.csv"], policy, path["leave.csv"]
        )
    report = policy.check_roster(roster.schedules(), DEMO_PERIOD)
    command = ROSTER_COMMAND.format(sub=sub) + (" --lang id" if language == "id" else "")
    return "\n".join(
        [
            say("demo.roster", language, folder=f"examples/{sub}roster"),
            say("demo.roster_story", language),
            "   " + command.replace("\n", "\n   "),
            "",
            report.explain(first_days=3, language=language),
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


def bundled_policies(root: Traversable, prefix: str = "") -> list[tuple[str, dict[str, str]]]:
    """Each example policy: a top-level `.rules` file, or a folder holding `.rules` files.

    Texts are read into memory (the examples may sit inside a zip file), named by their path
    under the examples folder, so messages say `hospital/rules.rules:9`. A folder whose files
    hold more than one policy header (`examples/id/`: the Indonesian examples and their
    English twins) is a folder of policies, each file (or sub-folder) its own.
    """
    found: list[tuple[str, dict[str, str]]] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        name = prefix + entry.name
        if entry.is_file() and entry.name.endswith(".rules"):
            found.append((name, {name: entry.read_text(encoding="utf-8")}))
        elif entry.is_dir():
            texts = dict(rules_files(entry, name))
            own = [text for path, text in texts.items() if path.count("/") == name.count("/") + 1]
            if sum(1 for text in own if _HEADER.search(text)) > 1:
                found.extend(bundled_policies(entry, name + "/"))
            elif texts:
                found.append((name + "/", texts))
    return found


#: a policy header, in either language: `policy "..."`, `kebijakan "..."`
_HEADER = re.compile(r'^[ \t]*(?:policy|kebijakan)\s+"', re.IGNORECASE | re.MULTILINE)


def rules_files(folder: Traversable, prefix: str) -> Iterable[tuple[str, str]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = f"{prefix}/{entry.name}"
        if entry.is_dir():
            yield from rules_files(entry, name)
        elif entry.name.endswith(".rules"):
            yield name, entry.read_text(encoding="utf-8")


#: a rule's kind (`Policy.rules`) as the demo's list names it
_KINDS = {
    "shift rule": "kind.shift_rule",
    "within": "kind.within",
    "day maximum": "kind.day_maximum",
    "day minimum": "kind.day_minimum",
    "hour minimum": "kind.hour_minimum",
    "hour maximum": "kind.hour_maximum",
    "staffing": "kind.staffing",
    "share": "kind.share",
    "core hours": "kind.core_hours",
    "start window": "kind.start_window",
    "invalid": "kind.invalid",
}


def describe_policy(name: str, policy: Policy, language: str = "en") -> str:
    version = say("demo.version", language, version=policy.version) if policy.version else ""
    default = Text("default.allow" if policy.default == "allow" else "default.deny")
    lines = [
        say("demo.policy", language, name=policy.name, version=version),
        say(
            "demo.summary",
            language,
            file=name,
            zone=Zone(policy.timezone),
            default=default,
            counts=policy_counts(policy),
        ),
        "",
    ]
    for rule in policy.rules:
        title = f' "{rule.title}"' if rule.title else ""
        kind = Text(_KINDS[rule.kind]) if rule.kind in _KINDS else rule.kind
        lines.append(
            say("demo.rule", language, rule=rule.id + title, kind=kind, source=str(rule.source))
        )
        if rule.citation:
            lines.append(say("demo.citing", language, citation=rule.citation))
        if rule.overrides:
            lines.append(say("demo.overrides", language, rules=", ".join(rule.overrides)))
        lines.append(f"    {rule.text}")
    return "\n".join(lines) + "\n"
