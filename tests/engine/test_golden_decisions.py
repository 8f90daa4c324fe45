"""Golden decisions: policy, employee and shift in, the exact decision and explanation out.

Each `tests/golden/decisions/*.json` file holds one case: `policy` (a path relative to the
repository root) or `policy_text` (an inline policy, compiled as `inline.rules`), `employee`,
`shift`, a `note` saying what the case shows and why the expected outcome is right, and the
expected `allowed`, `reasons` (`[rule or null, effect, start, end]` per reason, as
`Decision.reasons` lists them) and `explain` (the text of `Decision.explain()`, exactly).

Each case `X.json` has a twin `X.id.json` in Bahasa Indonesia (LANGUAGE-ID.md §8.3): `language`
"id", and for cases on examples/disdukcapil.rules the §4.1 names and values (`id_names`); the
same `allowed` and `reasons`, and `explain` the Indonesian text. `FLEXRULES_UPDATE_GOLDEN=1`
writes a twin for a case that has none.

To regenerate the expected parts after a deliberate change, run

    FLEXRULES_UPDATE_GOLDEN=1 python -m pytest tests/engine/test_golden_decisions.py

then read every changed explanation against the rules before committing it: these files are
reviewed by eye, and a regenerated file is only as right as that review.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import id_names
import pytest

import flexrules

CHECKOUT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "decisions"
UPDATE = os.environ.get("FLEXRULES_UPDATE_GOLDEN") == "1"
CASES = sorted(GOLDEN.glob("*.json"))
INPUT_KEYS = ("note", "language", "policy", "policy_text", "employee", "shift")
ENGLISH = [path for path in CASES if not path.name.endswith(".id.json")]


@functools.cache
def policy_at(path: str) -> flexrules.Policy:
    return flexrules.load_policy(CHECKOUT / path)


@functools.cache
def inline_policy(text: str) -> flexrules.Policy:
    return flexrules.compile_policy(text, filename="inline.rules")


def policy_of(case: dict[str, Any]) -> flexrules.Policy:
    if "policy_text" in case:
        return inline_policy(case["policy_text"])
    return policy_at(case["policy"])


def reasons_of(decision: flexrules.Decision) -> list[list[Any]]:
    return [[r.rule, r.effect, r.start.isoformat(), r.end.isoformat()] for r in decision.reasons]


def render(case: dict[str, Any]) -> str:
    """The case as JSON: inputs first, then the outcome, one reason per line."""
    lines = ["{"]
    items = [(k, case[k]) for k in (*INPUT_KEYS, "allowed") if k in case]
    for key, value in items:
        text = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        lines.append(f"  {json.dumps(key)}: {text},")
    reasons = ",\n".join(f"    {json.dumps(r, ensure_ascii=False)}" for r in case["reasons"])
    lines.append(f'  "reasons": [\n{reasons}\n  ],' if reasons else '  "reasons": [],')
    lines.append(f'  "explain": {json.dumps(case["explain"], ensure_ascii=False)}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def test_there_are_golden_cases() -> None:
    """The corpus exists and covers at least a dozen cases."""
    assert len(CASES) >= 12


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_decision(path: Path) -> None:
    """`decide()` gives exactly the recorded outcome, reasons and explanation."""
    case = json.loads(path.read_text(encoding="utf-8"))
    decision = policy_of(case).decide(case["employee"], case["shift"])
    actual = {
        "allowed": decision.allowed,
        "reasons": reasons_of(decision),
        "explain": decision.explain(language=case.get("language")),
    }
    if UPDATE:
        path.write_text(render({**case, **actual}), encoding="utf-8")
        return
    assert actual["allowed"] == case["allowed"]
    assert actual["reasons"] == case["reasons"]
    assert actual["explain"].splitlines() == case["explain"].splitlines()
    assert actual["explain"] == case["explain"]


def twin_of(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".json") + ".id.json")


def new_twin(path: Path, case: dict[str, Any]) -> dict[str, Any]:
    """The Indonesian twin of an English case, its expected parts worked out."""
    twin = {
        "note": f"{path.name} in Bahasa Indonesia: the same case, under the names of "
        "LANGUAGE-ID.md §4.1 where it uses examples/disdukcapil.rules.",
        "language": "id",
    }
    if case.get("policy") == id_names.ENGLISH_POLICY:
        twin |= {
            "policy": id_names.TWIN_POLICY,
            "employee": id_names.renamed(case["employee"]),
            "shift": id_names.renamed(case["shift"]),
        }
    else:
        twin |= {k: case[k] for k in ("policy", "policy_text", "employee", "shift") if k in case}
    decision = policy_of(twin).decide(twin["employee"], twin["shift"])
    twin |= {
        "allowed": decision.allowed,
        "reasons": reasons_of(decision),
        "explain": decision.explain(language="id"),
    }
    return twin


@pytest.mark.parametrize("path", ENGLISH, ids=[p.stem for p in ENGLISH])
def test_each_case_has_an_indonesian_twin_that_decides_alike(path: Path) -> None:
    """§8.3: the twin's `allowed` and `reasons` equal the English case's; its `explain` (checked
    by `test_golden_decision`) is in Indonesian."""
    case = json.loads(path.read_text(encoding="utf-8"))
    twin = twin_of(path)
    if UPDATE and not twin.exists():
        twin.write_text(render(new_twin(path, case)), encoding="utf-8")
    recorded = json.loads(twin.read_text(encoding="utf-8"))
    assert recorded["language"] == "id"
    assert (recorded["allowed"], recorded["reasons"]) == (case["allowed"], case["reasons"])
    assert recorded["explain"].startswith("DIIZINKAN " if case["allowed"] else "DITOLAK   ")
    # line for line, but for citations: §4.1 cites only R8, examples/disdukcapil.rules more
    english = [x for x in case["explain"].splitlines() if not x.startswith("      citing ")]
    indonesian = recorded["explain"].splitlines()
    indonesian = [x for x in indonesian if not x.startswith("      berdasarkan ")]
    assert len(indonesian) == len(english)


def test_files_are_in_canonical_form() -> None:
    """Each file is laid out as the updater writes it, so regenerating shows only real changes."""
    for path in CASES:
        text = path.read_text(encoding="utf-8")
        assert text == render(json.loads(text)), path.name


def test_to_dict_and_decide_many_agree_with_the_cases() -> None:
    """`to_dict()` carries the same reasons, and `decide_many` gives the same decisions."""
    cases = [json.loads(p.read_text(encoding="utf-8")) for p in CASES]
    for case in cases:
        policy = policy_of(case)
        data = policy.decide(case["employee"], case["shift"]).to_dict()
        json.dumps(data)  # JSON-ready
        assert data["allowed"] is case["allowed"]
        assert [[r["rule"], r["effect"], r["start"], r["end"]] for r in data["reasons"]] == (
            case["reasons"]
        )
        assert data["policy"]["fingerprint"] == policy.fingerprint
    for key in {c.get("policy") or c["policy_text"] for c in cases}:
        group = [c for c in cases if (c.get("policy") or c["policy_text"]) == key]
        decisions = policy_of(group[0]).decide_many((c["employee"], c["shift"]) for c in group)
        assert [(d.allowed, reasons_of(d)) for d in decisions] == [
            (c["allowed"], c["reasons"]) for c in group
        ]
