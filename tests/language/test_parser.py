"""The parser and lowering: each sentence of the language becomes the syntax tree it means.

Tables pair a sentence with the node expected, compared with `==` (spans take no part in
equality). The builders below write expected nodes tersely.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import grammar_sentences

import flexrules
from flexrules.core.source import SourceFile, Span
from flexrules.language import ast, keywords
from flexrules.language.ast import Activity, CompareOp, DayKind, Modal, Owner, Weekday
from flexrules.language.parse import parse_file

HERE = Path(__file__).resolve().parents[1]
#: LANGUAGE.md section 1's complete example, copied byte for byte (the page is not in this
#: repository, so a test that read it would only ever skip in CI)
FIXTURE = HERE / "fixtures" / "language_example.rules"

# ---- helpers -----------------------------------------------------------------------------

_NOWHERE = Span(SourceFile("<expected>", ""), 0, 0)


def parse(text: str) -> ast.PolicyFile:
    """A file's syntax tree; the text must have no syntax errors."""
    file, diagnostics = parse_file(SourceFile("test.rules", text))
    assert not diagnostics, "\n".join(d.render() for d in diagnostics)
    return file


def one(text: str) -> ast.Declaration:
    declarations = parse(text).declarations
    assert len(declarations) == 1, declarations
    return declarations[0]


def statement(text: str) -> ast.Statement:
    """The statement of `rule R1: TEXT.`."""
    rule = one(f"rule R1: {text}.")
    assert isinstance(rule, ast.RuleDecl)
    return rule.statement


def name(text: str) -> ast.Name:
    return ast.Name(tuple(text.split()), span=_NOWHERE)


def ident(text: str) -> ast.Identifier:
    return ast.Identifier(text, span=_NOWHERE)


def txt(value: str) -> ast.TextLiteral:
    return ast.TextLiteral(value, span=_NOWHERE)


def num(text: str) -> ast.NumberLiteral:
    return ast.NumberLiteral(text, span=_NOWHERE)


def date(text: str) -> ast.DateLiteral:
    year, month, day = map(int, text.split("-"))
    return ast.DateLiteral(year, month, day, span=_NOWHERE)


def tm(text: str) -> ast.TimeLiteral:
    hour, minute = map(int, text.split(":"))
    return ast.TimeLiteral(hour, minute, span=_NOWHERE)


def boolean(value: bool) -> ast.BoolLiteral:
    return ast.BoolLiteral(value, span=_NOWHERE)


def cmp(op: CompareOp, *values: ast.Literal, ago: ast.DateUnit | None = None) -> ast.Comparison:
    return ast.Comparison(op, values, ast.Ago(ago, span=_NOWHERE) if ago else None, span=_NOWHERE)


def attribute_test(owner: Owner, attribute: str, comparison: ast.Comparison) -> ast.AttributeTest:
    return ast.AttributeTest(owner, name(attribute), comparison, span=_NOWHERE)


def whose(attribute: str, comparison: ast.Comparison) -> ast.AttributeTest:
    return attribute_test(Owner.EMPLOYEE, attribute, comparison)


def shifts(attribute: str, comparison: ast.Comparison) -> ast.AttributeTest:
    return attribute_test(Owner.SHIFT, attribute, comparison)


def flag(attribute: str, negated: bool = False, owner: Owner = Owner.EMPLOYEE) -> ast.FlagTest:
    return ast.FlagTest(owner, name(attribute), negated, span=_NOWHERE)


def and_(*items: ast.Condition) -> ast.And:
    return ast.And(items, span=_NOWHERE)


def or_(*items: ast.Condition) -> ast.Or:
    return ast.Or(items, span=_NOWHERE)


def not_(item: ast.Condition) -> ast.Not:
    return ast.Not(item, span=_NOWHERE)


def subject(base: str, *refinements: ast.Refinement) -> ast.Subject:
    node: ast.SubjectBase
    if base in ("employees", "everyone"):
        node = ast.Everyone(base, span=_NOWHERE)
    else:
        node = ast.GroupRef(name(base), span=_NOWHERE)
    return ast.Subject(node, refinements, span=_NOWHERE)


def act(kind: Activity, text: str, within: str | None = None) -> ast.ActivityPhrase:
    keyword = next(t for t, phrases in keywords.ENGLISH.items() if text in phrases)
    return ast.ActivityPhrase(
        kind, text, name(within) if within else None, keyword=keyword, span=_NOWHERE
    )


ON_SITE = act(Activity.ON_SITE, "be on-site")
WORK = act(Activity.WORK, "work")
REMOTELY = act(Activity.REMOTE, "work remotely")
EMPLOYEES = subject("employees")


def day(first: Weekday, last: Weekday | None = None) -> ast.DayRange:
    return ast.DayRange(first, last, span=_NOWHERE)


def dayset(kind: DayKind) -> ast.DaySet:
    return ast.DaySet(kind, span=_NOWHERE)


def days(*items: ast.DayItem) -> ast.Days:
    return ast.Days(items, span=_NOWHERE)


def on(*items: ast.DayItem) -> ast.OnDays:
    return ast.OnDays(days(*items), span=_NOWHERE)


def during(hours: str, outside: bool = False) -> ast.During:
    return ast.During(name(hours), outside, span=_NOWHERE)


def window(start: str | None, end: str | None) -> ast.DateWindow:
    return ast.DateWindow(date(start) if start else None, date(end) if end else None, span=_NOWHERE)


def between(start: str, end: str) -> ast.BetweenTimes:
    return ast.BetweenTimes(tm(start), tm(end), span=_NOWHERE)


def clause(condition: ast.Condition, unless: bool = False) -> ast.ConditionClause:
    return ast.ConditionClause(unless, condition, span=_NOWHERE)


def quantity(at_least: bool, amount: str, unit: ast.CountUnit) -> ast.Quantity:
    return ast.Quantity(at_least, num(amount), unit, span=_NOWHERE)


def period(unit: ast.PeriodUnit) -> ast.Period:
    return ast.Period(unit, span=_NOWHERE)


def stmt(
    subj: ast.Subject,
    modal: Modal,
    activity: ast.ActivityPhrase,
    *times: ast.Time,
    condition: ast.ConditionClause | None = None,
    quantity: ast.Quantity | None = None,
    period: ast.Period | None = None,
    staffing: ast.Staffing | None = None,
    share: ast.Share | None = None,
) -> ast.Statement:
    return ast.Statement(
        subj,
        modal,
        activity,
        quantity=quantity,
        period=period,
        times=times,
        condition=condition,
        staffing=staffing,
        share=share,
        span=_NOWHERE,
    )


