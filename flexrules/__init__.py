"""flexrules: readable flexible-work rules for Indonesian civil servants, checked and decided.

policy = flexrules.load_policy("examples/disdukcapil.rules")
decision = policy.decide(employee, shift)
"""

from __future__ import annotations

from .api import compile_policy, load_policy
from .core.diagnostics import Diagnostic, Severity
from .core.errors import Error, InputError, PolicyError
from .engine.bulk import Decisions
from .engine.decision import Decision, Reason
from .engine.facts import Employee, Shift
from .policy import Policy
from .rosters.schedule import RosterReport, Schedule, ScheduleReport, Violation

__version__ = "0.1.0"

__all__ = [
    "Decision",
    "Decisions",
    "Diagnostic",
    "Employee",
    "Error",
    "InputError",
    "Policy",
    "PolicyError",
    "Reason",
    "RosterReport",
    "Schedule",
    "ScheduleReport",
    "Severity",
    "Shift",
    "Violation",
    "__version__",
    "compile_policy",
    "load_policy",
]
