"""The header and the calendar: one header, each clause once, a real time zone, sane days."""

from __future__ import annotations

import datetime
import functools
import zoneinfo

from ...clock.calendar import joint_holidays, national_holidays
from ...clock.zones import ZONE_ALIASES
from ...core.diagnostics import Diagnostic, error, warning
from ...core.messages import Code, Text
from ...core.source import Span
from .. import ast
from ..symbols import Symbols
from ._util import closest, head_span, place, unread_holidays
from .literals import check_range, real_date

_CLAUSE_WORD = {
    ast.VersionClause: "code.clause.version",
    ast.TimezoneClause: "code.clause.timezone",
    ast.DefaultClause: "code.clause.default",
    ast.EffectiveClause: "code.clause.effective",
}
_DAY_KINDS = {
    ast.DayKind.WEEKDAYS: "code.day_kind.weekdays",
    ast.DayKind.WEEKENDS: "code.day_kind.weekends",
    ast.DayKind.WORKING_DAYS: "code.day_kind.working_days",
    ast.DayKind.HOLIDAYS: "code.day_kind.holidays",
    ast.DayKind.PUBLIC_HOLIDAYS: "code.day_kind.public_holidays",
    ast.DayKind.JOINT_HOLIDAYS: "code.day_kind.joint_holidays",
    ast.DayKind.EVERY_DAY: "code.day_kind.every_day",
}
_WORKING_DAY_KINDS = (ast.DayKind.WEEKDAYS, ast.DayKind.WEEKENDS)


@functools.lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_known_zone(zone: str) -> bool:
    """An IANA zone name as the installed tzdata lists it, or WIB, WITA, WIT in any case."""
    return zone.casefold() in ZONE_ALIASES or zone in known_zones()


def check_header(symbols: Symbols) -> list[Diagnostic]:
    """At most one header per policy, each clause at most once, a known time zone."""
    found: list[Diagnostic] = []
    first: ast.Header | None = None
    for declaration in symbols.declarations():
        if not isinstance(declaration, ast.Header):
            continue
        if first is None:
            first = declaration
        else:
            found.append(
                error(
                    "duplicate-header",
                    Text("diag.duplicate_header"),
                    head_span(declaration, declaration.name),
                    Text("diag.duplicate_header.hint", place=place(first.span, declaration.span)),
                )
            )
        found.extend(_check_clauses(declaration))
    return found


def _check_clauses(header: ast.Header) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    seen: dict[type, ast.HeaderClause] = {}
    for clause in header.clauses:
        earlier = seen.setdefault(type(clause), clause)
        if earlier is not clause:
            word = Code(_CLAUSE_WORD[type(clause)])
            found.append(
                error(
                    "duplicate-clause",
                    Text("diag.duplicate_clause", word=word),
                    clause.span,
                    Text("diag.duplicate_clause.hint", first=" ".join(earlier.span.text.split())),
                )
            )
        if isinstance(clause, ast.TimezoneClause) and not is_known_zone(clause.zone):
            found.append(_unknown_zone(clause))
        if isinstance(clause, ast.EffectiveClause) and clause.end is not None:
            found.extend(check_range(clause.start, clause.end, clause.span))
    return found


def _unknown_zone(clause: ast.TimezoneClause) -> Diagnostic:
    span = Span(clause.span.source, clause.span.end - len(clause.zone), clause.span.end)
    upper = [alias.upper() for alias in ZONE_ALIASES]
    guess = closest(clause.zone, [*upper, *sorted(known_zones())], cutoff=0.7)
    if guess is None and "/" in clause.zone:  # a misspelled city: compare the part after `/`
        city = clause.zone.rsplit("/", 1)[1]
        by_city = {zone.rsplit("/", 1)[1]: zone for zone in sorted(known_zones()) if "/" in zone}
        city_guess = closest(city, by_city, cutoff=0.7)
        guess = by_city[city_guess] if city_guess else None
    hint = Text("diag.did_you_mean", guess=guess) if guess else Text("diag.unknown_timezone.hint")
    message = Text("diag.unknown_timezone", zone=clause.zone)
    return error("unknown-timezone", message, span, hint, guess)