def rule(
    rule_id: str,
    statement: ast.Statement,
    title: str | None = None,
    citation: str | None = None,
    overrides: tuple[str, ...] = (),
) -> ast.RuleDecl:
    return ast.RuleDecl(
        ident(rule_id),
        txt(title) if title is not None else None,
        txt(citation) if citation is not None else None,
        tuple(ident(o) for o in overrides),
        statement,
        span=_NOWHERE,
    )


def header(title: str, *clauses: ast.HeaderClause) -> ast.Header:
    return ast.Header(txt(title), clauses, span=_NOWHERE)


def version(text: str) -> ast.VersionClause:
    return ast.VersionClause(txt(text), span=_NOWHERE)


def zone(text: str) -> ast.TimezoneClause:
    return ast.TimezoneClause(text, span=_NOWHERE)


def default(effect: str) -> ast.DefaultClause:
    return ast.DefaultClause(effect, span=_NOWHERE)


def attr(attribute: str, kind: str | ast.TypeExpr) -> ast.AttributeDecl:
    type_ = ast.SimpleType(kind, span=_NOWHERE) if isinstance(kind, str) else kind
    return ast.AttributeDecl(name(attribute), type_, span=_NOWHERE)


def one_of(*values: str) -> ast.OneOfType:
    return ast.OneOfType(tuple(txt(v) for v in values), span=_NOWHERE)


def ranked(*values: str) -> ast.RankedType:
    return ast.RankedType(tuple(txt(v) for v in values), span=_NOWHERE)


def attributes(
    owner: Owner, *items: ast.AttributeDecl, stray: tuple[str, ...] = ()
) -> ast.AttributesDecl:
    return ast.AttributesDecl(owner, items, tuple(txt(s) for s in stray), span=_NOWHERE)


def hours_span(day_items: tuple[ast.DayItem, ...], start: str, end: str) -> ast.HoursSpan:
    return ast.HoursSpan(days(*day_items), tm(start), tm(end), span=_NOWHERE)


EXCEPT_HOLIDAYS = ast.ExceptHolidays(span=_NOWHERE)


def hours(hours_name: str, *items: ast.HoursItem) -> ast.HoursDecl:
    return ast.HoursDecl(name(hours_name), items, span=_NOWHERE)


def date_range(start: str, end: str | None = None) -> ast.DateRange:
    return ast.DateRange(date(start), date(end) if end else None, span=_NOWHERE)


def dates(dates_name: str, *items: ast.DateRange) -> ast.DatesDecl:
    return ast.DatesDecl(name(dates_name), items, span=_NOWHERE)


def group(group_name: str, *subjects: ast.Subject) -> ast.GroupDecl:
    return ast.GroupDecl(name(group_name), subjects, span=_NOWHERE)


MON, TUE, WED, THU, FRI, SAT, SUN = Weekday
E, S = Owner.EMPLOYEE, Owner.SHIFT

# ---- declarations --------------------------------------------------------------------------

DECLARATIONS = [
    # header: every clause optional, in any order
    ('policy "P".', header("P")),
    ('policy "P" version "2025.1".', header("P", version("2025.1"))),
    (
        'policy "P" version "1" timezone Asia/Jakarta default deny.',
        header("P", version("1"), zone("Asia/Jakarta"), default("deny")),
    ),
    (
        'policy "P" default allow timezone WITA version "2".',
        header("P", default("allow"), zone("WITA"), version("2")),
    ),
    ('policy "P" timezone WIT default deny.', header("P", zone("WIT"), default("deny"))),
    ('policy "P" timezone Asia/Makassar.', header("P", zone("Asia/Makassar"))),
    (
        'policy "P" timezone America/Argentina/Buenos_Aires.',
        header("P", zone("America/Argentina/Buenos_Aires")),
    ),
    ('policy "Say \\"hi\\" \\\\ bye".', header('Say "hi" \\ bye')),
    ('policy "P" version "1" version "2".', header("P", version("1"), version("2"))),
    # attributes of every type
    ("employees have: role: text.", attributes(E, attr("role", "text"))),
    (
        "employees have: grade: number, position start: date, on probation: yes or no.",
        attributes(
            E, attr("grade", "number"), attr("position start", "date"), attr("on probation", "bool")
        ),
    ),
    (
        'employees have: job type: one of "administration", "finance", "personnel".',
        attributes(E, attr("job type", one_of("administration", "finance", "personnel"))),
    ),
    (
        'employees have: job type: one of "a", "b", grade: number, kind: one of "x".',
        attributes(
            E,
            attr("job type", one_of("a", "b")),
            attr("grade", "number"),
            attr("kind", one_of("x")),
        ),
    ),
    (
        'employees have: performance: ranked "poor" < "good" < "very good".',
        attributes(E, attr("performance", ranked("poor", "good", "very good"))),
    ),
    (
        'employees have: rank: ranked "a", unit: text.',
        attributes(E, attr("rank", ranked("a")), attr("unit", "text")),
    ),
    ("shifts have: approved: yes or no.", attributes(S, attr("approved", "bool"))),
    (
        'shifts have: kind: one of "morning", "night", approved: yes or no, note: text.',
        attributes(
            S,
            attr("kind", one_of("morning", "night")),
            attr("approved", "bool"),
            attr("note", "text"),
        ),
    ),
    # values after a type that takes none are kept for the checks to report
    ('employees have: unit: text, "stray".', attributes(E, attr("unit", "text"), stray=("stray",))),
    # names holding keywords of other places
    (
        "employees have: in special circumstances: yes or no, under sanction: yes or no.",
        attributes(E, attr("in special circumstances", "bool"), attr("under sanction", "bool")),
    ),
    (
        "employees have: `number` of children: number.",
        attributes(E, attr("number of children", "number")),
    ),
    # working days
    ("working days: Monday to Friday.", ast.WorkingDaysDecl(days(day(MON, FRI)), span=_NOWHERE)),
    (
        "working days: Monday, Tuesday and Saturday.",
        ast.WorkingDaysDecl(days(day(MON), day(TUE), day(SAT)), span=_NOWHERE),
    ),
    ("working days: weekdays.", ast.WorkingDaysDecl(days(dayset(DayKind.WEEKDAYS)), span=_NOWHERE)),
    (
        "working days: Sundays to Thursdays.",
        ast.WorkingDaysDecl(days(day(SUN, THU)), span=_NOWHERE),
    ),
    # holidays
    (
        "holidays: Indonesia.",
        ast.HolidaysDecl((ast.NationalHolidays(False, span=_NOWHERE),), span=_NOWHERE),
    ),
    (
        "holidays: Indonesia with joint holidays.",
        ast.HolidaysDecl((ast.NationalHolidays(True, span=_NOWHERE),), span=_NOWHERE),
    ),
    (
        "holidays: Indonesia, 2025-06-09, 2025-12-26.",
        ast.HolidaysDecl(
            (
                ast.NationalHolidays(False, span=_NOWHERE),
                ast.HolidayDate(date("2025-06-09"), span=_NOWHERE),
                ast.HolidayDate(date("2025-12-26"), span=_NOWHERE),
            ),
            span=_NOWHERE,
        ),
    ),
    (
        "holidays: 2025-09-12.",
        ast.HolidaysDecl((ast.HolidayDate(date("2025-09-12"), span=_NOWHERE),), span=_NOWHERE),
    ),
    (
        "holiday: 2025-09-12, Indonesia with joint holidays.",
        ast.HolidaysDecl(
            (
                ast.HolidayDate(date("2025-09-12"), span=_NOWHERE),
                ast.NationalHolidays(True, span=_NOWHERE),
            ),
            span=_NOWHERE,
        ),
    ),
    # hours
    (
        "hours service hours: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 11:30, "
        "except holidays.",
        hours(
            "service hours",
            hours_span((day(MON, THU),), "08:00", "15:00"),
            hours_span((day(FRI),), "08:00", "11:30"),
            EXCEPT_HOLIDAYS,
        ),
    ),
    (
        "hours working window: every day 06:00 to 20:00.",
        hours("working window", hours_span((dayset(DayKind.EVERY_DAY),), "06:00", "20:00")),
    ),
    (
        "hours counter hours: Monday, Wednesday and Friday 7:30 to 24:00.",
        hours("counter hours", hours_span((day(MON), day(WED), day(FRI)), "07:30", "24:00")),
    ),
    (
        "hours night: weekdays 22:00 to 06:00, weekends 00:00 to 24:00.",
        hours(
            "night",
            hours_span((dayset(DayKind.WEEKDAYS),), "22:00", "06:00"),
            hours_span((dayset(DayKind.WEEKENDS),), "00:00", "24:00"),
        ),
    ),
    (
        "hours office window: Friday to Monday 09:00 to 10:00.",
        hours("office window", hours_span((day(FRI, MON),), "09:00", "10:00")),
    ),
    # `except holidays` anywhere is kept: where it may stand is for the checks
    (
        "hours h: except holidays, Monday 08:00 to 09:00.",
        hours("h", EXCEPT_HOLIDAYS, hours_span((day(MON),), "08:00", "09:00")),
    ),
    # dates
    (
        "dates Ramadan: 2025-03-01 to 2025-03-30.",
        dates("Ramadan", date_range("2025-03-01", "2025-03-30")),
    ),
    (
        "dates closure: 2025-01-01 to 2025-01-05, 2025-02-01, 2025-03-01 to 2025-03-02.",
        dates(
            "closure",
            date_range("2025-01-01", "2025-01-05"),
            date_range("2025-02-01"),
            date_range("2025-03-01", "2025-03-02"),
        ),
    ),
    # groups
    (
        'group service desk staff: employees whose role is "service desk".',
        group(
            "service desk staff",
            subject("employees", whose("role", cmp(CompareOp.IS, txt("service desk")))),
        ),
    ),
    (
        "group eligible: administrative staff or technical staff.",
        group("eligible", subject("administrative staff"), subject("technical staff")),
    ),
    ("group all: everyone.", group("all", subject("everyone"))),
    (
        "group g: desk staff who are not on probation and whose grade is at least 9 or everyone "
        'who are in special circumstances or employees whose unit is one of "a", "b".',
        group(
            "g",
            subject(
                "desk staff",
                flag("on probation", negated=True),
                whose("grade", cmp(CompareOp.AT_LEAST, num("9"))),
            ),
            subject("everyone", flag("in special circumstances")),
            subject("employees", whose("unit", cmp(CompareOp.ONE_OF, txt("a"), txt("b")))),
        ),
    ),
]


