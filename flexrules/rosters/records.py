"""What schedules and rosters are made of and report: schedules given, violations found, and
the rules' own words as reports show them. Plain records: reports copy what they need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from ..core.messages import Text, check_language
from ..core.source import SourceLocation
from ..engine.facts import Employee, field, jsonable, shift_parts
from ..language import ast
from ..language.symbols import Symbols


@attrs.frozen
class Schedule:
    """One employee's shifts for a roster, with their leave days."""

    employee: Any
    shifts: Sequence[Any]
    absences: Sequence[Any] = ()


@attrs.frozen(eq=False)
class Violation:
    """A limit, staffing or share rule broken over a span of time."""

    rule: str
    kind: str  # "limit" | "staffing" | "share" | "presence"
    #: what was broken, as a catalog message (`core.messages`) read in any language
    text: Text | str
    start: dt.datetime
    end: dt.datetime
    shifts: tuple[Any, ...] = ()
    present: tuple[str, ...] | None = None
    employee: str | None = None
    group: Any = None
    title: str | None = None
    citation: str | None = None
    #: where the rule is written, as on `Reason.source`
    source: SourceLocation | None = None
    #: the rule's number: days or hours allowed or required, people needed or allowed away
    bound: Fraction | int | None = None
    #: what was counted against it: the day's number, hours worked, people present or away
    count: Fraction | int | None = None
    #: for a share, the size of the group it is a share of
    size: int | None = None
    #: for a limit, its period as ISO names it (`2025-W28`, `2025-07`, `2025-07-07`), and for a
    #: week its Monday (`2025-07-07`)
    period: str | None = None
    week_start: str | None = None
    #: the policy's language: the one `message` is in
    language: str = attrs.field(default="en", kw_only=True)
    #: the blamed shifts' start, end and location as they were when the report was made (a
    #: report is a record: changing a shift afterwards does not change it)
    shift_records: tuple[dict[str, Any], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "shift_records", tuple(shift_record(s) for s in self.shifts))

    @property
    def message(self) -> str:
        """What was broken, in the policy's language: `Wed 2025-07-09 is the 3rd working day
        of ...`."""
        return self.message_for(None)

    def message_for(self, language: str | None = None) -> str:
        """The message in `language` (`en`, `id`); None is the policy's."""
        text = self.text
        chosen = check_language(language, self.language)
        return text if isinstance(text, str) else text.render(chosen)

    def describe(self, language: str | None = None) -> str:
        label = self.rule + (f' "{self.title}"' if self.title else "")
        where = f" ({self.source.short})" if self.source else ""
        cite = f" [{self.citation}]" if self.citation else ""
        return f"{label}{where}{cite}: {self.message_for(language)}"

    def to_dict(self, language: str | None = None) -> dict[str, Any]:
        """JSON-ready; `message` in `language` (`en`, `id`; None is the policy's)."""
        return {
            "rule": self.rule,
            "title": self.title,
            "citation": self.citation,
            "kind": self.kind,
            "message": self.message_for(language),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "employee": self.employee,
            "group": jsonable(self.group),
            "present": list(self.present) if self.present is not None else None,
            "shifts": [dict(record) for record in self.shift_records],
            "bound": json_number(self.bound),
            "count": json_number(self.count),
            "size": self.size,
            "period": self.period,
            "week_start": self.week_start,
        }


def json_number(value: Fraction | int | None) -> float | int | None:
    """A count or bound as JSON holds it: whole numbers as ints."""
    if value is None or isinstance(value, int):
        return value
    return int(value) if value.denominator == 1 else float(value)


def shift_record(shift: Any) -> dict[str, Any]:
    """A shift's start, end and location as JSON can hold them."""
    start, end, location, _, _ = shift_parts(shift)
    return {"start": jsonable(start), "end": jsonable(end), "location": jsonable(location)}


@attrs.frozen
class RuleText:
    """A rule as reports show it: its own words, where it is written, and its number."""

    id: str
    text: str
    source: SourceLocation
    title: str | None = None
    citation: str | None = None
    #: the number the rule states, for limits, staffing and shares: days or hours, people
    #: needed, or the percent of a group allowed away; None for rules that decide shifts
    amount: Fraction | None = None


def rule_texts(symbols: Symbols, amounts: Mapping[str, Fraction]) -> dict[str, RuleText]:
    """Every rule of a policy by id, in source order (the first of a duplicate)."""
    found: dict[str, RuleText] = {}
    for decl in symbols.rule_list():
        ident = decl.id.text
        if ident not in found:
            found[ident] = RuleText(
                ident,
                decl.statement.span.one_line(),
                **rule_labels(decl),
                amount=amounts.get(ident),
            )
    return found


def rule_labels(decl: ast.RuleDecl) -> dict[str, Any]:
    """A rule's title, citation and source, as a violation carries them."""
    return {
        "title": decl.title.value if decl.title else None,
        "citation": decl.citation.value if decl.citation else None,
        "source": SourceLocation.of(decl.span),
    }


def ident_of(employee: Any) -> str | None:
    """An employee's id as text, or None."""
    value = field(employee, "id", Employee)
    return None if value is None else str(value)


class RuleTexts(dict[str, RuleText]):
    """The rules' words in a report of a set of versions (DATA.md §5): by id, the latest
    version's (as for one policy), and each version's own by where it is written, so a
    violation or a reason shows the words of the version whose rule it is (`rule_words`)."""

    def __init__(self, every: Iterable[Mapping[str, RuleText]]) -> None:
        super().__init__()
        #: (id, where it is written) -> its words
        self.written: dict[tuple[str, SourceLocation], RuleText] = {}
        for texts in every:
            for ident, text in texts.items():
                self[ident] = text
                self.written[(ident, text.source)] = text


def rule_words(
    rules: Mapping[str, RuleText], rule: str, source: SourceLocation | None
) -> RuleText | None:
    """The words of the rule `rule` written at `source` (a violation's or reason's): the
    version's own when versions share the id (`RuleTexts`), else the report's by id."""
    if isinstance(rules, RuleTexts) and source is not None:
        found = rules.written.get((rule, source))
        if found is not None:
            return found
    return rules.get(rule)
