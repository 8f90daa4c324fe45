"""Why not (`Decision.alternatives`), held to brute force: every place, every span of the same
length on the 30-minute grid of the day, every single fact change over a wide set of values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import flexrules
from flexrules import cli

EXAMPLES = Path(__file__).parents[2] / "examples"
POLICY = flexrules.load_policy(EXAMPLES / "disdukcapil.rules")
PERFORMANCE = ["very poor", "poor", "needs improvement", "good", "very good"]
JOBS = ["administration", "finance", "personnel", "technical", "public service"]
#: wide value sets, chosen without the linter's classes
VALUES: dict[str, list[Any]] = {
    "role": ["service desk", "staff", "x"],
    "job type": JOBS,
    "performance": PERFORMANCE,
    "grade": list(range(0, 16)),
    "position start": [dt.date(2020, 1, 1) + dt.timedelta(days=30 * k) for k in range(80)],
    "on probation": [True, False],
    "under sanction": [True, False],
    "in special circumstances": [True, False],
}
SHIFT_VALUES = {"approved": [True, False]}
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
        "job type": "technical",
        "performance": "good",
        "grade": 8,
        "on probation": True,
        "under sanction": False,
        "position start": "2025-03-01",
        "in special circumstances": False,
    },
    {
        "id": "C",
        "role": "staff",
        "job type": "technical",
        "performance": "good",
        "grade": 9,
        "on probation": False,
        "under sanction": False,
        "position start": "2019-01-01",
    },
]
SHIFTS = [
    {"start": "2025-07-07T09:00", "end": "2025-07-07T12:00", "location": "home", "approved": False},
    {"start": "2025-07-11T10:30", "end": "2025-07-11T14:00", "location": "anywhere"},
    {"start": "2025-07-08T05:00", "end": "2025-07-08T08:00", "location": "office"},
]
CASES = [(p, s) for p in PEOPLE for s in SHIFTS if not POLICY.decide(p, s).allowed]


def allowed(employee: dict[str, Any], shift: dict[str, Any]) -> bool:
    return POLICY.decide(employee, shift).allowed


def test_there_are_denied_cases() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize(
    ("employee", "shift"),
    [*CASES[:2], *(pytest.param(*case, marks=pytest.mark.slow) for case in CASES[2:])],
)
def test_alternatives_agree_with_brute_force(
    employee: dict[str, Any], shift: dict[str, Any]
) -> None:
    decision = POLICY.decide(employee, shift)
    found = decision.alternatives(limit=None)
    for item in found:  # each one decided, and allowed when decided again
        assert item.decision.allowed and allowed(item.employee, item.shift)
    places = {a.shift["location"] for a in found if a.kind == "place"}
    assert places == {
        p
        for p in ("office", "home", "anywhere")
        if p != shift["location"] and allowed(employee, {**shift, "location": p})
    }
    start = dt.datetime.fromisoformat(shift["start"])
    length = dt.datetime.fromisoformat(shift["end"]) - start
    day = dt.datetime.combine(start.date(), dt.time())
    grid = [start + dt.timedelta(minutes=30 * k) for k in range(-48, 49)]
    fits = [
        s
        for s in grid
        if day <= s
        and s + length <= day + dt.timedelta(days=1)
        and s != start
        and allowed(employee, {**shift, "start": s.isoformat(), "end": (s + length).isoformat()})
    ]
    earlier = max((s for s in fits if s < start), default=None)
    later = min((s for s in fits if s > start), default=None)
    moves = {
        a.kind: dt.datetime.fromisoformat(a.shift["start"])
        for a in found
        if a.kind in ("earlier", "later")
    }
    assert moves.get("earlier") == earlier and moves.get("later") == later
    changed = set()
    for name, values in VALUES.items():
        if any(allowed({**employee, name: v}, shift) for v in values if v != employee.get(name)):
            changed.add(name)
    for name, values in SHIFT_VALUES.items():
        if any(allowed(employee, {**shift, name: v}) for v in values if v != shift.get(name)):
            changed.add(name)
    facts = {a.attribute for a in found if a.kind == "fact"}
    assert facts == changed
    sizes = [a.size for a in found]
    assert sizes == sorted(sizes)
    assert decision.alternatives() == tuple(found[:10]) or len(decision.alternatives()) <= 10


def test_an_allowed_shift_has_none_and_to_dict_includes_them() -> None:
    employee, shift = CASES[0]
    assert POLICY.decide(employee, {**shift, "location": "office"}).alternatives() == ()
    document = POLICY.decide(employee, shift).to_dict(alternatives=True)
    assert document["alternatives"] and all(
        a["decision"]["allowed"] for a in document["alternatives"]
    )
    assert "alternatives" not in POLICY.decide(employee, shift).to_dict()


def test_decide_why_not(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    (tmp_path / "e.json").write_text(json.dumps(PEOPLE[0]), encoding="utf-8")
    (tmp_path / "s.json").write_text(json.dumps(SHIFTS[0]), encoding="utf-8")
    argv = [
        "decide",
        str(EXAMPLES / "disdukcapil.rules"),
        "--employee",
        str(tmp_path / "e.json"),
        "--shift",
        str(tmp_path / "s.json"),
        "--why-not",
    ]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert "What would be allowed instead:" in out
    assert '- if their performance were at least "good": ALLOWED' in out
    assert cli.main([*argv, "--lang", "id"]) == 0
    assert "Yang akan diizinkan sebagai gantinya:" in capsys.readouterr().out