@pytest.mark.parametrize(
    ("source", "expected"), DECLARATIONS, ids=[d[0][:60] for d in DECLARATIONS]
)
def test_declaration(source: str, expected: ast.Declaration) -> None:
    """Each kind of declaration lowers to its node, with clauses and items in source order."""
    assert one(source) == expected


# ---- rules: title, citation, overrides ------------------------------------------------------

PLAIN = stmt(EMPLOYEES, Modal.MAY, WORK)

RULE_HEADS = [
    ("rule R1: employees may work.", rule("R1", PLAIN)),
    ('rule R1 "Title": employees may work.', rule("R1", PLAIN, title="Title")),
    ('rule R1 citing "Pasal 13": employees may work.', rule("R1", PLAIN, citation="Pasal 13")),
    (
        'rule R1 "T" citing "Pasal 13. ayat (2)": employees may work.',
        rule("R1", PLAIN, title="T", citation="Pasal 13. ayat (2)"),
    ),
    ("rule R12 overrides R1: employees may work.", rule("R12", PLAIN, overrides=("R1",))),
    (
        'rule R12 "Closure" citing "C" overrides R1, wfa-cap, x_2: employees may work.',
        rule("R12", PLAIN, title="Closure", citation="C", overrides=("R1", "wfa-cap", "x_2")),
    ),
    ("rule wfa-cap: employees may work.", rule("wfa-cap", PLAIN)),
    (
        'rule R3b "New. (in) post # not a comment": employees may work.',
        rule("R3b", PLAIN, title="New. (in) post # not a comment"),
    ),
]


@pytest.mark.parametrize(("source", "expected"), RULE_HEADS, ids=[r[0] for r in RULE_HEADS])
def test_rule_head(source: str, expected: ast.RuleDecl) -> None:
    """A rule keeps its id, title, citation and overridden ids; periods in text end nothing."""
    assert one(source) == expected


# ---- modals and activities -----------------------------------------------------------------

MODALS = [
    ("must", Modal.MUST),
    ("must not", Modal.MUST_NOT),
    ("may", Modal.MAY),
    ("MUST NOT", Modal.MUST_NOT),
    ("Must\n   not", Modal.MUST_NOT),
]


@pytest.mark.parametrize(("written", "modal"), MODALS)
def test_modal(written: str, modal: Modal) -> None:
    """Every modal, in any case and with line breaks inside."""
    assert statement(f"employees {written} work") == stmt(EMPLOYEES, modal, WORK)


ACTIVITIES = [
    ("be on-site", Activity.ON_SITE),
    ("work on-site", Activity.ON_SITE),
    ("work at the office", Activity.ON_SITE),
    ("work from home", Activity.HOME),
    ("work anywhere", Activity.ANYWHERE),
    ("work from anywhere", Activity.ANYWHERE),
    ("work remotely", Activity.REMOTE),
    ("work", Activity.WORK),
]


