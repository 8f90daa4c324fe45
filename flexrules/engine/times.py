"""TIME to functions of a local day: the stretches of the day a rule's TIME owns.

A span past midnight belongs to the day it starts on, for DAYS and `except holidays`, so a day's
stretches may reach into the next day; the runtime clips them when it plans a day. Every day
looked at is worked out once and remembered.
"""

from __future__ import annotations

import datetime as dt
import threading
from bisect import bisect_right
from collections.abc import Callable

import attrs

from ..clock.calendar import DAY, HOLIDAY, Calendar
from ..clock.intervals import Intervals, complement, intersect, normalise
from ..clock.intervals import shift as shift_intervals
from ..core.memory import Memory
from ..core.messages import AsWritten, Clock, Date, Listing, Text, Weekday
from ..language import ast
from .days import days_mask

#: a test of a local day (its ordinal)
DayTest = Callable[[int], bool]
#: the stretches of a local day (its ordinal) something owns, in seconds from its midnight
Owned = Callable[[int], Intervals]


class HoursPattern:
    """A compiled `hours` declaration: for a local day, the spans that start on it; and, for
    explanations, the spans that hold a moment, named by the day each belongs to."""

    def __init__(self, decl: ast.HoursDecl, calendar: Calendar, memory: Memory[int, Intervals]):
        self.name = decl.name.text
        self._calendar = calendar
        self._skip_holidays = decl.except_holidays
        self._spans = tuple(
            (
                days_mask(span.days),
                span.start.minutes * 60,
                span.end.minutes * 60,
            )
            for span in decl.spans
        )
        self._memory = memory

    def owned(self, day: int) -> Intervals:
        """The spans of these hours that start on `day` (one past midnight runs on)."""
        found = self._memory.young.get(day)
        if found is None:
            found = self._memory.get(day)
            if found is None:
                found = self._memory.put(day, self._work_out(day))
        return found

    def _work_out(self, day: int) -> Intervals:
        bits = self._calendar.bits(day)
        if self._skip_holidays and bits & HOLIDAY:
            return ()
        return normalise(
            (start, end if end > start else end + DAY)
            for mask, start, end in self._spans
            if bits & mask
        )

    def spans_holding(self, moment: int) -> list[Text]:
        """`Monday 08:00-15:00` for each span holding `moment` (local seconds)."""
        found = []
        for owner in (moment // DAY - 1, moment // DAY):
            bits = self._calendar.bits(owner)
            if self._skip_holidays and bits & HOLIDAY:
                continue
            for mask, start, end in self._spans:
                begin = owner * DAY + start
                finish = owner * DAY + (end if end > start else end + DAY)
                if bits & mask and begin <= moment < finish:
                    weekday = Weekday(dt.date.fromordinal(owner).weekday())
                    found.append(
                        Text("hours.span", weekday=weekday, start=Clock(start), end=Clock(end))
                    )
        return found

    def instants(self, day: int) -> Intervals:
        """Every instant of these hours from the start of `day` to two days on."""
        return normalise(
            (
                *shift_intervals(self.owned(day - 1), -DAY),
                *self.owned(day),
                *shift_intervals(self.owned(day + 1), DAY),
            )
        )


@attrs.frozen(eq=False)
class TimeSpec:
    """A rule's TIME: day predicates on the owning day, and the stretches of it that count."""

    day_tests: tuple[DayTest, ...]
    stretches: tuple[Owned, ...]
    filters: tuple[Owned, ...]

    @property
    def always(self) -> bool:
        return not (self.day_tests or self.stretches or self.filters)

    def owned(self, day: int) -> Intervals:
        """The local seconds (relative to the start of `day`) this TIME owns on that day."""
        for test in self.day_tests:
            if not test(day):
                return ()
        result: Intervals = ((0, DAY),)
        if self.stretches:
            result = self.stretches[0](day)
            for stretch in self.stretches[1:]:
                result = intersect(result, stretch(day))
        for keep in self.filters:
            result = intersect(result, keep(day))
        return result


@attrs.frozen
class TimeWords:
    """How one TIME of a rule reads in an explanation: `within` hours (with the hours, so the
    explanation can name the span that held: `within service hours (Monday 08:00-15:00)`),
    `during` or `outside` hours or dates by name, or else `words`: the TIME as written in its
    file's language (`written_in`), and in the catalog's words (`time_text`) in the other."""

    kind: str  # "within" | "during" | "outside" | "words"
    text: str  # the name of the hours or dates, or the words as written
    hours: HoursPattern | None = attrs.field(default=None, eq=False)
    other: Text | None = attrs.field(default=None, eq=False)
    written_in: str = "en"

    def at(self, span: Text, moment: int) -> Text:
        """Why a stretch `span` starting at `moment` (local seconds) is in this TIME."""
        if self.kind == "words":
            words = AsWritten(self.text, self.written_in, self.other)
            return Text("because.time", span=span, words=words)
        if self.kind != "within":
            key = "because.outside" if self.kind == "outside" else "because.during"
            return Text(key, span=span, name=self.text)
        spans: Text | str = ""
        if self.hours is not None and (held := self.hours.spans_holding(moment)):
            spans = Text("hours.spans", spans=Listing(held))
        return Text("because.within", span=span, name=self.text, spans=spans)


_DAY_SETS = {
    ast.DayKind.WEEKDAYS: Text("days.weekdays"),
    ast.DayKind.WEEKENDS: Text("days.weekends"),
    ast.DayKind.WORKING_DAYS: Text("days.working_days"),
    ast.DayKind.HOLIDAYS: Text("days.holidays"),
    ast.DayKind.PUBLIC_HOLIDAYS: Text("days.public_holidays"),
    ast.DayKind.JOINT_HOLIDAYS: Text("days.joint_holidays"),
    ast.DayKind.EVERY_DAY: Text("days.every_day"),
}


def time_text(item: ast.OnDays | ast.BetweenTimes | ast.DateWindow) -> Text:
    """A TIME other than hours and dates by name, in the catalog's words: `on working days`,
    `pada hari kerja`, `antara pukul 21.00 dan 07.00`, `mulai 1 Maret 2025`."""
    if isinstance(item, ast.OnDays):
        return Text("time.on_days", days=Listing([_day_item(day) for day in item.days.items]))
    if isinstance(item, ast.BetweenTimes):
        opens, closes = Clock(item.start.minutes * 60), Clock(item.end.minutes * 60)
        return Text("time.between", start=opens, end=closes)
    first = None if item.start is None else Date(dt.date.fromordinal(_ordinal(item.start)))
    last = None if item.end is None else Date(dt.date.fromordinal(_ordinal(item.end)))
    if first is None:
        return Text("time.until", end=last)
    if last is None:
        return Text("time.from", start=first)
    return Text("time.from_to", start=first, end=last)


def _day_item(item: ast.DayItem) -> Text | Weekday:
    if isinstance(item, ast.DaySet):
        return _DAY_SETS[item.kind]
    first = Weekday(int(item.first))
    if item.last is None:
        return first
    return Text("days.range", first=first, last=Weekday(int(item.last)))


class Times:
    """Compiles TIME against a policy's hours, dates and calendar; each hours declaration once."""

    def __init__(
        self,
        hours: dict[str, ast.HoursDecl],
        dates: dict[str, ast.DatesDecl],
        calendar: Calendar,
        memory_size: int,
    ) -> None:
        self._calendar = calendar
        self._dates = dates
        lock = threading.Lock()
        self.hours = {
            key: HoursPattern(decl, calendar, Memory(memory_size, lock))
            for key, decl in hours.items()
        }

    def spec(self, times: tuple[ast.Time, ...], within: ast.Name | None = None) -> TimeSpec:
        """A rule's TIME; `within` names the hours of a `must work within HOURS` rule, whose
        TIME is what lies outside them."""
        day_tests: list[DayTest] = []
        stretches: list[Owned] = []
        filters: list[Owned] = []
        for item in times:
            if isinstance(item, ast.During) and item.name.key in self.hours:
                pattern = self.hours[item.name.key]
                if item.outside:
                    filters.append(_outside(pattern))
                else:
                    stretches.append(pattern.owned)
            elif isinstance(item, ast.During):
                dates = DateSet.of(self._dates[item.name.key])
                day_tests.append(dates.__contains__ if not item.outside else dates.excludes)
            elif isinstance(item, ast.OnDays):
                day_tests.append(_on_days(self._calendar, days_mask(item.days)))
            elif isinstance(item, ast.BetweenTimes):
                start, end = item.start.minutes * 60, item.end.minutes * 60
                stretches.append(_always((start, end if end > start else end + DAY)))
            else:
                day_tests.append(_in_window(item))
        if within is not None:
            filters.append(_outside(self.hours[within.key]))
        return TimeSpec(tuple(day_tests), tuple(stretches), tuple(filters))

    def words(self, times: tuple[ast.Time, ...], written_in: str = "en") -> tuple[TimeWords, ...]:
        """How each TIME reads in an explanation; `written_in` is the language of the rule's
        file, in which its words are shown as written."""
        found = []
        for item in times:
            if isinstance(item, ast.During):
                pattern = self.hours.get(item.name.key)
                if pattern is not None and not item.outside:
                    found.append(TimeWords("within", item.name.text, pattern))
                else:
                    kind = "outside" if item.outside else "during"
                    found.append(TimeWords(kind, item.name.text))
            else:
                words = item.span.one_line()
                found.append(TimeWords("words", words, None, time_text(item), written_in))
        return tuple(found)


def _outside(pattern: HoursPattern) -> Owned:
    return lambda day: complement(pattern.instants(day), 0, 2 * DAY)


def _on_days(calendar: Calendar, mask: int) -> DayTest:
    return lambda day: bool(calendar.bits(day) & mask)


def _always(span: tuple[int, int]) -> Owned:
    spans: Intervals = (span,)
    return lambda day: spans


def _in_window(window: ast.DateWindow) -> DayTest:
    low = _ordinal(window.start) if window.start is not None else None
    high = _ordinal(window.end) if window.end is not None else None
    return lambda day: (low is None or day >= low) and (high is None or day <= high)


def _ordinal(date: ast.DateLiteral) -> int:
    return dt.date(date.year, date.month, date.day).toordinal()


class DateSet:
    """The days of a `dates` declaration, kept as merged ranges of ordinals (so `0001-01-01 to
    9999-12-31` costs two numbers, not 3.6 million): a day is looked up by bisection."""

    __slots__ = ("_firsts", "_lasts")

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for first, last in sorted(ranges):
            if merged and first <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], last))
            else:
                merged.append((first, last))
        self._firsts = tuple(first for first, _ in merged)
        self._lasts = tuple(last for _, last in merged)

    @classmethod
    def of(cls, decl: ast.DatesDecl) -> DateSet:
        return cls(
            [
                (_ordinal(item.start), _ordinal(item.end if item.end is not None else item.start))
                for item in decl.items
            ]
        )

    def __contains__(self, day: int) -> bool:
        index = bisect_right(self._firsts, day) - 1
        return index >= 0 and day <= self._lasts[index]

    def excludes(self, day: int) -> bool:
        return day not in self

    @property
    def ranges(self) -> tuple[tuple[int, int], ...]:
        return tuple(zip(self._firsts, self._lasts, strict=True))
