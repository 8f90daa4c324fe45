"""The typed syntax tree: frozen attrs nodes, each with the span it came from.

Spans take no part in equality, so two trees parsed from differently laid out text compare
equal when they mean the same. Lowering builds these nodes and never judges them; the checks
in `flexrules.checks` do.
"""

from __future__ import annotations

import enum

import attrs

from ..core.source import Span


@attrs.frozen
class Node:
    span: Span = attrs.field(eq=False, repr=False, kw_only=True)


# ---- names and literals ----------------------------------------------------------------


def name_key(words: tuple[str, ...]) -> str:
    """How names are matched: case-insensitive, single spaces."""
    return " ".join(words).casefold()


@attrs.frozen
class Name(Node):
    """A name of one or more words, as written (backquotes removed)."""

    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def key(self) -> str:
        return name_key(self.words)


@attrs.frozen
class Identifier(Node):
    """A rule id such as `R1` or `wfa-cap`."""

    text: str

    @property
    def key(self) -> str:
        return self.text.casefold()


@attrs.frozen
class TextLiteral(Node):
    value: str


@attrs.frozen
class NumberLiteral(Node):
    """A number, kept as written so that `37.5` stays exact (a decimal comma, `7,5`, is read
    as `7.5`)."""

    text: str
    #: the spelling an Indonesian regulation writes after it, `2 (dua)`: no meaning, kept for
    #: its check and for translation
    words: str | None = attrs.field(default=None, eq=False, kw_only=True)

    @property
    def value(self) -> float:
        return float(self.text)