@pytest.mark.parametrize(("phrase", "activity"), ACTIVITIES)
def test_activity(phrase: str, activity: Activity) -> None:
    """Every activity phrase names its locations and keeps the phrase for messages."""
    assert statement(f"employees may {phrase}") == stmt(EMPLOYEES, Modal.MAY, act(activity, phrase))


@pytest.mark.parametrize(
    "within",
    ["working window", "office window", "counter hours", "service hours", "`on call` window"],
)
def test_work_within(within: str) -> None:
    """`must work within NAME` names hours, even hours whose name holds keywords."""
    expected_name = within.replace("`", "")
    assert statement(f"employees must work within {within}") == stmt(
        EMPLOYEES, Modal.MUST, act(Activity.WITHIN, "work within", expected_name)
    )


def test_activity_phrase_is_lowered_to_one_case_and_spacing() -> None:
    """The phrase kept for messages does not depend on how the keyword was cased or wrapped."""
    assert statement("employees may WORK\n   From  HOME") == stmt(
        EMPLOYEES, Modal.MAY, act(Activity.HOME, "work from home")
    )


# ---- comparisons ---------------------------------------------------------------------------

COMPARISONS = [
    ('is "service desk"', cmp(CompareOp.IS, txt("service desk"))),
    ("is 9", cmp(CompareOp.IS, num("9"))),
    ("is 37.5", cmp(CompareOp.IS, num("37.5"))),
    ("is 2025-06-23", cmp(CompareOp.IS, date("2025-06-23"))),
    ("is 08:00", cmp(CompareOp.IS, tm("08:00"))),
    ("is yes", cmp(CompareOp.IS, boolean(True))),
    ("is no", cmp(CompareOp.IS, boolean(False))),
    ('is not "a"', cmp(CompareOp.IS_NOT, txt("a"))),
    ('is one of "a", "b"', cmp(CompareOp.ONE_OF, txt("a"), txt("b"))),
    ('is one of "a"', cmp(CompareOp.ONE_OF, txt("a"))),
    ("is not one of 1, 2, 3", cmp(CompareOp.NOT_ONE_OF, num("1"), num("2"), num("3"))),
    ('is at least "good"', cmp(CompareOp.AT_LEAST, txt("good"))),
    ("is at most 9", cmp(CompareOp.AT_MOST, num("9"))),
    ("is more than 2.5", cmp(CompareOp.MORE_THAN, num("2.5"))),
    ("is less than 10", cmp(CompareOp.LESS_THAN, num("10"))),
    ("is between 1 and 5", cmp(CompareOp.BETWEEN, num("1"), num("5"))),
    (
        "is between 2025-01-01 and 2025-12-31",
        cmp(CompareOp.BETWEEN, date("2025-01-01"), date("2025-12-31")),
    ),
    ("is before 2025-01-01", cmp(CompareOp.BEFORE, date("2025-01-01"))),
    ("is after 2025-01-01", cmp(CompareOp.AFTER, date("2025-01-01"))),
    ("is less than 12 months ago", cmp(CompareOp.LESS_THAN, num("12"), ago=ast.DateUnit.MONTH)),
    ("is less than 1 month ago", cmp(CompareOp.LESS_THAN, num("1"), ago=ast.DateUnit.MONTH)),
    ("is at least 2 years ago", cmp(CompareOp.AT_LEAST, num("2"), ago=ast.DateUnit.YEAR)),
    ("is at least 1 year ago", cmp(CompareOp.AT_LEAST, num("1"), ago=ast.DateUnit.YEAR)),
    ("is less than 30 days ago", cmp(CompareOp.LESS_THAN, num("30"), ago=ast.DateUnit.DAY)),
    ("is less than 1 day ago", cmp(CompareOp.LESS_THAN, num("1"), ago=ast.DateUnit.DAY)),
    ("is at least 6 weeks ago", cmp(CompareOp.AT_LEAST, num("6"), ago=ast.DateUnit.WEEK)),
    ("is more than 1 week ago", cmp(CompareOp.MORE_THAN, num("1"), ago=ast.DateUnit.WEEK)),
    ("is at most 3 months ago", cmp(CompareOp.AT_MOST, num("3"), ago=ast.DateUnit.MONTH)),
]


@pytest.mark.parametrize(("written", "expected"), COMPARISONS, ids=[c[0] for c in COMPARISONS])
def test_comparison_in_refinement(written: str, expected: ast.Comparison) -> None:
    """Every comparison after `whose ATTR`."""
    assert statement(f"employees whose grade {written} may work") == stmt(
        subject("employees", whose("grade", expected)), Modal.MAY, WORK
    )


@pytest.mark.parametrize(("written", "expected"), COMPARISONS, ids=[c[0] for c in COMPARISONS])
def test_comparison_in_condition(written: str, expected: ast.Comparison) -> None:
    """Every comparison after `their ATTR` and `the shift's ATTR`."""
    assert statement(f"employees may work if their grade {written}") == stmt(
        EMPLOYEES, Modal.MAY, WORK, condition=clause(whose("grade", expected))
    )
    assert statement(f"employees may work unless the shift's kind {written}") == stmt(
        EMPLOYEES, Modal.MAY, WORK, condition=clause(shifts("kind", expected), unless=True)
    )


# ---- subjects ------------------------------------------------------------------------------

SUBJECTS = [
    ("employees", subject("employees")),
    ("everyone", subject("everyone")),
    ("Employees", subject("employees")),
    ("EVERYONE", subject("everyone")),
    ("service desk staff", subject("service desk staff")),
    ("employees who are on probation", subject("employees", flag("on probation"))),
    (
        "employees who are not on probation",
        subject("employees", flag("on probation", negated=True)),
    ),
    (
        "employees who are in special circumstances",
        subject("employees", flag("in special circumstances")),
    ),
    (
        "employees whose grade is at least 9 and who are not under sanction",
        subject(
            "employees",
            whose("grade", cmp(CompareOp.AT_LEAST, num("9"))),
            flag("under sanction", negated=True),
        ),
    ),
    (
        'administrative staff whose job type is one of "a", "b" and whose grade is 3 and who are '
        "on probation",
        subject(
            "administrative staff",
            whose("job type", cmp(CompareOp.ONE_OF, txt("a"), txt("b"))),
            whose("grade", cmp(CompareOp.IS, num("3"))),
            flag("on probation"),
        ),
    ),
    ("`must know` staff", subject("must know staff")),
    ("`must` `know`   staff", subject("must know staff")),
    ("`who are` staff who are `who are`", subject("who are staff", flag("who are"))),
    ("office window staff", subject("office window staff")),
    ("counter hours staff", subject("counter hours staff")),
    ("working window staff", subject("working window staff")),
    ("ward-3 nurses_b", subject("ward-3 nurses_b")),
]


