"""The checked, immutable policy object and the parts of it that tools may inspect."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType
from typing import Any

import attrs
import holidays as holidays_package

from .clock.calendar import DAY, Calendar, holiday_name
from .clock.intervals import Intervals
from .clock.zones import canonical_zone_name
from .core.diagnostics import Diagnostic
from .core.messages import chosen_language, say, spoken
from .core.source import SourceLocation
from .engine.bulk import DecisionBatch, decide_many
from .engine.compile import CompiledRules
from .engine.decision import HOLIDAY_WORDS, Decision
from .engine.runtime import Decider
from .language import ast
from .language.checks import CheckedPolicy
from .language.meaning import meaning_digest
from .language.parse import policy_language
from .language.statement_forms import classify
from .rosters.compile import CompiledLimits
from .rosters.limits import ScheduleChecker
from .rosters.reports import RosterReport, ScheduleReport
from .rosters.staffing import RosterChecker

DEFAULT_TIMEZONE = "Asia/Jakarta"
#: the calendar data's version: national holidays change between releases of `holidays`
HOLIDAYS_VERSION = str(getattr(holidays_package, "__version__", "unknown"))

#: what answers for a policy with `effective from` when asked about days outside its dates:
#: a set of versions holding it alone (`versions.LoneVersion`), which denies those days as a
#: set does (DATA.md §5). Sets live above this layer, so `flexrules.versions` registers the
#: maker here when it is imported (`import flexrules` imports it).
_LONE_SET: list[Callable[[Policy], Any]] = []


def answer_outside_dates(make: Callable[[Policy], Any]) -> None:
    """Register what makes a dated policy's one-member set (see `_LONE_SET`)."""
    _LONE_SET[:] = [make]


@attrs.frozen
class RuleInfo:
    id: str
    title: str | None
    citation: str | None
    kind: str
    text: str
    source: SourceLocation
    overrides: tuple[str, ...]


@attrs.frozen
class GroupInfo:
    name: str
    text: str
    source: SourceLocation


@attrs.frozen
class HoursInfo:
    name: str
    text: str
    except_holidays: bool
    source: SourceLocation


@attrs.frozen
class DatesInfo:
    name: str
    ranges: tuple[tuple[str, str], ...]
    source: SourceLocation


@attrs.frozen
class HolidayInfo:
    """One of the policy's holidays (`Policy.holidays`, `flexrules holidays`): its kind is
    `public`, `joint` (cuti bersama) or `agency` (a date the policy names); its source is the
    `holidays` package with its version, or the policy's file and line."""

    date: dt.date
    name: str
    kind: str
    source: str
    estimated: bool
    #: the decree the policy cites for the date (`citing "..."`), if any; `source` shows it
    #: too, after the file and line
    citation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "name": self.name,
            "kind": self.kind,
            "source": self.source,
            "estimated": self.estimated,
        }


@attrs.frozen
class AttributeInfo:
    name: str
    owner: str
    type: str
    values: tuple[str, ...]
    source: SourceLocation


def _attribute_info(decl: ast.AttributeDecl, owner: ast.Owner) -> AttributeInfo:
    type_ = decl.type
    if isinstance(type_, ast.OneOfType):
        kind, values = "one of", tuple(v.value for v in type_.values)
    elif isinstance(type_, ast.RankedType):
        kind, values = "ranked", tuple(v.value for v in type_.values)
    else:
        kind, values = ("yes or no" if type_.kind == "bool" else type_.kind), ()
    return AttributeInfo(decl.name.text, owner.value, kind, values, SourceLocation.of(decl.span))


def fingerprint(front: CheckedPolicy) -> str:
    """A digest of the policy's texts, their names within the policy (not where it was loaded
    from), and the `holidays` version that shapes its calendar."""
    digest = hashlib.sha256()
    names = [source.name.replace("\\", "/") for source in front.sources]
    try:
        common = os.path.commonpath(names) if len(names) > 1 else os.path.dirname(names[0])
    except (ValueError, IndexError):  # absolute and relative names mixed, or no files
        common = ""
    for source, name in zip(front.sources, names, strict=False):
        relative = name[len(common) :].lstrip("/") if common else name
        digest.update(relative.encode("utf-8") + b"\0")
        digest.update(source.text.encode("utf-8") + b"\0")
    digest.update(f"holidays {HOLIDAYS_VERSION}".encode())
    return "sha256:" + digest.hexdigest()


