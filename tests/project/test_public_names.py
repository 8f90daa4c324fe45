"""The public API's names: everything in `flexrules.__all__` exists, the types the API returns
or raises are exported, and the old names of the 0.x series still work and warn."""

from __future__ import annotations

from pathlib import Path

import pytest

import flexrules

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules"


def test_every_public_name_exists() -> None:
    assert all(hasattr(flexrules, name) for name in flexrules.__all__)


def test_what_the_api_returns_and_raises_is_exported() -> None:
    """A user can name, in type hints and except clauses, what they get."""
    policy = flexrules.load_policy(EXAMPLE)
    assert isinstance(policy.rules[0], flexrules.RuleInfo)
    assert isinstance(policy.rules[0].source, flexrules.SourceLocation)
    assert isinstance(policy.attributes[0], flexrules.AttributeInfo)
    employee = {"id": "E-1", "role": "clerk"}
    shift = {"start": "2025-07-07T08:00", "end": "2025-07-07T16:00", "location": "office"}
    assert isinstance(policy.decide_many([(employee, shift)]), flexrules.DecisionBatch)
    reason = policy.decide(employee, shift).reasons[0]
    assert reason.source is None or isinstance(reason.source, flexrules.SourceLocation)
    assert issubclass(flexrules.TableError, flexrules.InputError)


def test_decisions_is_the_old_name_of_decision_batch() -> None:
    with pytest.deprecated_call(match="DecisionBatch"):
        old = flexrules.Decisions
    assert old is flexrules.DecisionBatch


def test_roster_report_schedules_is_the_old_name_of_reports() -> None:
    policy = flexrules.load_policy(EXAMPLE)
    shift = {"start": "2025-07-07T08:00", "end": "2025-07-07T16:00", "location": "office"}
    report = policy.check_roster([({"id": "E-1"}, [shift])])
    with pytest.deprecated_call(match="reports"):
        old = report.schedules
    assert old is report.reports and set(old) == {"E-1"}


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        flexrules.Nothing  # noqa: B018