@pytest.mark.parametrize(("written", "expected"), SUBJECTS, ids=[s[0] for s in SUBJECTS])
def test_subject(written: str, expected: ast.Subject) -> None:
    """Subjects: everyone, groups (names may hold keywords of other places), refinements."""
    assert statement(f"{written} must be on-site") == stmt(expected, Modal.MUST, ON_SITE)


# ---- conditions ----------------------------------------------------------------------------

A = whose("a", cmp(CompareOp.IS, num("1")))
B = whose("b", cmp(CompareOp.IS, num("2")))
C = whose("c", cmp(CompareOp.IS, num("3")))
APPROVED = flag("approved", owner=S)

CONDITIONS = [
    ("their a is 1", A),
    ("they are on probation", flag("on probation")),
    ("they are not on probation", flag("on probation", negated=True)),
    ("they are in special circumstances", flag("in special circumstances")),
    ("the shift is approved", APPROVED),
    ("the shift is not approved", flag("approved", negated=True, owner=S)),
    ('the shift\'s kind is "night"', shifts("kind", cmp(CompareOp.IS, txt("night")))),
    ('the shift’s kind is "night"', shifts("kind", cmp(CompareOp.IS, txt("night")))),
    ("their a is 1 and their b is 2", and_(A, B)),
    ("their a is 1 or their b is 2", or_(A, B)),
    ("their a is 1 and their b is 2 and their c is 3", and_(A, B, C)),
    ("their a is 1 or their b is 2 or their c is 3", or_(A, B, C)),
    # `and` binds tighter than `or`
    ("their a is 1 or their b is 2 and their c is 3", or_(A, and_(B, C))),
    ("their a is 1 and their b is 2 or their c is 3", or_(and_(A, B), C)),
    # parentheses
    ("(their a is 1 or their b is 2) and their c is 3", and_(or_(A, B), C)),
    ("their a is 1 and (their b is 2 or their c is 3)", and_(A, or_(B, C))),
    ("((their a is 1))", A),
    # `not` takes the condition or parenthesis right after it
    ("not their a is 1", not_(A)),
    ("not their a is 1 and their b is 2", and_(not_(A), B)),
    ("not their a is 1 or their b is 2", or_(not_(A), B)),
    ("not (their a is 1 or their b is 2)", not_(or_(A, B))),
    ("not not their a is 1", A),  # an even run of `not`s cancels (Kleene: not not C = C)
    ("not not not their a is 1", not_(A)),
    ("their a is 1 and not the shift is approved", and_(A, not_(APPROVED))),
    ("not (their a is 1 and not (their b is 2 or their c is 3))", not_(and_(A, not_(or_(B, C))))),
    # comparisons holding `and` and commas inside a condition
    (
        'their a is between 1 and 2 and their b is one of "x", "y" or they are on probation',
        or_(
            and_(
                whose("a", cmp(CompareOp.BETWEEN, num("1"), num("2"))),
                whose("b", cmp(CompareOp.ONE_OF, txt("x"), txt("y"))),
            ),
            flag("on probation"),
        ),
    ),
    (
        "their position start is less than 12 months ago and the shift is approved",
        and_(
            whose("position start", cmp(CompareOp.LESS_THAN, num("12"), ago=ast.DateUnit.MONTH)),
            APPROVED,
        ),
    ),
]


@pytest.mark.parametrize(("written", "expected"), CONDITIONS, ids=[c[0] for c in CONDITIONS])
def test_condition(written: str, expected: ast.Condition) -> None:
    """Conditions after `if` and `unless`, with `and` over `or`, `not` and parentheses."""
    assert statement(f"employees may work if {written}") == stmt(
        EMPLOYEES, Modal.MAY, WORK, condition=clause(expected)
    )
    assert statement(f"employees must be on-site unless {written}") == stmt(
        EMPLOYEES, Modal.MUST, ON_SITE, condition=clause(expected, unless=True)
    )


# ---- time ----------------------------------------------------------------------------------

TIMES = [
    ("during service hours", (during("service hours"),)),
    ("outside Ramadan", (during("Ramadan", outside=True),)),
    ("during counter hours", (during("counter hours"),)),
    ("during office window", (during("office window"),)),
    ("on Monday", (on(day(MON)),)),
    ("on Mondays", (on(day(MON)),)),
    ("on monday", (on(day(MON)),)),
    ("on Monday to Thursday", (on(day(MON, THU)),)),
    ("on Friday to Monday", (on(day(FRI, MON)),)),
    ("on Monday, Wednesday and Friday", (on(day(MON), day(WED), day(FRI)),)),
    ("on Monday and Tuesday, Saturday to Sunday", (on(day(MON), day(TUE), day(SAT, SUN)),)),
    ("on weekdays", (on(dayset(DayKind.WEEKDAYS)),)),
    ("on weekends", (on(dayset(DayKind.WEEKENDS)),)),
    ("on weekends and holidays", (on(dayset(DayKind.WEEKENDS), dayset(DayKind.HOLIDAYS)),)),
    ("on working days", (on(dayset(DayKind.WORKING_DAYS)),)),
    ("on holidays", (on(dayset(DayKind.HOLIDAYS)),)),
    ("on public holidays", (on(dayset(DayKind.PUBLIC_HOLIDAYS)),)),
    ("on joint holidays", (on(dayset(DayKind.JOINT_HOLIDAYS)),)),
    ("on every day", (on(dayset(DayKind.EVERY_DAY)),)),
    ("on Saturday and public holidays", (on(day(SAT), dayset(DayKind.PUBLIC_HOLIDAYS)),)),
    ("between 08:00 and 12:00", (between("08:00", "12:00"),)),
    ("between 22:00 and 06:00", (between("22:00", "06:00"),)),
    ("between 00:00 and 24:00", (between("00:00", "24:00"),)),
    ("from 2025-09-01", (window("2025-09-01", None),)),
    ("until 2025-12-31", (window(None, "2025-12-31"),)),
    ("from 2025-09-01 to 2025-12-31", (window("2025-09-01", "2025-12-31"),)),
    # several times intersect, in the order written
    (
        "during service hours on weekdays between 08:00 and 10:00",
        (during("service hours"), on(dayset(DayKind.WEEKDAYS)), between("08:00", "10:00")),
    ),
    (
        # `from D1` right before `until D2` is one window, as `from D1 to D2` (LANGUAGE-ID.md §1.6)
        "from 2025-01-01 until 2025-02-01 outside closure",
        (window("2025-01-01", "2025-02-01"), during("closure", outside=True)),
    ),
]


