"""The documents the service answers with, made from one policy: decisions, schedule and
roster reports, the policy's parts, and the log lines that go with them.

Everything here is plain and synchronous (the app runs it in the event loop or a worker
thread); each function takes the one `Policy` its request was given, so a reload in between
cannot mix two policies in one answer.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import attrs

from ..core.errors import InputError
from ..policy import Policy
from ..rosters.reports import RosterReport, ScheduleReport
from ..versions import PolicySet
from .bodies import CheckBody, DecideBody, RosterBody
from .decisionlog import Masker, decision_line, timestamp
from .errors import ServiceError, input_error


def new_id() -> str:
    return str(uuid.uuid4())


@attrs.frozen
class Answer:
    """A document to send, the log lines to write first, and the outcomes to count."""

    document: dict[str, Any]
    lines: list[dict[str, Any]]
    allowed: int = 0
    denied: int = 0


@attrs.frozen
class DecideOptions:
    explain: bool
    pieces: bool
    language: str | None
    #: with each denied decision, what would be allowed instead (`Decision.alternatives`)
    why_not: bool = False


def decide(
    policy: Policy | PolicySet,
    body: DecideBody,
    options: DecideOptions,
    masker: Masker,
    moment: dt.datetime,
) -> Answer:
    """Each pair decided by `policy.decide`, as the library decides it: the decision's whole
    `to_dict()` with its `decision_id` and the policy's `fingerprint` (and `explanation`,
    exactly `explain()`, when asked); a batch as `{"decisions": [...]}` in order."""
    documents: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    allowed = 0
    for number, (employee, shift) in enumerate(body.pairs):
        try:
            decision = policy.decide(employee, shift)
        except InputError as exc:
            where = f"requests[{number}]" if body.batch else ""
            raise input_error(exc, where, options.language) from None
        decision_id = new_id()
        document = {"decision_id": decision_id, "fingerprint": policy.fingerprint}
        document.update(
            decision.to_dict(
                pieces=options.pieces, language=options.language, alternatives=options.why_not
            )
        )
        if options.explain:
            text = decision.explain(options.language)
            if options.why_not and not decision.allowed:  # as `flexrules decide --why-not`
                text += "\n" + decision.explain_alternatives(options.language)
            document["explanation"] = text
        documents.append(document)
        lines.append(decision_line(decision, decision_id, moment, policy, employee, shift, masker))
        allowed += decision.allowed
    found = {"fingerprint": policy.fingerprint, "decisions": documents}
    answer = found if body.batch else documents[0]
    return Answer(answer, lines, allowed, len(documents) - allowed)


@attrs.frozen
class ReportOptions:
    pieces: bool
    violations_only: bool
    summary: bool
    language: str | None


def check(
    policy: Policy | PolicySet,
    body: CheckBody,
    options: ReportOptions,
    masker: Masker,
    moment: dt.datetime,
) -> Answer:
    """One schedule checked by `policy.check`: the report's `to_dict()`."""
    try:
        report = policy.check(body.employee, body.shifts, body.period, body.absences)
    except InputError as exc:
        raise input_error(exc, "", options.language) from None
    return _report(policy, report, options, moment, [masker.ident(body.employee.get("id"))])


def roster(
    policy: Policy | PolicySet,
    body: RosterBody,
    options: ReportOptions,
    masker: Masker,
    moment: dt.datetime,
) -> Answer:
    """A roster checked by `policy.check_roster`: the report's `to_dict()`."""
    try:
        report = policy.check_roster(body.schedules, body.period, body.headcount)
    except InputError as exc:
        raise input_error(exc, "", options.language) from None
    employees = [masker.ident(s.employee.get("id")) for s in body.schedules]
    return _report(policy, report, options, moment, employees)


def _report(
    policy: Policy | PolicySet,
    report: ScheduleReport | RosterReport,
    options: ReportOptions,
    moment: dt.datetime,
    employees: list[Any],
) -> Answer:
    report_id = new_id()
    document = {"report_id": report_id, "fingerprint": policy.fingerprint}
    document.update(
        report.to_dict(
            pieces=options.pieces,
            violations_only=options.violations_only,
            summary=options.summary,
            language=options.language,
        )
    )
    line = {
        "type": "roster" if isinstance(report, RosterReport) else "schedule",
        "report_id": report_id,
        "time": timestamp(moment),
        "fingerprint": policy.fingerprint,
        "employees": employees,
        "allowed": report.allowed,
        "summary": report.summary(),
    }
    return Answer(document, [line])


def policy_document(policy: Policy | PolicySet) -> dict[str, Any]:
    """What a client needs to build its forms: the metadata, then every rule, group, hour
    pattern, date set and attribute (with its type and allowed values)."""

    def source(location: Any) -> dict[str, Any]:
        return {"file": location.file, "line": location.line, "column": location.column}

    return {
        **policy.metadata(),
        "language": policy.language,
        "rules": [
            {
                "id": r.id,
                "title": r.title,
                "citation": r.citation,
                "kind": r.kind,
                "text": r.text,
                "source": source(r.source),
                "overrides": list(r.overrides),
            }
            for r in policy.rules
        ],
        "groups": [
            {"name": g.name, "text": g.text, "source": source(g.source)} for g in policy.groups
        ],
        "hours": [
            {
                "name": h.name,
                "text": h.text,
                "except_holidays": h.except_holidays,
                "source": source(h.source),
            }
            for h in policy.hours
        ],
        "dates": [
            {"name": d.name, "ranges": [list(r) for r in d.ranges], "source": source(d.source)}
            for d in policy.dates
        ],
        "attributes": [
            {"name": a.name, "owner": a.owner, "type": a.type, "values": list(a.values)}
            for a in policy.attributes
        ],
        "warnings": [d.to_dict() for d in policy.diagnostics],
    }


def library_error(exc: Exception) -> ServiceError:
    """A TypeError or ValueError the library raised for a value of the wrong kind where the
    envelope's check let it through: the body's shape, said in the library's words."""
    return ServiceError("bad-shape", str(exc))