@attrs.frozen
class DateLiteral(Node):
    """A date as written; whether it is a real calendar day is for the checks."""

    year: int
    month: int
    day: int

    @property
    def text(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@attrs.frozen
class TimeLiteral(Node):
    """A wall clock time as written; 00:00 to 24:00 is for the checks."""

    hour: int
    minute: int
    #: `WIB`, `WITA` or `WIT` written after an Indonesian time: it only confirms the zone
    zone: str | None = attrs.field(default=None, eq=False, kw_only=True)

    @property
    def minutes(self) -> int:
        return self.hour * 60 + self.minute

    @property
    def text(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"


@attrs.frozen
class BoolLiteral(Node):
    value: bool


Literal = TextLiteral | NumberLiteral | DateLiteral | TimeLiteral | BoolLiteral


# ---- declarations ----------------------------------------------------------------------


class Owner(str, enum.Enum):
    EMPLOYEE = "employee"
    SHIFT = "shift"


@attrs.frozen
class SimpleType(Node):
    """`text`, `number`, `yes or no` or `date`."""

    kind: str  # "text" | "number" | "bool" | "date"


@attrs.frozen
class OneOfType(Node):
    values: tuple[TextLiteral, ...]


@attrs.frozen
class RankedType(Node):
    """Values from lowest to highest."""

    values: tuple[TextLiteral, ...]


TypeExpr = SimpleType | OneOfType | RankedType


@attrs.frozen
class AttributeDecl(Node):
    name: Name
    type: TypeExpr


@attrs.frozen
class AttributesDecl(Node):
    """`employees have: ...` or `shifts have: ...`."""

    owner: Owner
    attributes: tuple[AttributeDecl, ...]
    #: `one of` values that came with no `one of` before them (reported by the checks)
    stray_values: tuple[TextLiteral, ...] = ()


@attrs.frozen
class VersionClause(Node):
    version: TextLiteral


@attrs.frozen
class TimezoneClause(Node):
    zone: str


@attrs.frozen
class DefaultClause(Node):
    effect: str  # "allow" | "deny"


@attrs.frozen
class EffectiveClause(Node):
    """`effective from DATE [until DATE]`: the days a version of a policy is in force."""

    start: DateLiteral
    end: DateLiteral | None = None


HeaderClause = VersionClause | TimezoneClause | DefaultClause | EffectiveClause


@attrs.frozen
class Header(Node):
    name: TextLiteral
    clauses: tuple[HeaderClause, ...]


class Weekday(enum.IntEnum):
    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6


@attrs.frozen
class DayRange(Node):
    """`Monday`, or `Monday to Thursday` (which may wrap through Sunday)."""

    first: Weekday
    last: Weekday | None = None


class DayKind(str, enum.Enum):
    WEEKDAYS = "weekdays"
    WEEKENDS = "weekends"
    WORKING_DAYS = "working days"
    HOLIDAYS = "holidays"
    PUBLIC_HOLIDAYS = "public holidays"
    JOINT_HOLIDAYS = "joint holidays"
    EVERY_DAY = "every day"


@attrs.frozen
class DaySet(Node):
    """One of the named sets of days: `weekends`, `holidays`, `every day`..."""

    kind: DayKind


DayItem = DayRange | DaySet


@attrs.frozen
class Days(Node):
    items: tuple[DayItem, ...]


@attrs.frozen
class WorkingDaysDecl(Node):
    days: Days


@attrs.frozen
class NationalHolidays(Node):
    """`Indonesia`, optionally `with joint holidays` (cuti bersama)."""

    joint: bool


@attrs.frozen
class HolidayDate(Node):
    """A date the policy names: the agency's own, or `as joint holiday` (a cuti bersama the
    decree moved here), optionally `citing` the decree."""

    date: DateLiteral
    joint: bool = False
    citation: TextLiteral | None = None


HolidayItem = NationalHolidays | HolidayDate


@attrs.frozen
class RemovedHoliday(Node):
    """A date after `except`: no longer a holiday (a cancelled cuti bersama)."""

    date: DateLiteral
    citation: TextLiteral | None = None


@attrs.frozen
class HolidaysDecl(Node):
    items: tuple[HolidayItem, ...]
    removed: tuple[RemovedHoliday, ...] = ()


@attrs.frozen
class AbsenceKind(Node):
    """One kind of absence as the agency names it; `as work` counts it as working time."""

    name: TextLiteral
    work: bool = False


@attrs.frozen
class AbsenceKindsDecl(Node):
    """`absence kinds: "cuti tahunan", "dinas luar" as work.` (DATA.md §3)."""

    kinds: tuple[AbsenceKind, ...]


@attrs.frozen
class HoursSpan(Node):
    days: Days
    start: TimeLiteral
    end: TimeLiteral


@attrs.frozen
class ExceptHolidays(Node):
    pass


HoursItem = HoursSpan | ExceptHolidays


@attrs.frozen
class HoursDecl(Node):
    name: Name
    items: tuple[HoursItem, ...]

    @property
    def spans(self) -> tuple[HoursSpan, ...]:
        return tuple(item for item in self.items if isinstance(item, HoursSpan))

    @property
    def except_holidays(self) -> bool:
        return any(isinstance(item, ExceptHolidays) for item in self.items)


@attrs.frozen
class DateRange(Node):
    start: DateLiteral
    end: DateLiteral | None = None


@attrs.frozen
class DatesDecl(Node):
    name: Name
    items: tuple[DateRange, ...]


# ---- comparisons, subjects and conditions ----------------------------------------------


class CompareOp(str, enum.Enum):
    IS = "is"
    IS_NOT = "is not"
    ONE_OF = "is one of"
    NOT_ONE_OF = "is not one of"
    AT_LEAST = "is at least"
    AT_MOST = "is at most"
    MORE_THAN = "is more than"
    LESS_THAN = "is less than"
    BETWEEN = "is between"
    BEFORE = "is before"
    AFTER = "is after"


class DateUnit(str, enum.Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@attrs.frozen
class Ago(Node):
    """`N months ago` after an ordering comparison: a date relative to the day decided."""

    unit: DateUnit


@attrs.frozen
class Comparison(Node):
    op: CompareOp
    values: tuple[Literal, ...]
    ago: Ago | None = None


@attrs.frozen
class AttributeTest(Node):
    """`whose ATTR COMPARISON`, `their ATTR COMPARISON`, `the shift's ATTR COMPARISON`."""

    owner: Owner
    attribute: Name
    comparison: Comparison


@attrs.frozen
class FlagTest(Node):
    """`who are [not] ATTR`, `they are [not] ATTR`, `the shift is [not] ATTR`."""

    owner: Owner
    attribute: Name
    negated: bool


@attrs.frozen
class Everyone(Node):
    """`employees` or `everyone`."""

    word: str


@attrs.frozen
class GroupRef(Node):
    name: Name


SubjectBase = Everyone | GroupRef
Refinement = AttributeTest | FlagTest


@attrs.frozen
class Subject(Node):
    base: SubjectBase
    refinements: tuple[Refinement, ...] = ()


@attrs.frozen
class And(Node):
    items: tuple[Condition, ...]


@attrs.frozen
class Or(Node):
    items: tuple[Condition, ...]


@attrs.frozen
class Not(Node):
    item: Condition


Condition = And | Or | Not | AttributeTest | FlagTest


@attrs.frozen
class ConditionClause(Node):
    """`if C` or `unless C` (which means `if not C`)."""

    unless: bool
    condition: Condition


@attrs.frozen
class GroupDecl(Node):
    name: Name
    subjects: tuple[Subject, ...]


# ---- statements ------------------------------------------------------------------------


class Modal(str, enum.Enum):
    MUST = "must"
    MUST_NOT = "must not"
    MAY = "may"


class Activity(str, enum.Enum):
    """What a statement is about; the value is the set of locations it names."""

    ON_SITE = "on-site"
    HOME = "home"
    ANYWHERE = "anywhere"
    REMOTE = "remote"
    WORK = "work"
    WITHIN = "within"
    START = "start"  # `start work`: a start window (any location)


@attrs.frozen
class ActivityPhrase(Node):
    activity: Activity
    #: the phrase as written, for messages (in the file's language: not compared)
    text: str = attrs.field(eq=False)
    #: the hours of `work within HOURS`
    within: Name | None = None
    #: the keyword's terminal (`BE_ON_SITE`), the same in every language
    keyword: str = attrs.field(default="", kw_only=True)


@attrs.frozen
class During(Node):
    """`during NAME` or, with `outside`, `outside NAME`: named hours or dates."""

    name: Name
    outside: bool = False


@attrs.frozen
class OnDays(Node):
    days: Days


@attrs.frozen
class BetweenTimes(Node):
    start: TimeLiteral
    end: TimeLiteral


@attrs.frozen
class DateWindow(Node):
    """`from D`, `until D` or `from D to D`; the end day is included."""

    start: DateLiteral | None
    end: DateLiteral | None


Time = During | OnDays | BetweenTimes | DateWindow


class CountUnit(str, enum.Enum):
    DAYS = "days"
    WORKING_DAYS = "working days"
    HOURS = "hours"


@attrs.frozen
class Quantity(Node):
    """`more than N days`, `at least H hours`: the measure of a limit."""

    at_least: bool
    amount: NumberLiteral
    unit: CountUnit


class PeriodUnit(str, enum.Enum):
    DAY = "day"
    WORKING_DAY = "working day"
    WEEK = "week"
    MONTH = "month"


@attrs.frozen
class Period(Node):
    unit: PeriodUnit


@attrs.frozen
class Staffing(Node):
    """`at least N SUBJECT [in each ATTR]`: a head count for a roster."""

    count: NumberLiteral
    in_each: Name | None = None


@attrs.frozen
class Share(Node):
    """`at most P% of SUBJECT [in each ATTR]`: a share of a group."""

    percent: NumberLiteral
    in_each: Name | None = None


@attrs.frozen
class Statement(Node):
    """Every statement form; which combinations are allowed is for the checks."""

    subject: Subject
    modal: Modal
    activity: ActivityPhrase
    quantity: Quantity | None = None
    period: Period | None = None
    times: tuple[Time, ...] = ()
    condition: ConditionClause | None = None
    staffing: Staffing | None = None
    share: Share | None = None


@attrs.frozen
class RuleDecl(Node):
    id: Identifier
    title: TextLiteral | None
    citation: TextLiteral | None
    overrides: tuple[Identifier, ...]
    statement: Statement


Declaration = (
    Header
    | AttributesDecl
    | WorkingDaysDecl
    | HolidaysDecl
    | AbsenceKindsDecl
    | HoursDecl
    | DatesDecl
    | GroupDecl
    | RuleDecl
)


@attrs.frozen
class Comment(Node):
    text: str


@attrs.frozen
class PolicyFile(Node):
    """One `.rules` file: its declarations and comments, in source order."""

    name: str
    declarations: tuple[Declaration, ...]
    comments: tuple[Comment, ...] = ()
    #: the language it is written in (`en`, `id`): trees of the two compare equal
    language: str = attrs.field(default="en", eq=False, kw_only=True)
