"""flexrules: readable flexible-work rules for Indonesian civil servants, checked and decided.

    policy = flexrules.load_policy("examples/disdukcapil.rules")
    decision = policy.decide(employee, shift)
"""

from __future__ import annotations

from .api import compile_policy, load_policy
from .bulk import Decisions
from .decision import Decision, Reason
from .diagnostics import Diagnostic, Severity
from .errors import Error, InputError, PolicyError
from .facts import Employee, Shift
from .policy import Policy
from .schedule import RosterReport, Schedule, ScheduleReport, Violation

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