@pytest.mark.parametrize(("written", "expected"), TIMES, ids=[t[0] for t in TIMES])
def test_time(written: str, expected: tuple[ast.Time, ...]) -> None:
    """Every TIME after an activity, combined in order."""
    assert statement(f"employees may work from home {written}") == stmt(
        EMPLOYEES, Modal.MAY, act(Activity.HOME, "work from home"), *expected
    )


def test_time_and_condition_together() -> None:
    """Times come before the condition; both are kept."""
    assert statement("employees may work on weekends if the shift is approved") == stmt(
        EMPLOYEES, Modal.MAY, WORK, on(dayset(DayKind.WEEKENDS)), condition=clause(APPROVED)
    )


# ---- limits, staffing and shares -----------------------------------------------------------

DAYS_U, WORKING_U, HOURS_U = ast.CountUnit
PDAY, PWORKING, PWEEK, PMONTH = ast.PeriodUnit

FORMS = [
    (
        "employees must not work remotely more than 2 working days per week",
        stmt(
            EMPLOYEES,
            Modal.MUST_NOT,
            REMOTELY,
            quantity=quantity(False, "2", WORKING_U),
            period=period(PWEEK),
        ),
    ),
    (
        "employees must not work remotely more than 2 working days per week "
        "unless they are in special circumstances",
        stmt(
            EMPLOYEES,
            Modal.MUST_NOT,
            REMOTELY,
            quantity=quantity(False, "2", WORKING_U),
            period=period(PWEEK),
            condition=clause(flag("in special circumstances"), unless=True),
        ),
    ),
    (
        "employees must work at least 7.5 hours per working day outside Ramadan",
        stmt(
            EMPLOYEES,
            Modal.MUST,
            WORK,
            during("Ramadan", outside=True),
            quantity=quantity(True, "7.5", HOURS_U),
            period=period(PWORKING),
        ),
    ),
    (
        "employees must work at least 6.5 hours per working day during Ramadan",
        stmt(
            EMPLOYEES,
            Modal.MUST,
            WORK,
            during("Ramadan"),
            quantity=quantity(True, "6.5", HOURS_U),
            period=period(PWORKING),
        ),
    ),
    (
        "employees must not work more than 40 hours per week",
        stmt(
            EMPLOYEES,
            Modal.MUST_NOT,
            WORK,
            quantity=quantity(False, "40", HOURS_U),
            period=period(PWEEK),
        ),
    ),
    (
        "employees must not work more than 12 hours per day",
        stmt(
            EMPLOYEES,
            Modal.MUST_NOT,
            WORK,
            quantity=quantity(False, "12", HOURS_U),
            period=period(PDAY),
        ),
    ),
    (
        "employees must be on-site at least 3 days per week",
        stmt(
            EMPLOYEES,
            Modal.MUST,
            ON_SITE,
            quantity=quantity(True, "3", DAYS_U),
            period=period(PWEEK),
        ),
    ),
    (
        "employees must be on-site at least 1 day per month from 2025-09-01",
        stmt(
            EMPLOYEES,
            Modal.MUST,
            ON_SITE,
            window("2025-09-01", None),
            quantity=quantity(True, "1", DAYS_U),
            period=period(PMONTH),
        ),
    ),
    (
        "employees must not work from home more than 1 working day per week",
        stmt(
            EMPLOYEES,
            Modal.MUST_NOT,
            act(Activity.HOME, "work from home"),
            quantity=quantity(False, "1", WORKING_U),
            period=period(PWEEK),
        ),
    ),
    (
        "employees must work at least 1 hour per month",
        stmt(
            EMPLOYEES,
            Modal.MUST,
            WORK,
            quantity=quantity(True, "1", HOURS_U),
            period=period(PMONTH),
        ),
    ),
    (
        "at least 2 service desk staff must be on-site during service hours",
        stmt(
            subject("service desk staff"),
            Modal.MUST,
            ON_SITE,
            during("service hours"),
            staffing=ast.Staffing(num("2"), None, span=_NOWHERE),
        ),
    ),
    (
        "at least 3 ward nurses in each ward must be on-site",
        stmt(
            subject("ward nurses"),
            Modal.MUST,
            ON_SITE,
            staffing=ast.Staffing(num("3"), name("ward"), span=_NOWHERE),
        ),
    ),
    (
        "at least 4 nurses who are not on probation in each ward unit must be on-site "
        "between 07:00 and 21:00 if they are on call",
        stmt(
            subject("nurses", flag("on probation", negated=True)),
            Modal.MUST,
            ON_SITE,
            between("07:00", "21:00"),
            condition=clause(flag("on call")),
            staffing=ast.Staffing(num("4"), name("ward unit"), span=_NOWHERE),
        ),
    ),
    (
        "at most 30% of employees in each unit may work remotely per day",
        stmt(
            EMPLOYEES,
            Modal.MAY,
            REMOTELY,
            period=period(PDAY),
            share=ast.Share(num("30"), name("unit"), span=_NOWHERE),
        ),
    ),
    (
        "at most 12.5 % of finance staff may work from home per day",
        stmt(
            subject("finance staff"),
            Modal.MAY,
            act(Activity.HOME, "work from home"),
            period=period(PDAY),
            share=ast.Share(num("12.5"), None, span=_NOWHERE),
        ),
    ),
]


@pytest.mark.parametrize(("written", "expected"), FORMS, ids=[f[0] for f in FORMS])
def test_statement_forms(written: str, expected: ast.Statement) -> None:
    """Limits, staffing (with and without `in each`) and shares lower to one Statement node."""
    assert statement(written) == expected


def test_grammar_takes_forms_the_checks_reject() -> None:
    """Combinations the language forbids still parse and lower; the checks judge them."""
    assert statement("employees may work more than 2 days") == stmt(
        EMPLOYEES, Modal.MAY, WORK, quantity=quantity(False, "2", DAYS_U)
    )
    assert statement("employees may work per week") == stmt(
        EMPLOYEES, Modal.MAY, WORK, period=period(PWEEK)
    )


# ---- names ---------------------------------------------------------------------------------

NAMES = [
    ("on probation", ("on", "probation")),
    ("office window", ("office", "window")),
    ("counter hours", ("counter", "hours")),
    ("in special circumstances", ("in", "special", "circumstances")),
    ("working window", ("working", "window")),
    ("`must know` staff", ("must", "know", "staff")),
    ("`must know`", ("must", "know")),
    ("`employees` list", ("employees", "list")),
    ("Job   Type", ("Job", "Type")),
    ("job\n  type", ("job", "type")),
]


@pytest.mark.parametrize(("written", "words"), NAMES, ids=[n[0] for n in NAMES])
def test_attribute_names(written: str, words: tuple[str, ...]) -> None:
    """Attribute names keep their words as written; backquotes only protect words."""
    declaration = one(f"employees have: {written}: yes or no.")
    assert isinstance(declaration, ast.AttributesDecl)
    assert declaration.attributes[0].name.words == words