def check_calendar(symbols: Symbols) -> list[Diagnostic]:
    """One `working days:` naming days of the week; holidays listed once."""
    found: list[Diagnostic] = []
    first: ast.WorkingDaysDecl | None = None
    holidays = _HolidaysSeen()
    for declaration in symbols.declarations():
        if isinstance(declaration, ast.WorkingDaysDecl):
            if first is None:
                first = declaration
            else:
                found.append(_repeated_working_days(declaration, first))
            found.extend(_check_working_days(declaration))
        elif isinstance(declaration, ast.HolidaysDecl):
            found.extend(holidays.check(declaration))
    found.extend(holidays.check_removed())
    found.extend(check_absence_kinds(symbols))
    if not symbols.holidays and not unread_holidays(symbols):
        found.extend(_holidays_without_declaration(symbols))
    return found


def _repeated_working_days(
    declaration: ast.WorkingDaysDecl, first: ast.WorkingDaysDecl
) -> Diagnostic:
    return error(
        "duplicate-declaration",
        Text("diag.duplicate_working_days", working_days=Code("code.working_days")),
        head_span(declaration, declaration.days),
        Text("diag.keep_one.hint", place=place(first.span, declaration.span)),
    )


class _HolidaysSeen:
    """The holidays listed so far, across every `holidays:` declaration, so that a holiday
    repeated in a later declaration is reported too."""

    def __init__(self) -> None:
        self.national: ast.NationalHolidays | None = None
        self.dates: dict[object, ast.HolidayDate] = {}
        self.removed: dict[datetime.date, ast.RemovedHoliday] = {}
        self.repeated_removals: list[Diagnostic] = []

    def check(self, declaration: ast.HolidaysDecl) -> list[Diagnostic]:
        """The items of one declaration that repeat an earlier one; remembers the rest."""
        found: list[Diagnostic] = []
        for item in declaration.items:
            if isinstance(item, ast.NationalHolidays):
                if self.national is not None:
                    found.append(_repeated_national(item, self.national))
                else:
                    self.national = item
                continue
            day = real_date(item.date)
            if day is None:
                continue  # reported by the literals check
            earlier = self.dates.setdefault(day, item)
            if earlier is not item:
                found.append(
                    warning(
                        "duplicate-holiday",
                        Text("diag.duplicate_holiday", date=item.date.span.text),
                        item.span,
                        Text("diag.listed_at.hint", place=place(earlier.span, item.span)),
                    )
                )
        for gone in declaration.removed:
            day = real_date(gone.date)
            if day is None:
                continue
            first = self.removed.setdefault(day, gone)
            if first is not gone:
                found.append(
                    warning(
                        "duplicate-holiday",
                        Text("diag.removed_twice", date=gone.date.span.text),
                        gone.span,
                        Text("diag.listed_at.hint", place=place(first.span, gone.span)),
                    )
                )
        return found

    def check_removed(self) -> list[Diagnostic]:
        """Each date after `except` that the holidays listed do not hold (a warning: the
        decree's date was likely mistyped), or that the policy adds itself."""
        found: list[Diagnostic] = []
        national = self.national is not None
        joint = self.national is not None and self.national.joint
        for day, gone in self.removed.items():
            added = self.dates.get(day)
            if added is not None:
                found.append(
                    warning(
                        "removed-added-holiday",
                        Text("diag.removed_added", date=gone.date.span.text),
                        gone.span,
                        Text("diag.removed_added.hint", place=place(added.span, gone.span)),
                    )
                )
            elif not _listed(day, national, joint):
                found.append(_not_a_holiday(gone, day, national, joint, self.dates))
        return found


def _listed(day: datetime.date, national: bool, joint: bool) -> bool:
    """Whether the national list the policy declares holds `day`."""
    return (national and day in national_holidays(day.year)) or (
        joint and day in joint_holidays(day.year)
    )


#: how far from a removed date the nearest listed holiday is looked for, in days
_NEAR = 7