class Policy:
    """A checked policy, compiled once: inspect its parts, decide shifts, check schedules.

    Immutable and safe to share between threads. Pickling keeps the sources and compiles
    them again on load (with `rebuild`, the pipeline that made it), so a pickled policy never
    carries code.
    """

    def __init__(
        self,
        front: CheckedPolicy,
        rules: CompiledRules,
        limits: CompiledLimits,
        rebuild: Callable[[dict[str, str], int, str | None], Policy],
        forced_language: str | None = None,
    ) -> None:
        symbols = front.symbols
        header = symbols.header
        clauses = header.clauses if header else ()
        self._sources = {s.name: s.text for s in front.sources}
        self._rebuild = rebuild
        self._forced_language = forced_language
        #: the language of the policy's files (LANGUAGE-ID.md §1.1)
        self._language: str = policy_language(front.files)
        #: entries each of the policy's memories keeps per generation (`core.memory`)
        self.cache_size: int = rules.context.cache_size
        self.name: str = header.name.value if header else "unnamed policy"
        self.version: str | None = next(
            (c.version.value for c in clauses if isinstance(c, ast.VersionClause)), None
        )
        self.timezone: str = next(
            (canonical_zone_name(c.zone) for c in clauses if isinstance(c, ast.TimezoneClause)),
            DEFAULT_TIMEZONE,
        )
        self.default: str = next(
            (c.effect for c in clauses if isinstance(c, ast.DefaultClause)), "deny"
        )
        effective = next((c for c in clauses if isinstance(c, ast.EffectiveClause)), None)
        #: the first and last days the policy is in force (`effective from ... until ...`);
        #: None: in force on every day before (after) it
        self.effective_from: dt.date | None = _day(effective.start) if effective else None
        self.effective_until: dt.date | None = (
            _day(effective.end) if effective and effective.end else None
        )
        self.files: tuple[str, ...] = tuple(s.name for s in front.sources)
        self.fingerprint: str = fingerprint(front)
        #: a digest of what the policy means: its syntax trees without spans and comments, and
        #: the `holidays` version (`language.meaning`); a change of layout keeps it
        self.meaning: str = meaning_digest(front.files, HOLIDAYS_VERSION)
        self.holidays_version: str = str(HOLIDAYS_VERSION)
        self.diagnostics: tuple[Diagnostic, ...] = tuple(front.diagnostics)
        self.rules: tuple[RuleInfo, ...] = tuple(_rule_info(r) for r in symbols.rule_list())
        self.groups: tuple[GroupInfo, ...] = tuple(
            GroupInfo(g.name.text, g.span.one_line(), SourceLocation.of(g.span))
            for g in symbols.groups.values()
        )
        self.hours: tuple[HoursInfo, ...] = tuple(
            HoursInfo(h.name.text, h.span.one_line(), h.except_holidays, SourceLocation.of(h.span))
            for h in symbols.hours.values()
        )
        self.dates: tuple[DatesInfo, ...] = tuple(
            DatesInfo(
                d.name.text,
                tuple((r.start.text, (r.end or r.start).text) for r in d.items),
                SourceLocation.of(d.span),
            )
            for d in symbols.dates.values()
        )
        self.attributes: tuple[AttributeInfo, ...] = tuple(
            [_attribute_info(a, ast.Owner.EMPLOYEE) for a in symbols.employee_attributes.values()]
            + [_attribute_info(a, ast.Owner.SHIFT) for a in symbols.shift_attributes.values()]
        )
        self._calendar = rules.calendar
        self._agency_sources = {  # a date the policy names -> where it names it
            dt.date(item.date.year, item.date.month, item.date.day): SourceLocation.of(item.span)
            for decl in symbols.holidays
            for item in decl.items
            if isinstance(item, ast.HolidayDate)
        }
        self._absence_kinds = symbols.declared_absence_kinds()
        self._removed_sources = {  # a date after `except` -> where it is removed
            dt.date(item.date.year, item.date.month, item.date.day): SourceLocation.of(item.span)
            for decl in reversed(symbols.holidays)
            for item in reversed(decl.removed)
        }
        self._decider = Decider(rules, self.timezone, self.default == "allow", self.metadata())
        self._schedules = ScheduleChecker(self._decider, limits.limits, limits.presence)
        self._rosters = RosterChecker(self._decider, self._schedules, limits.group_rules)
        #: the days in force as ordinals (every day without `effective from`)
        self._days = (
            (self.effective_from or dt.date.min).toordinal(),
            (self.effective_until or dt.date.max).toordinal(),
        )
        self._lone: Any = None  # the one-member set for days outside its dates, made once
        self._lone_lock = threading.Lock()
        if self.effective_from is None:
            # the hot call skips one frame: `policy.decide` is the decider's own method
            self.decide = self._decider.decide  # type: ignore[method-assign]
        else:
            self.decide = self._decide_dated  # type: ignore[method-assign]
        self._frozen = True

    def __setattr__(self, name: str, value: Any) -> None:
        if getattr(self, "_frozen", False):
            raise AttributeError("a compiled policy is immutable")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a compiled policy is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return (self._rebuild, (dict(self._sources), self.cache_size, self._forced_language))

    def __repr__(self) -> str:
        return f"<Policy {self.name!r} version={self.version!r} rules={len(self.rules)}>"

    def decide(self, employee: Any, shift: Any) -> Decision:
        """Whether the employee may work this shift, and why (see `Decision`).

        A policy with `effective from` denies a shift on a day outside its dates, saying no
        version is in force, as a set of versions does (docs/versions.md).

        Raises `InputError` for a shift that cannot be read (end not after start, an unknown
        location, a time that is not a time, an unknown time zone).
        """
        return self._decider.decide(employee, shift)

    def _decide_dated(self, employee: Any, shift: Any) -> Any:
        """`decide` of a policy with `effective from`: its own decision on its days; on a day
        outside them (or across its first or last midnight) the one-member set's answer."""
        decision = self._decider.decide(employee, shift)
        first, last = self._days
        if first <= decision.start_seconds // DAY and (decision.end_seconds - 1) // DAY <= last:
            return decision
        return self._lone_set().decide(employee, shift)

    def _lone_set(self) -> Any:
        """The set of versions holding this policy alone (`_LONE_SET`), made on first need."""
        found = self._lone
        if found is None:
            with self._lone_lock:
                if self._lone is None:
                    object.__setattr__(self, "_lone", _LONE_SET[0](self))
                found = self._lone
        return found

    def decide_many(self, pairs: Iterable[tuple[Any, Any]]) -> DecisionBatch:
        """Decide many (employee, shift) pairs: the same results as `decide`, with the work
        they share done once (see `flexrules.engine.bulk`). A policy with `effective from`
        decides them one by one, as `decide` does."""
        if self.effective_from is not None:
            return self._lone_set().decide_many(pairs)  # type: ignore[no-any-return]
        return decide_many(self._decider, pairs)

    def decide_table(
        self,
        table: Any,
        *,
        explain: bool = False,
        language: str | None = None,
        errors: str = "column",
        batch_size: int | None = None,
    ) -> Any:
        """Decide every row of a table of shifts (an Arrow table or record batch, a pandas or
        polars DataFrame): the same kind of table back, with `allowed`, `rules` (the ids of
        `Decision.reasons`, None for the default), `error` (why a row could not be decided)
        and, with `explain`, `explanation` added. Exactly `decide`'s answers, a column at a
        time (docs/columns.md). Needs `flexrules[columnar]`; `errors="raise"` raises the
        first bad row's `InputError`. A policy with `effective from` routes its rows as a set
        of versions does (`PolicySet.decide_table`)."""
        if self.effective_from is not None:
            return self._lone_set().decide_table(
                table, explain=explain, language=language, errors=errors, batch_size=batch_size
            )
        return self._plain_decide_table(table, explain, language, errors, batch_size)

    def _plain_decide_table(
        self,
        table: Any,
        explain: bool = False,
        language: str | None = None,
        errors: str = "column",
        batch_size: int | None = None,
    ) -> Any:
        """`decide_table` as if the policy were in force on every day (a set's version)."""
        columns = _columns()
        return columns.decide_table(
            self._decider,
            table,
            explain=explain,
            language=language,
            errors=errors,
            batch_size=columns.DEFAULT_BATCH_SIZE if batch_size is None else batch_size,
        )

    def check_table(
        self,
        employees: Any,
        shifts: Any,
        period: Any = None,
        absences: Any = None,
        headcount: Mapping[Any, int] | None = None,
        *,
        language: str | None = None,
        max_period_days: int | None = None,
    ) -> Any:
        """`check_roster` over a roster given as tables (Arrow, pandas or polars): employees
        (one row each, with `id`), shifts (one row each, with `employee`) and optionally
        absences (`employee` and `date`, or `employee`, `from` and `to`). Every violation, one
        row each (`rule`, `kind`, `employee`, `start`, `end`, `present`, `group`,
        `message`), as a table of the kind `shifts` is (docs/columns.md). A policy with
        `effective from` checks them as a set of versions does (`PolicySet.check_table`)."""
        if self.effective_from is not None:
            return self._lone_set().check_table(
                employees,
                shifts,
                period,
                absences,
                headcount,
                language=language,
                max_period_days=max_period_days,
            )
        _columns()  # the columnar extra, or an ImportError that names it
        from .columns.rosters import check_table

        return check_table(
            self._rosters,
            employees,
            shifts,
            period,
            absences,
            headcount,
            language=language,
            max_period_days=max_period_days,
        )

    def check(
        self,
        employee: Any,
        shifts: Iterable[Any],
        period: Any = None,
        absences: Iterable[Any] = (),
        *,
        max_period_days: int | None = None,
    ) -> ScheduleReport:
        """Decide every shift of one employee and apply the policy's limits.

        `period` is an inclusive (first day, last day) pair: `at least` limits are checked
        for each period (week, month...) wholly inside it; `absences` are leave days. A period
        may span at most `max_period_days` (by default `rosters.periods.MAX_PERIOD_DAYS`, 731).
        A policy with `effective from` checks days outside its dates as a set of versions
        does (`PolicySet.check`): shifts there denied, limits pro-rated to its days.
        """
        if isinstance(shifts, (str, bytes)) or not isinstance(shifts, Iterable):
            raise TypeError(f"shifts is a list of shifts, not {shifts!r}")
        if self.effective_from is not None:
            return self._lone_set().check(  # type: ignore[no-any-return]
                employee, shifts, period, absences, max_period_days=max_period_days
            )
        return self._plain_check(employee, shifts, period, absences, max_period_days)

    def _plain_check(
        self,
        employee: Any,
        shifts: Iterable[Any],
        period: Any = None,
        absences: Iterable[Any] = (),
        max_period_days: int | None = None,
    ) -> ScheduleReport:
        """`check` as if the policy were in force on every day (a set's version)."""
        return self._schedules.check(employee, list(shifts), period, absences, max_period_days)

    def check_roster(
        self,
        schedules: Iterable[Any],
        period: Any = None,
        headcount: Mapping[Any, int] | None = None,
        *,
        max_period_days: int | None = None,
    ) -> RosterReport:
        """Check every schedule, then the staffing and share rules across all of them, over
        at most `max_period_days` (the period given, or else the days its shifts span). A
        policy with `effective from` checks days outside its dates as a set of versions does
        (`PolicySet.check_roster`)."""
        if isinstance(schedules, (str, bytes)) or not isinstance(schedules, Iterable):
            raise TypeError(f"schedules is a list of schedules, not {schedules!r}")
        if self.effective_from is not None:
            return self._lone_set().check_roster(  # type: ignore[no-any-return]
                schedules, period, headcount, max_period_days=max_period_days
            )
        return self._plain_check_roster(schedules, period, headcount, max_period_days)

    def _plain_check_roster(
        self,
        schedules: Iterable[Any],
        period: Any = None,
        headcount: Mapping[Any, int] | None = None,
        max_period_days: int | None = None,
    ) -> RosterReport:
        """`check_roster` as if the policy were in force on every day (a set's version)."""
        return self._rosters.check(schedules, period, headcount, max_period_days)

    @property
    def language(self) -> str:
        """The language of the policy's files (`en`, `id`), and of its explanations and reports
        unless another is asked for: that of the file holding the header, else of the first
        file (LANGUAGE-ID.md §1.1)."""
        return self._language

    @property
    def calendar(self) -> Calendar:
        """The policy's days: its working weekdays and the holidays it declares (for pages
        and tools that show them; deciding reads the same calendar)."""
        return self._calendar

    @property
    def absence_kinds(self) -> dict[str, bool] | None:
        """The kinds of absence the policy declares (`absence kinds:`), each with whether it
        counts as work (`as work`); None when it declares none, and any kind is taken."""
        return None if self._absence_kinds is None else dict(self._absence_kinds)

    def hours_on(self, name: str, day: dt.date) -> Intervals:
        """The spans of the `hours` declaration `name` that start on `day`, in seconds from its
        midnight (one past midnight runs on past 86400), as deciding reads them."""
        for pattern in self._decider.context.times.hours.values():
            if pattern.name == name:
                return pattern.owned(day.toordinal())
        raise KeyError(f"no hours named {name!r}")

    def holidays(
        self, first: dt.date, last: dt.date, language: str | None = None
    ) -> list[HolidayInfo]:
        """Every holiday the policy declares from `first` to `last` (both included), in date
        order, named in `language` (`en`, `id`; None is the policy's)."""
        chosen = chosen_language(language, self.metadata())
        package = f"holidays {self.holidays_version}"
        found = []
        day = first
        while day <= last:
            kind = self._calendar.kind(day)
            if kind is not None:
                where = self._agency_sources.get(day)
                name = holiday_name(day, chosen) if where is None or kind == "joint" else None
                found.append(
                    HolidayInfo(
                        day,
                        name or say(HOLIDAY_WORDS[kind], chosen),
                        kind,
                        package if where is None else self._source_of(day, where),
                        self._calendar.is_estimated(day),
                        self._calendar.citations.get(day),
                    )
                )
            day += dt.timedelta(days=1)
        return found

    def removed_holidays(
        self, first: dt.date, last: dt.date, language: str | None = None
    ) -> list[HolidayInfo]:
        """The dates from `first` to `last` that the policy's `except` removes, in date order,
        each with the name the package gives it (kind `removed`; DATA.md §4)."""
        chosen = chosen_language(language, self.metadata())
        found = []
        for day in sorted(self._removed_sources):
            if first <= day <= last:
                found.append(
                    HolidayInfo(
                        day,
                        holiday_name(day, chosen) or say("holiday.agency", chosen),
                        "removed",
                        self._source_of(day, self._removed_sources[day]),
                        False,
                        self._calendar.citations.get(day),
                    )
                )
        return found

    def _source_of(self, day: dt.date, where: SourceLocation) -> str:
        """`file:line`, with the decree the policy cites for the date: `file:line (SKB ...)`."""
        citation = self._calendar.citations.get(day)
        place = f"{where.file}:{where.line}"
        return place if citation is None else f"{place} ({citation})"

    def metadata(self) -> dict[str, Any]:
        """What every `to_dict()` copies, so a logged decision can be traced to its policy.
        A policy with `effective from` adds its days (`effective_from`, `effective_until`)."""
        found: dict[str, Any] = {
            "name": self.name,
            "version": self.version,
            "timezone": self.timezone,
            "default": self.default,
            "files": list(self.files),
            "fingerprint": self.fingerprint,
            "holidays_version": self.holidays_version,
            "language": self.language,
        }
        if self.effective_from is not None:
            found["effective_from"] = _iso(self.effective_from)
            found["effective_until"] = _iso(self.effective_until)
        return found

    def in_force(self, day: dt.date) -> bool:
        """Whether the policy is in force on a local day (its `effective from ... until`)."""
        if self.effective_from is not None and day < self.effective_from:
            return False
        return self.effective_until is None or day <= self.effective_until


def _day(date: ast.DateLiteral) -> dt.date:
    return dt.date(date.year, date.month, date.day)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _rule_info(rule: ast.RuleDecl) -> RuleInfo:
    return RuleInfo(
        rule.id.text,
        rule.title.value if rule.title else None,
        rule.citation.value if rule.citation else None,
        _form_name(rule.statement),
        rule.statement.span.one_line(),
        SourceLocation.of(rule.span),
        tuple(o.text for o in rule.overrides),
    )


def _form_name(statement: ast.Statement) -> str:
    form = classify(statement)[0]
    return form.value if form is not None else "invalid"


@functools.cache
def _columns() -> ModuleType:
    """`flexrules.columns`, imported on first use (it needs numpy and pyarrow, the
    `columnar` extra); cached, as an import statement in `decide_table` cost a short table
    tens of microseconds per call. Without the extra, an ImportError that says which."""
    try:
        from . import columns
    except ModuleNotFoundError as missing:
        text = say("usage.columnar.extra", spoken(), missing=missing.name)
        raise ImportError(text, name=missing.name) from missing
    return columns