def test_names_match_ignoring_case_and_spacing() -> None:
    """A name's key ignores case and repeated white space; its words stay as written."""
    first = one("group Service   Desk: everyone.")
    second = one("group service desk: everyone.")
    assert isinstance(first, ast.GroupDecl) and isinstance(second, ast.GroupDecl)
    assert first.name.key == second.name.key == "service desk"
    assert first.name.text == "Service Desk"


def test_keyword_names_in_every_place() -> None:
    """Names holding keywords of other places: hours, groups, flags and dates."""
    policy = parse(
        "hours counter hours: weekdays 08:00 to 12:00.\n"
        "hours office window: weekdays 07:00 to 18:00.\n"
        "dates working window: 2025-01-01.\n"
        "group on probation staff: employees who are on probation.\n"
        "rule R1: on probation staff must be on-site during counter hours.\n"
        "rule R2: employees must work within office window.\n"
        "rule R3: employees may work outside working window if they are in special "
        "circumstances.\n"
    )
    rules = [d for d in policy.declarations if isinstance(d, ast.RuleDecl)]
    assert rules[0].statement == stmt(
        subject("on probation staff"), Modal.MUST, ON_SITE, during("counter hours")
    )
    assert rules[1].statement.activity == act(Activity.WITHIN, "work within", "office window")
    assert rules[2].statement == stmt(
        EMPLOYEES,
        Modal.MAY,
        WORK,
        during("working window", outside=True),
        condition=clause(flag("in special circumstances")),
    )


# ---- case and layout -----------------------------------------------------------------------

CASES = [
    (
        "rule R1: employees must be on-site on weekends.",
        "RULE R1: EMPLOYEES MUST BE ON-SITE ON WEEKENDS.",
    ),
    (
        "rule R1: employees must be on-site on weekends.",
        "Rule R1:\n  Employees Must\n  Be   On-Site\n  On Weekends\n.",
    ),
    ('policy "P" timezone WIB default allow.', 'POLICY "P" TIMEZONE WIB DEFAULT ALLOW.'),
    ("holidays: Indonesia with joint holidays.", "HOLIDAYS: indonesia WITH JOINT HOLIDAYS."),
    ("employees have: a: yes or no.", "EMPLOYEES HAVE: a: YES OR NO."),
    (
        "rule R1: employees may work if the shift's kind is 1 and not their b is 2.",
        "rule R1: employees may work IF THE SHIFT'S kind IS 1 AND NOT THEIR b IS 2.",
    ),
    (
        "hours h: Monday to Friday 08:00 to 12:00, except holidays.",
        "HOURS h: MONDAY TO FRIDAY 08:00 TO 12:00, EXCEPT\n HOLIDAYS.",
    ),
    (
        "rule R1: at most 30% of employees in each unit may work remotely per day.",
        "rule R1: AT MOST 30 % OF employees IN EACH unit MAY WORK REMOTELY PER DAY.",
    ),
]


@pytest.mark.parametrize(("plain", "variant"), CASES)
def test_keywords_ignore_case_and_layout(plain: str, variant: str) -> None:
    """Keywords, day names and `Indonesia` are case-insensitive; line breaks are white space."""
    assert one(plain) == one(variant)


def test_sentences_may_wrap_and_share_lines() -> None:
    """A sentence may wrap over lines; several may share one line."""
    policy = parse(
        'policy "P". working days: Monday\n  to\n  Friday. rule R1:\n  employees\n  may work.'
    )
    assert [type(d).__name__ for d in policy.declarations] == [
        "Header",
        "WorkingDaysDecl",
        "RuleDecl",
    ]


# ---- comments ------------------------------------------------------------------------------


def test_comments_are_kept_with_their_positions() -> None:
    """Comments are kept in order with their spans; `#` in text or names starts none."""
    text = (
        "# first comment\n"
        'policy "P # not a comment" # after a header\n'
        '  version "1".  # trailing. (with a period\n'
        "rule R1: employees # inside a sentence\n"
        "  may work.\n"
        "#last"
    )
    policy = parse(text)
    comments = [(c.text, c.span.line, c.span.column) for c in policy.comments]
    assert comments == [
        ("# first comment", 1, 1),
        ("# after a header", 2, 28),
        ("# trailing. (with a period", 3, 17),
        ("# inside a sentence", 4, 20),
        ("#last", 6, 1),
    ]
    for comment in policy.comments:
        assert text[comment.span.start : comment.span.end] == comment.text
    assert policy.declarations[0] == header("P # not a comment", version("1"))
    assert policy.declarations[1] == rule("R1", PLAIN)


def test_spans_point_at_the_source() -> None:
    """Spans are absolute offsets into the file, for every sentence, not only the first."""
    text = 'policy "P".\n\nrule R7 "T":\n  staff must be on-site.\n'
    policy = parse(text)
    rule_decl = policy.declarations[1]
    assert isinstance(rule_decl, ast.RuleDecl)
    assert rule_decl.id.span.text == "R7"
    assert (rule_decl.id.span.line, rule_decl.id.span.column) == (3, 6)
    assert rule_decl.statement.subject.span.text == "staff"
    assert rule_decl.statement.activity.span.text == "be on-site"
    assert rule_decl.span.text.startswith("rule R7") and rule_decl.span.text.endswith(".")


# ---- the examples of LANGUAGE.md -----------------------------------------------------------

EXAMPLE_RULE_IDS = [
    "R1",
    "R2",
    "R3",
    "R3b",
    "R4",
    "R5",
    "R6",
    "R7",
    "R8",
    "R9",
    "R9b",
    "R10",
    "R11",
]


def _check_example(text: str) -> None:
    policy = parse(text)
    kinds = [type(d).__name__ for d in policy.declarations]
    assert (
        kinds
        == [
            "Header",
            "AttributesDecl",
            "AttributesDecl",
            "WorkingDaysDecl",
            "HolidaysDecl",
            "HoursDecl",
            "HoursDecl",
            "DatesDecl",
            "GroupDecl",
            "GroupDecl",
        ]
        + ["RuleDecl"] * 13
    )
    rules = [d for d in policy.declarations if isinstance(d, ast.RuleDecl)]
    assert [r.id.text for r in rules] == EXAMPLE_RULE_IDS
    assert policy.comments[0].text.startswith("# Flexible work")
    employees = policy.declarations[1]
    assert isinstance(employees, ast.AttributesDecl)
    assert employees.attributes[1] == attr(
        "job type", one_of("administration", "finance", "personnel", "technical", "public service")
    )
    assert [a.name.text for a in employees.attributes][-3:] == [
        "on probation",
        "under sanction",
        "in special circumstances",
    ]
    by_id = {r.id.text: r for r in rules}
    assert by_id["R8"].citation == txt("PermenPANRB 4/2025 Pasal 13")
    assert by_id["R8"].statement == stmt(
        EMPLOYEES,
        Modal.MUST_NOT,
        REMOTELY,
        quantity=quantity(False, "2", WORKING_U),
        period=period(PWEEK),
        condition=clause(flag("in special circumstances"), unless=True),
    )
    assert by_id["R10"].statement.staffing == ast.Staffing(num("2"), None, span=_NOWHERE)
    assert by_id["R11"].statement.share == ast.Share(num("30"), name("unit"), span=_NOWHERE)


