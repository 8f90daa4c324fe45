"""flexrules: readable flexible-work rules for Indonesian civil servants, checked and decided.

    policy = flexrules.load_policy("examples/disdukcapil.rules")
    decision = policy.decide(employee, shift)

This module is the public API, and only that; docs/architecture.md shows the packages behind it.
"""

from __future__ import annotations

import warnings
from typing import Any

from .api import compile_policy, load_policy
from .authoring.examples import ExamplesError, ExamplesReport, run_examples
from .authoring.translation import TranslationError, translate
from .core.diagnostics import Diagnostic, Severity
from .core.errors import Error, InputError, PolicyError
from .core.source import SourceLocation
from .engine.bulk import DecisionBatch
from .engine.decision import Decision, Reason
from .engine.facts import Employee, Shift
from .files import TableError
from .policy import AttributeInfo, DatesInfo, GroupInfo, HoursInfo, Policy, RuleInfo
from .rosters.absences import Absence
from .rosters.records import RuleText, Schedule, Violation
from .rosters.reports import RosterReport, ScheduleReport
from .versions import PolicySet, load_policies

__version__ = "0.1.0"

__all__ = [
    "Absence",
    "AttributeInfo",
    "DatesInfo",
    "Decision",
    "DecisionBatch",
    "Diagnostic",
    "Employee",
    "Error",
    "ExamplesError",
    "ExamplesReport",
    "GroupInfo",
    "HoursInfo",
    "InputError",
    "Policy",
    "PolicyError",
    "PolicySet",
    "Reason",
    "RosterReport",
    "RuleInfo",
    "RuleText",
    "Schedule",
    "ScheduleReport",
    "Severity",
    "Shift",
    "SourceLocation",
    "TableError",
    "TranslationError",
    "Violation",
    "__version__",
    "compile_policy",
    "load_policies",
    "load_policy",
    "run_examples",
    "translate",
]

#: old public names, kept for the 0.x series: each warns when used
_DEPRECATED = {"Decisions": ("DecisionBatch", DecisionBatch)}


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED:
        new_name, value = _DEPRECATED[name]
        warnings.warn(
            f"flexrules.{name} is deprecated; use flexrules.{new_name}",
            DeprecationWarning,
            stacklevel=2,
        )
        return value
    raise AttributeError(f"module 'flexrules' has no attribute {name!r}")
