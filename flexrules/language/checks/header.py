"""The header and the calendar: one header, each clause once, a real time zone, sane days."""

from __future__ import annotations

import functools
import zoneinfo

from ...clock.zones import ZONE_ALIASES
from ...core.diagnostics import Diagnostic, error, warning
from ...core.source import Span
from .. import ast
from ..symbols import Symbols
from ._util import closest, head_span, place, unread_holidays
from .literals import real_date

_CLAUSE_WORD = {
    ast.VersionClause: "version",
    ast.TimezoneClause: "timezone",
    ast.DefaultClause: "default",
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
                    "a policy has one header, and this is a second",
                    head_span(declaration, declaration.name),
                    f"the header is at {place(first.span, declaration.span)}; "
                    "merge the two into one",
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
            word = _CLAUSE_WORD[type(clause)]
            found.append(
                error(
                    "duplicate-clause",
                    f"`{word}` is given twice in the header",
                    clause.span,
                    f"keep one: the first is `{' '.join(earlier.span.text.split())}`",
                )
            )
        if isinstance(clause, ast.TimezoneClause) and not is_known_zone(clause.zone):
            found.append(_unknown_zone(clause))
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
    hint = (
        f"did you mean `{guess}`?"
        if guess
        else "use an IANA name such as `Asia/Jakarta`, or `WIB`, `WITA` or `WIT`"
    )
    return error("unknown-timezone", f"there is no time zone `{clause.zone}`", span, hint, guess)


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
    if not symbols.holidays and not unread_holidays(symbols):
        found.extend(_holidays_without_declaration(symbols))
    return found


def _repeated_working_days(
    declaration: ast.WorkingDaysDecl, first: ast.WorkingDaysDecl
) -> Diagnostic:
    return error(
        "duplicate-declaration",
        "`working days` are declared twice",
        head_span(declaration, declaration.days),
        f"the first are at {place(first.span, declaration.span)}; keep one",
    )


class _HolidaysSeen:
    """The holidays listed so far, across every `holidays:` declaration, so that a holiday
    repeated in a later declaration is reported too."""

    def __init__(self) -> None:
        self.national: ast.NationalHolidays | None = None
        self.dates: dict[object, ast.HolidayDate] = {}

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
                        f"`{item.date.span.text}` is already a holiday",
                        item.span,
                        f"it is listed at {place(earlier.span, item.span)}; remove one",
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
                    f"`{' '.join(node.span.text.split())}` has no effect: the policy declares "
                    "no holidays",
                    node.span,
                    "declare them, e.g. `holidays: Indonesia.` for the national public holidays "
                    "(`public holidays` and `joint holidays` name the national lists without it)",
                )
            )
    return found


def _repeated_national(item: ast.NationalHolidays, first: ast.NationalHolidays) -> Diagnostic:
    where = place(first.span, item.span)
    written = " ".join(item.span.text.split())
    if item.joint and not first.joint:
        hint = f"it already lists `Indonesia` at {where}; keep only `Indonesia with joint holidays`"
    elif first.joint and not item.joint:
        hint = f"`Indonesia with joint holidays` at {where} already includes them; remove this"
    else:
        hint = f"it is listed at {where}; remove one"
    return warning("duplicate-holiday", f"`{written}` is listed twice", item.span, hint)


def _check_working_days(declaration: ast.WorkingDaysDecl) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for item in declaration.days.items:
        if isinstance(item, ast.DaySet) and item.kind not in _WORKING_DAY_KINDS:
            if item.kind is ast.DayKind.EVERY_DAY:
                hint = "write `Monday to Sunday`"
            else:
                hint = "name days of the week: `Monday to Friday`, `weekdays` or `weekends`"
            found.append(
                error(
                    "bad-working-days",
                    f"`{item.kind.value}` cannot define the working days",
                    item.span,
                    hint,
                )
            )
    return found
