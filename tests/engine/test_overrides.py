"""Overrides fail closed (LANGUAGE.md section 6.6): a rule whose applicability is unknown sets
aside the permissions it overrides, never the denials, so an unknown fact never opens a door.

Checked three ways: the issue's own case; an independent oracle (written here from the
semantics page, sharing no code with flexrules) on generated policies with overrides, for
every combination of known facts; and a random search over unknown facts: whatever is allowed
with facts unknown must be allowed for every way of knowing them."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import flexrules

INVESTIGATION = flexrules.compile_policy(
    """policy "Investigation".
employees have: job type: text, under investigation: yes or no.
hours office hours: Monday to Friday 08:00 to 16:00.
rule R5: employees whose job type is "finance" may work from home.
rule R9 "Investigation" overrides R5:
  employees who are under investigation must work during office hours.
""",
    filename="investigation.rules",
)
HOME = {"start": "2025-07-07T09:00", "end": "2025-07-07T12:00", "location": "home"}


@pytest.mark.parametrize("given", ["absent", None, "yes", 1])
def test_an_unknown_overrider_sets_a_permission_aside(given: Any) -> None:
    """R9 may apply (its fact is missing or ill-typed): R5's permission is set aside, the shift
    is denied, and the reason is R9, naming the fact and what was wrong with it."""
    employee: dict[str, Any] = {"id": "E-1", "job type": "finance"}
    if given != "absent":
        employee["under investigation"] = given
    decision = INVESTIGATION.decide(employee, HOME)
    assert not decision.allowed
    assert [r.rule for r in decision.reasons] == ["R9"]
    reason = decision.reasons[0]
    assert reason.message.startswith('denied by R9 "Investigation": it may apply, because ')
    assert "under investigation is" in reason.message
    assert "it may apply and set R5 aside" in decision.explain()


def test_known_overrider_facts_decide_as_before() -> None:
    """Known facts: under investigation, R9 sets R5 aside (default deny); not, R5 allows."""
    finance = {"id": "E-1", "job type": "finance"}
    held = INVESTIGATION.decide({**finance, "under investigation": True}, HOME)
    free = INVESTIGATION.decide({**finance, "under investigation": False}, HOME)
    assert ([r.rule for r in held.reasons], held.allowed) == ([None], False)
    assert ([r.rule for r in free.reasons], free.allowed) == (["R5"], True)


def test_an_unknown_overrider_never_lifts_a_denial() -> None:
    """`R2 overrides R1` where R1 denies: with R2's fact unknown, R1 still denies."""
    policy = flexrules.compile_policy(
        """policy "p".
employees have: desk: yes or no, closed: yes or no.
rule R1: employees who are desk must be on-site.
rule R2 overrides R1: employees who are closed may work from home.
"""
    )
    for closed in (None, "x"):
        decision = policy.decide({"id": "E", "desk": True, "closed": closed}, HOME)
        assert not decision.allowed and [r.rule for r in decision.reasons] == ["R1"]
    assert policy.decide({"id": "E", "desk": True, "closed": True}, HOME).allowed


# ---- generated policies ------------------------------------------------------------------

FACTS = ("a", "b", "c")
ACTIVITIES = {  # activity -> the locations it names
    "be on-site": {"office"},
    "work from home": {"home"},
    "work anywhere": {"anywhere"},
    "work remotely": {"home", "anywhere"},
    "work": {"office", "home", "anywhere"},
}
LOCATIONS = ("office", "home", "anywhere")


#: statement forms, `must work` (a rule that denies nothing where it applies, so it matters
#: only through what it overrides) drawn as often as the others together
FORMS = [
    *itertools.product(["may", "must", "must not"], sorted(ACTIVITIES)),
    *[("must", "work")] * 15,
]


@st.composite
def small_policies(draw: st.DrawFn) -> dict[str, Any]:
    """Rules R0..Rn over yes-or-no facts a, b, c, each `may`, `must` or `must not` an activity,
    for whom a condition holds; most override rules after them (so no cycle)."""
    count = draw(st.integers(2, 5))
    rules = []
    for index in range(count):
        later = list(range(index + 1, count))
        modal, activity = draw(st.sampled_from(FORMS))
        rules.append(
            {
                "modal": modal,
                "activity": activity,
                "who": draw(st.sampled_from([None, *FACTS])),
                "negated": draw(st.booleans()),
                "condition": draw(st.sampled_from([None, *FACTS])),
                "unless": draw(st.booleans()),
                "overrides": draw(st.lists(st.sampled_from(later), unique=True, max_size=2))
                if later
                else [],
            }
        )
    return {"rules": rules, "default": draw(st.sampled_from(["deny", "allow"]))}


#: the issue's case: R0 (`must work`, for those who are a) overrides R1 (`may work from home`)
ISSUE_CASE = {
    "rules": [
        {
            "modal": "must",
            "activity": "work",
            "who": "a",
            "negated": False,
            "condition": None,
            "unless": False,
            "overrides": [1],
        },
        {
            "modal": "may",
            "activity": "work from home",
            "who": None,
            "negated": False,
            "condition": None,
            "unless": False,
            "overrides": [],
        },
    ],
    "default": "deny",
}


