"""What `flexrules decide`, `schedule` and `roster` write: decisions and reports as JSON or
CSV text (the text a head of unit reads is the reports' own `explain()`).

- JSON: `decide` writes one decision document (`Decision.to_dict()`) for a file holding one
  shift object, and a list of them for a file holding a list (a JSON list or CSV rows), however
  many shifts it holds. `schedule` and `roster` write `to_dict()` of their report: the policy's
  metadata once, each decision with its own parts (pieces only on request).
- CSV: `decide` writes one row per decision; `schedule` and `roster` one row per violation.
  Cells are data, written as they are; a list (the people present) is joined by `;`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from ..engine.decision import Decision
from ..engine.facts import LOCATION_NAMES, jsonable
from ..policy import HolidayInfo
from ..rosters.records import Violation, json_number

#: the columns of `decide --format csv`, one row per decision
DECISION_COLUMNS = (
    "employee",
    "name",
    "start",
    "end",
    "location",
    "allowed",
    "rules",
    "reasons",
)
#: the columns of `schedule --format csv` and `roster --format csv`, one row per violation
VIOLATION_COLUMNS = (
    "rule",
    "title",
    "kind",
    "employee",
    "group",
    "start",
    "end",
    "message",
    "present",
    "count",
    "bound",
    "size",
    "period",
    "week_start",
)
#: how the `rules` cell names the policy's default (no rule), which no rule id can be
DEFAULT = "default"


def json_text(document: Any, *, indent: int | None = 2) -> str:
    """A JSON document as the commands print it: UTF-8 text, not ASCII escapes."""
    return json.dumps(document, indent=indent, ensure_ascii=False)


def decisions_json(
    decisions: Sequence[Decision],
    *,
    as_list: bool,
    language: str | None = None,
    alternatives: bool = False,
) -> str:
    """One decision's document, or a list of them when the request file held a list; messages
    in `language` (None: the policy's); with `alternatives`, what would be allowed instead."""
    documents = [d.to_dict(language=language, alternatives=alternatives) for d in decisions]
    return json_text(documents if as_list else documents[0])


def decisions_csv(decisions: Iterable[Decision], language: str | None = None) -> str:
    """One row per decision: who, when, where, allowed, the ids of the rules behind it in
    order (`default` for the default) and each reason with its span, in `language` (None:
    the policy's)."""
    return _csv(DECISION_COLUMNS, (_decision_row(d, language) for d in decisions))


def _decision_row(decision: Decision, language: str | None) -> list[Any]:
    employee = decision.to_dict(policy=False, pieces=False)["employee"]
    reasons = decision.reasons
    return [
        employee["id"],
        employee["name"],
        decision.start.isoformat(),
        decision.end.isoformat(),
        LOCATION_NAMES[decision.location],
        "yes" if decision.allowed else "no",
        ";".join(r.rule or DEFAULT for r in reasons),
        "; ".join(
            f"{decision.clock(r.start_seconds, r.end_seconds, language)} {r.message_for(language)}"
            for r in reasons
        ),
    ]


def violations_csv(violations: Iterable[Violation], language: str | None = None) -> str:
    """One row per violation: the rule, its kind, whom and when it concerns, its message (in
    `language`; None: the policy's), the people present (staffing, shares) and its numbers."""
    return _csv(VIOLATION_COLUMNS, (_violation_row(v, language) for v in violations))


def _violation_row(violation: Violation, language: str | None) -> list[Any]:
    present = violation.present
    return [
        violation.rule,
        violation.title,
        violation.kind,
        violation.employee,
        jsonable(violation.group),
        violation.start.isoformat(),
        violation.end.isoformat(),
        violation.message_for(language),
        None if present is None else ";".join(present),
        json_number(violation.count),
        json_number(violation.bound),
        violation.size,
        violation.period,
        violation.week_start,
    ]


HOLIDAY_COLUMNS = ("date", "name", "kind", "source", "estimated")


def holidays_csv(found: Iterable[HolidayInfo]) -> str:
    """One row per holiday (`flexrules holidays --format csv`)."""
    return _csv(
        HOLIDAY_COLUMNS,
        (
            [h.date.isoformat(), h.name, h.kind, h.source, "yes" if h.estimated else "no"]
            for h in found
        ),
    )


def holidays_json(found: Iterable[HolidayInfo]) -> str:
    """A list of objects with `date`, `name`, `kind`, `source`, `estimated` (DATA.md §4)."""
    return json.dumps([h.to_dict() for h in found], ensure_ascii=False, indent=2)


def violation_table_text(table: Any, shape: str) -> str:
    """A table of violations (an Arrow table with `Policy.check_table`'s columns, as a
    Parquet roster or a cluster gives it) as CSV (`present` joined by `;`) or JSON lines (one
    object a line); times in ISO 8601 with their offset."""
    rows = table.to_pylist()
    names = list(table.column_names)
    if shape == "csv":
        return _csv(names, ([_table_cell(row[name]) for name in names] for row in rows))
    return "\n".join(
        json.dumps({name: _iso(row[name]) for name in names}, ensure_ascii=False) for row in rows
    )


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _table_cell(value: Any) -> Any:
    return ";".join(str(v) for v in value) if isinstance(value, list) else _iso(value)


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV with a header row; None is an empty cell. Lines end in `\\n`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return buffer.getvalue().removesuffix("\n")


#: one decision as a row of `DECISION_COLUMNS` (the xlsx report's `decisions` sheet too)
decision_row = _decision_row
#: one violation as a row of `VIOLATION_COLUMNS` (the xlsx report's `violations` sheet too)
violation_row = _violation_row