def _not_a_holiday(
    gone: ast.RemovedHoliday,
    day: datetime.date,
    national: bool,
    joint: bool,
    named: dict[object, ast.HolidayDate],
) -> Diagnostic:
    """`except DATE` where DATE is no holiday of the list: the nearest one, if close, is
    likely the date meant."""
    near = None
    for distance in range(1, _NEAR + 1):
        for candidate in (day - datetime.timedelta(distance), day + datetime.timedelta(distance)):
            if _listed(candidate, national, joint) or candidate in named:
                near = candidate
                break
        if near is not None:
            break
    hint = (
        Text("diag.removed_not_holiday.near", near=near)
        if near is not None
        else Text("diag.removed_not_holiday.hint")
    )
    message = Text("diag.removed_not_holiday", date=gone.date.span.text)
    return warning("not-a-holiday", message, gone.span, hint)


def check_absence_kinds(symbols: Symbols) -> list[Diagnostic]:
    """`absence kinds:` names each kind once, and none is empty (DATA.md §3)."""
    found: list[Diagnostic] = []
    seen: dict[str, ast.AbsenceKind] = {}
    for declaration in symbols.absence_kinds:
        for kind in declaration.kinds:
            if not kind.name.value.strip():
                found.append(
                    error(
                        "empty-absence-kind",
                        Text("diag.empty_absence_kind"),
                        kind.span,
                        Text("diag.empty_absence_kind.hint"),
                    )
                )
                continue
            first = seen.setdefault(kind.name.value, kind)
            if first is not kind:
                found.append(
                    warning(
                        "duplicate-absence-kind",
                        Text("diag.duplicate_absence_kind", kind=kind.name.value),
                        kind.span,
                        Text("diag.listed_at.hint", place=place(first.span, kind.span)),
                    )
                )
    return found


def _holidays_without_declaration(symbols: Symbols) -> list[Diagnostic]:
    """`except holidays` and `on holidays` mean nothing when no holidays are declared."""
    found: list[Diagnostic] = []
    for declaration in symbols.declarations():
        places: list[ast.Node] = []
        if isinstance(declaration, ast.HoursDecl):
            places.extend(i for i in declaration.items if isinstance(i, ast.ExceptHolidays))
            places.extend(
                item
                for span in declaration.spans
                for item in span.days.items
                if isinstance(item, ast.DaySet) and item.kind is ast.DayKind.HOLIDAYS
            )
        elif isinstance(declaration, ast.RuleDecl):
            for time in declaration.statement.times:
                if isinstance(time, ast.OnDays):
                    places.extend(
                        item
                        for item in time.days.items
                        if isinstance(item, ast.DaySet) and item.kind is ast.DayKind.HOLIDAYS
                    )
        for node in places:
            found.append(
                warning(
                    "no-holidays",
                    Text("diag.no_holidays", written=" ".join(node.span.text.split())),
                    node.span,
                    Text("diag.no_holidays.hint"),
                )
            )
    return found


def _repeated_national(item: ast.NationalHolidays, first: ast.NationalHolidays) -> Diagnostic:
    where = place(first.span, item.span)
    written = " ".join(item.span.text.split())
    with_joint = Code("code.national_with_joint")
    if item.joint and not first.joint:
        hint = Text(
            "diag.national_then_joint.hint",
            national=Code("code.national"),
            place=where,
            with_joint=with_joint,
        )
    elif first.joint and not item.joint:
        hint = Text("diag.joint_then_national.hint", with_joint=with_joint, place=where)
    else:
        hint = Text("diag.listed_at.hint", place=where)
    message = Text("diag.listed_twice", written=written)
    return warning("duplicate-holiday", message, item.span, hint)


def _check_working_days(declaration: ast.WorkingDaysDecl) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for item in declaration.days.items:
        if isinstance(item, ast.DaySet) and item.kind not in _WORKING_DAY_KINDS:
            if item.kind is ast.DayKind.EVERY_DAY:
                hint = Text("diag.bad_working_days.every_day.hint")
            else:
                hint = Text("diag.bad_working_days.hint")
            found.append(
                error(
                    "bad-working-days",
                    Text("diag.bad_working_days", days=Code(_DAY_KINDS[item.kind])),
                    item.span,
                    hint,
                )
            )
    return found