def policy_text(spec: dict[str, Any]) -> str:
    lines = [
        f'policy "generated" default {spec["default"]}.',
        "employees have: a: yes or no, b: yes or no, c: yes or no.",
    ]
    for index, rule in enumerate(spec["rules"]):
        subject = "employees"
        if rule["who"]:
            subject += f" who are {'not ' if rule['negated'] else ''}{rule['who']}"
        tail = ""
        if rule["condition"]:
            tail = f" {'unless' if rule['unless'] else 'if'} they are {rule['condition']}"
        overrides = ""
        if rule["overrides"]:
            overrides = " overrides " + ", ".join(f"R{t}" for t in rule["overrides"])
        lines.append(
            f"rule R{index}{overrides}: {subject} {rule['modal']} {rule['activity']}{tail}."
        )
    return "\n".join(lines) + "\n"


T, U, F = "T", "U", "F"  # the oracle's three truth values


def _not(x: str) -> str:
    return {T: F, F: T, U: U}[x]


def _and(x: str, y: str) -> str:
    return F if F in (x, y) else (U if U in (x, y) else T)


def _or(x: str, y: str) -> str:
    return T if T in (x, y) else (U if U in (x, y) else F)


def _truth(rule: dict[str, Any], facts: dict[str, bool | None]) -> str:
    """A rule's subject and condition, in Kleene logic (a missing fact is U)."""
    truth = T
    for key, flip in (("who", "negated"), ("condition", "unless")):
        if rule[key]:
            value = facts[rule[key]]
            known = U if value is None else (T if value else F)
            truth = _and(truth, _not(known) if rule[flip] else known)
    return truth


def _effect(rule: dict[str, Any], truth: str, location: str) -> tuple[bool, bool, str]:
    """(denies, permits, applies: T, U or F) of one rule on the shift (semantics.md, 4)."""
    matches = location in ACTIVITIES[rule["activity"]]
    if truth == F:
        return False, False, F
    if rule["modal"] == "may":
        return False, truth == T and matches, truth if matches else F
    if rule["modal"] == "must not":
        return matches, False, truth if matches else F
    names_location = rule["activity"] != "work"
    return not matches, truth == T and matches and names_location, truth


def oracle(spec: dict[str, Any], facts: dict[str, bool | None], location: str) -> tuple:
    """(allowed, deciding rule ids) by LANGUAGE.md sections 6.2-6.6 and docs/semantics.md,
    for a shift with no TIME in play: three-valued truths, three-valued set-asides; None for
    the ids when unknown overriders decide."""
    effects = [_effect(rule, _truth(rule, facts), location) for rule in spec["rules"]]
    aside = [F] * len(effects)  # overriders come first: each overrides only later rules
    for index, rule in enumerate(spec["rules"]):
        active = _and(effects[index][2], _not(aside[index]))
        for target in rule["overrides"]:
            aside[target] = _or(aside[target], active)
    denying = tuple(f"R{i}" for i, e in enumerate(effects) if e[0] and aside[i] != T)
    permitting = tuple(f"R{i}" for i, e in enumerate(effects) if e[1] and aside[i] == F)
    dropped = [i for i, e in enumerate(effects) if e[1] and aside[i] == U]
    if denying:
        return False, denying
    if permitting:
        return True, permitting
    if dropped and spec["default"] == "deny":
        return False, None
    return spec["default"] == "allow", (None,)


def _decide(policy: flexrules.Policy, facts: dict[str, Any], location: str) -> Any:
    return policy.decide({"id": "E", **facts}, {**HOME, "location": location})


@pytest.mark.slow
@settings(max_examples=250, deadline=None)
@given(small_policies(), st.sampled_from(LOCATIONS))
def test_generated_overrides_agree_with_the_oracle(spec: dict[str, Any], location: str) -> None:
    """For every combination of the facts (yes, no, missing), the engine's outcome and
    deciding rules are the oracle's."""
    policy = flexrules.compile_policy(policy_text(spec))
    for values in itertools.product((True, False, None), repeat=3):
        facts = dict(zip(FACTS, values, strict=True))
        decision = _decide(policy, facts, location)
        allowed, rules = oracle(spec, facts, location)
        assert decision.allowed == allowed, (policy_text(spec), facts, location)
        found = tuple(r.rule for r in decision.reasons)
        if rules is None:  # the unknown overriders decide: each overrides a dropped permission
            assert found and all(
                r is not None and spec["rules"][int(r[1:])]["overrides"] for r in found
            )
        else:
            assert found == rules, (policy_text(spec), facts, location)


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(small_policies(), st.sampled_from(LOCATIONS), st.lists(st.sampled_from(FACTS), unique=True))
@example(ISSUE_CASE, "home", ["a"])
def test_an_unknown_fact_never_opens_a_door(
    spec: dict[str, Any], location: str, unknown: list[str]
) -> None:
    """Whatever is allowed with some facts unknown is allowed for every way of knowing them
    (the random search that found 26 allows through `overrides` in 44,760 decisions)."""
    policy = flexrules.compile_policy(policy_text(spec))
    known = {name: True for name in FACTS if name not in unknown}
    base = {**known, **dict.fromkeys(unknown)}
    if not _decide(policy, base, location).allowed:
        return
    for values in itertools.product((True, False), repeat=len(unknown)):
        facts = {**known, **dict(zip(unknown, values, strict=True))}
        assert _decide(policy, facts, location).allowed, (policy_text(spec), base, facts)