def test_language_example_fixture_parses() -> None:
    """The copy of the section 1 example kept with the tests parses, and compiles."""
    text = FIXTURE.read_text(encoding="utf-8")
    _check_example(text)
    policy = flexrules.compile_policy(text, filename="language_example.rules")
    assert [r.id for r in policy.rules] == EXAMPLE_RULE_IDS
    assert policy.name == "Disdukcapil flexible work"
    assert policy.version == "2025.1"
    assert policy.timezone == "Asia/Jakarta"
    assert policy.default == "deny"


#: Every other example written in LANGUAGE.md sections 2-6, as a whole sentence.
INLINE_EXAMPLES = [
    'policy "Disdukcapil flexible work" version "2025.1" timezone Asia/Jakarta default deny.',
    'policy "P" default allow.',
    'policy "P" timezone WIB.',
    'policy "P" timezone WITA.',
    'policy "P" timezone WIT.',
    'employees have: role: text, job type: one of "a", "b", performance: ranked "a" < "b", '
    "grade: number, position start: date, on probation: yes or no.",
    "shifts have: approved: yes or no.",
    "working days: Monday to Friday.",
    "holidays: Indonesia.",
    "holidays: Indonesia with joint holidays.",
    "holidays: Indonesia, 2025-06-09, 2025-12-26.",
    "hours service hours: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 11:30, "
    "except holidays.",
    "dates Ramadan: 2025-03-01 to 2025-03-30.",
    "dates closure: 2025-03-01 to 2025-03-30, 2025-06-23.",
    "group eligible: administrative staff or technical staff.",
    "group `must know` staff: employees.",
    'rule R12 "Closure" overrides R1: employees may work from home during closure.',
    "rule R1: employees may work on Monday.",
    "rule R1: employees may work on Mondays.",
    "rule R1: employees may work on Monday to Thursday.",
    "rule R1: employees may work on Monday, Wednesday and Friday.",
    "rule R1: employees may work on weekends and holidays.",
    "rule R1: employees may work on weekdays.",
    "rule R1: employees may work on working days.",
    "rule R1: employees may work on public holidays.",
    "rule R1: employees may work on joint holidays.",
    "rule R1: employees may work on every day.",
    "rule R1: employees may work between 22:00 and 06:00.",
    "rule R1: employees must be on-site during service hours.",
    "rule R1: employees must be on-site outside Ramadan.",
    "rule R1: employees may work from 2025-09-01.",
    "rule R1: employees may work until 2025-09-30.",
    "rule R1: employees may work from 2025-09-01 to 2025-09-30.",
    'rule R1: employees whose role is "service desk" must be on-site.',
    'rule R1: employees whose role is not "service desk" may work remotely.',
    'rule R1: employees whose job type is one of "a", "b" may work remotely.',
    'rule R1: employees whose job type is not one of "a", "b" must be on-site.',
    'rule R1: employees whose performance is at least "good" may work from home.',
    'rule R1: employees whose performance is at most "poor" must be on-site.',
    "rule R1: employees whose grade is more than 9 may work anywhere.",
    "rule R1: employees whose grade is less than 9 must be on-site.",
    "rule R1: employees whose grade is between 9 and 12 may work from anywhere.",
    "rule R1: employees whose position start is before 2025-01-01 may work remotely.",
    "rule R1: employees whose position start is after 2025-01-01 must be on-site.",
    "rule R1: employees whose position start is less than 12 months ago must be on-site.",
    "rule R1: employees whose position start is at least 1 year ago may work remotely.",
    "rule R1: employees whose position start is less than 30 days ago must be on-site.",
    "rule R1: employees whose position start is less than 2 weeks ago must be on-site.",
    "rule R1: employees who are on probation must be on-site.",
    "rule R1: employees who are not on probation may work remotely.",
    'rule R1: employees may work remotely if their performance is at least "good".',
    "rule R1: employees may work remotely if they are not on probation.",
    "rule R1: employees may work remotely if the shift is approved.",
    "rule R1: employees may work remotely unless the shift is not approved.",
    'rule R1: employees may work remotely if the shift\'s kind is "home visit".',
    'rule R1: employees may work remotely if the shift’s kind is "home visit".',
    "rule R1: employees must work on-site.",
    "rule R1: employees must work at the office.",
    "rule R1: employees may work from home.",
    "rule R1: employees may work anywhere.",
    "rule R1: employees may work from anywhere.",
    "rule R1: employees may work remotely.",
    "rule R1: employees must not work.",
    "rule R1: employees must work within working window on weekdays if they are on probation.",
    "rule R1: employees must not work remotely more than 2 working days per week.",
    "rule R1: employees must be on-site at least 3 days per week.",
    "rule R1: employees must work at least 37.5 hours per week.",
    "rule R1: employees must not work more than 40 hours per week.",
    "rule R1: employees must not work remotely more than 8 days per month.",
    "rule R1: employees must work at least 7.5 hours per working day outside Ramadan.",
    "rule R1: employees must work at least 6.5 hours per working day during Ramadan.",
    "rule R1: employees must not work remotely more than 1 working day per week from 2025-09-01.",
    "rule R1: employees must work at least 1 hour per day.",
    "rule R1: at least 2 service desk staff must be on-site during service hours.",
    "rule R1: at least 2 service desk staff in each unit must be on-site.",
    "rule R1: at most 30% of employees in each unit may work remotely per day.",
    "rule R1: at most 20% of finance staff may work from home per day.",
]


@pytest.mark.parametrize("sentence", INLINE_EXAMPLES)
def test_inline_examples_parse(sentence: str) -> None:
    """Every inline example of the language page parses as one declaration."""
    one(sentence)


# ---- lowering never raises -----------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grammar_sentences())
def test_every_derivation_of_the_grammar_parses_and_lowers(sentence: str) -> None:
    """Any sentence the grammar derives parses, and lowering it never raises."""
    file, diagnostics = parse_file(SourceFile("walk.rules", sentence))
    assert not diagnostics, "\n".join(d.render() for d in diagnostics)
    assert len(file.declarations) == 1
