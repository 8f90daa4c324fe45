"""The semantic checks: each problem reported, with its code, message, hint and underlined text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import attrs
import pytest

import flexrules
from flexrules.cli import bundled_policies
from flexrules.core.diagnostics import Diagnostic, Severity
from flexrules.language import ast
from flexrules.language.checks import all_checks, check, run_checks
from flexrules.language.parse import parse
from flexrules.language.sources import sources_from_mapping
from flexrules.language.symbols import gather

ROOT = Path(__file__).resolve().parents[2]

#: A policy that uses every declaration it makes; tests add the sentences under test to it.
BASE = """\
policy "Test" timezone Asia/Jakarta.

employees have:
  role: text,
  job type: one of "administration", "finance", "technical",
  performance: ranked "poor" < "good" < "very good",
  grade: number,
  unit: text,
  position start: date,
  on probation: yes or no.

shifts have:
  approved: yes or no,
  purpose: one of "desk work", "field visit".

hours service hours: Monday to Friday 08:00 to 15:00, except holidays. holidays: 2031-01-02.
dates Ramadan: 2025-03-01 to 2025-03-30.

group service desk staff: employees whose role is "service desk".

rule base: service desk staff must be on-site during service hours
  if their job type is "finance" and their performance is at least "good"
  and their grade is at least 9 and their unit is "x"
  and their position start is before 2025-01-01 and they are not on probation
  and the shift is approved and the shift's purpose is "desk work".
rule base-time: employees must work at least 6 hours per day during Ramadan.
"""

#: LANGUAGE.md section 1, the complete example.
EXAMPLE = (ROOT / "tests" / "golden" / "diagnostics" / "clean-example.rules").read_text()


def diagnose(text: str | Mapping[str, str], base: str = BASE) -> list[Diagnostic]:
    """Every diagnostic for the base policy with `text` added (or for a folder of files)."""
    files = dict(text) if not isinstance(text, str) else {"test.rules": base + text}
    sources, problems = sources_from_mapping(files)
    front = check(parse(sources, problems))
    return sorted(front.diagnostics, key=Diagnostic.sort_key)


def only(text: str | Mapping[str, str], code: str, base: str = BASE) -> Diagnostic:
    """The one diagnostic with this code."""
    found = [d for d in diagnose(text, base) if d.code == code]
    assert len(found) == 1, [d.render() for d in diagnose(text, base)]
    return found[0]


def codes(text: str | Mapping[str, str], base: str = BASE) -> list[str]:
    return [d.code for d in diagnose(text, base)]


def shown(d: Diagnostic) -> tuple[str, str, str | None, str]:
    """What an author sees: code, message, hint and the underlined text."""
    assert d.span is not None
    return d.code, d.message, d.hint, d.span.text


# ---- the base and the examples -----------------------------------------------------------


def test_base_is_clean() -> None:
    """The test base policy has no diagnostics, so each test sees only its own."""
    assert diagnose("") == []


def test_language_example_is_clean() -> None:
    """The example of LANGUAGE.md section 1 loads with no errors and no warnings."""
    policy = flexrules.compile_policy(EXAMPLE, filename="example.rules")
    assert policy.diagnostics == ()


BUNDLED = dict(bundled_policies(ROOT / "examples"))


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_bundled_examples_are_clean(name: str) -> None:
    """Every bundled example policy (as `flexrules demo` finds them: examples/id/ holds several)
    loads with no errors and no warnings."""
    assert flexrules.compile_policy(BUNDLED[name]).diagnostics == ()
    assert flexrules.load_policy(ROOT / "examples" / name).diagnostics == ()


def test_every_check_is_registered() -> None:
    """`all_checks()` lists every check function of the checks package, once."""
    checks = all_checks()
    assert len(set(checks)) == len(checks)
    names = {f"{c.__module__.rsplit('.', 1)[1]}.{c.__name__}" for c in checks}
    assert {
        "names.check_unknown_names",
        "types.check_types",
        "usage.check_unused",
        "header.check_header",
        "overrides.check_overrides",
    } <= names


# ---- every problem, not the first -------------------------------------------------------


def test_ten_mistakes_are_ten_reports() -> None:
    """A policy with ten different mistakes reports all ten, each with its own code."""
    text = """
rule M1: servce desk staff must be on-site.
rule M2: employees whose grade is "nine" may work from home.
rule M3: employees whose performance is "gud" may work from home.
rule M4: employees who are role may work from home.
rule M5: employees may work during servce hours.
rule M6 overrides M7: employees may work remotely.
rule M7 overrides M6: employees must be on-site.
rule M8: employees must not work between 25:00 and 08:00.
rule M9: employees may work from 2025-02-30.
rule m1: at most 120% of employees may work remotely per day.
"""
    found = diagnose(text)
    assert [d.code for d in found] == [
        "unknown-group",
        "type-mismatch",
        "value-not-allowed",
        "not-a-flag",
        "unknown-hours",
        "override-cycle",
        "bad-time",
        "bad-date",
        "duplicate-rule",
        "bad-percent",
    ]
    assert all(d.is_error for d in found)


def test_repeated_mistakes_are_each_reported() -> None:
    """The same mistake made in three rules gives three reports, one under each."""
    text = """
rule X1: servce desk staff must be on-site.
rule X2: servce desk staff must be on-site.
rule X3: employees whose role is 1 and whose unit is 2 may work.
"""
    found = diagnose(text)
    assert [(d.code, d.span.text if d.span else "") for d in found] == [
        ("unknown-group", "servce desk staff"),
        ("unknown-group", "servce desk staff"),
        ("type-mismatch", "1"),
        ("type-mismatch", "2"),
    ]


def test_checks_run_on_gathered_symbols() -> None:
    """`run_checks` takes the gathered declarations and returns plain diagnostics."""
    sources, _ = sources_from_mapping({"a.rules": BASE + "rule X: nobody must be on-site.\n"})
    front = check(parse(sources))
    assert [d.code for d in run_checks(front.symbols)] == ["unknown-group"]


# ---- unknown names ---------------------------------------------------------------------


def test_unknown_group_did_you_mean() -> None:
    """An unknown group gets the closest group as a did-you-mean, in hint and suggestion."""
    d = only("rule X: service dsk staff must be on-site.\n", "unknown-group")
    assert shown(d) == (
        "unknown-group",
        "no group called `service dsk staff`",
        "did you mean `service desk staff`?",
        "service dsk staff",
    )
    assert d.suggestion == "service desk staff"


def test_unknown_group_suggests_built_in_subject() -> None:
    """`employee` suggests the built-in `employees`."""
    d = only("rule X: employee must be on-site.\n", "unknown-group")
    assert (d.hint, d.suggestion) == ("did you mean `employees`?", "employees")


def test_unknown_group_split_at_misspelled_keyword() -> None:
    """A misspelled keyword absorbed into a group name is split off the known group."""
    d = only("rule X: service desk staff mst must be on-site.\n", "unknown-group")
    assert shown(d) == (
        "unknown-group",
        "no group called `service desk staff mst`",
        "`service desk staff` is a group; the words after it, `mst`, were read as part of the "
        "name: did you mean `service desk staff must`?",
        "service desk staff mst",
    )
    assert d.suggestion == "service desk staff must"


def test_unknown_group_split_at_keyword_word() -> None:
    """A keyword's first word in a group name (`who is` for `who are`) suggests the keyword."""
    d = only("rule X: service desk staff who is on probation must be on-site.\n", "unknown-group")
    assert d.suggestion == "service desk staff who are on probation"
    assert d.hint is not None and d.hint.startswith("`service desk staff` is a group; the words")


def test_unknown_group_that_is_a_flag() -> None:
    """A yes or no attribute written as a subject says how to test it."""
    d = only("rule X: on probation must be on-site.\n", "unknown-group")
    assert d.hint == (
        "`on probation` is a yes or no attribute: write `employees who are on probation`"
    )
    assert d.suggestion == "employees who are on probation"


def test_unknown_group_inside_group() -> None:
    """Group definitions are checked like rules."""
    d = only("group g: admin staff or employees.\nrule X: g may work.\n", "unknown-group")
    assert shown(d)[1:] == (
        "no group called `admin staff`",
        "declare it: `group admin staff: employees whose ... .`",
        "admin staff",
    )


def test_unknown_hours_did_you_mean() -> None:
    """An unknown `during` name suggests the closest hours or dates."""
    d = only("rule X: employees may work during servce hours.\n", "unknown-hours")
    assert shown(d) == (
        "unknown-hours",
        "no hours or dates called `servce hours`",
        "did you mean `service hours`?",
        "servce hours",
    )


def test_unknown_hours_split_at_keyword() -> None:
    """A near-keyword after a known hours name is split off with a suggestion."""
    d = only("rule X: employees may work during service hours onn weekends.\n", "unknown-hours")
    assert d.hint == (
        "`service hours` names hours; the words after it, `onn weekends`, were "
        "read as part of the name: did you mean `service hours on weekends`?"
    )


def test_work_within_needs_hours() -> None:
    """`work within` takes hours: unknown hours, and dates, are errors."""
    d = only("rule X: employees must work within Ramadn.\n", "unknown-hours")
    assert (d.message, d.hint) == (
        "no hours called `Ramadn`",
        "declare it: `hours Ramadn: Monday to Friday 07:00 to 17:00.`",
    )
    d = only("rule X: employees must work within Ramadan.\n", "not-hours")
    assert shown(d)[1:] == (
        "`Ramadan` is a set of dates; `work within` needs hours",
        "write `during Ramadan` after `work within HOURS`, or declare hours: "
        "`hours Ramadan window: Monday to Friday 07:00 to 17:00.`",
        "Ramadan",
    )


@pytest.mark.parametrize(
    ("time", "underlined", "message"),
    [
        (
            "during service hours",
            "during service hours",
            "`service hours` are hours; a limit counts whole days",
        ),
        (
            "on Mondays",
            "on Mondays",
            "a limit cannot take `on DAYS`; it counts whole days of its period",
        ),
        (
            "between 08:00 and 12:00",
            "between 08:00 and 12:00",
            "a limit cannot take `between` times; it counts whole days",
        ),
    ],
)
def test_limit_time_must_pick_dates(time: str, underlined: str, message: str) -> None:
    """A limit's TIME may only be dates: not hours, not `on DAYS`, not `between`."""
    d = only(
        f"rule X: employees must not work remotely more than 2 days per week {time}.\n",
        "bad-statement",
    )
    assert (d.message, d.span.text if d.span else None) == (message, underlined)


def test_limit_time_with_dates_is_fine() -> None:
    """`during DATES`, `outside DATES` and `from`/`until` are a limit's allowed TIME."""
    text = (
        "rule X: employees must work at least 6 hours per day outside Ramadan "
        "from 2025-01-01 until 2025-12-31.\n"
    )
    assert diagnose(text) == []


@pytest.mark.parametrize(
    ("sentence", "message", "hint", "underlined"),
    [
        (
            'rule X: employees whose rol is "x" may work.',
            "no employee attribute called `rol`",
            "did you mean `role`?",
            "rol",
        ),
        (
            "rule X: employees may work if their grades is 9.",
            "no employee attribute called `grades`",
            "did you mean `grade`?",
            "grades",
        ),
        (
            'rule X: employees may work if the shift\'s purpse is "desk work".',
            "no shift attribute called `purpse`",
            "did you mean `purpose`?",
            "purpse",
        ),
        (
            "rule X: employees who are on probaton must be on-site.",
            "no employee attribute called `on probaton`",
            "did you mean `on probation`?",
            "on probaton",
        ),
        (
            "rule X: at least 2 employees in each unt must be on-site.",
            "no employee attribute called `unt`",
            "did you mean `unit`?",
            "unt",
        ),
        (
            "rule X: employees may work if they are abroad.",
            "no employee attribute called `abroad`",
            "declare it: `employees have: abroad: yes or no.`",
            "abroad",
        ),
    ],
)
def test_unknown_attribute(sentence: str, message: str, hint: str, underlined: str) -> None:
    """Unknown attributes in `whose`, `their`, `the shift's`, flags and `in each`."""
    d = only(sentence + "\n", "unknown-attribute")
    assert shown(d) == ("unknown-attribute", message, hint, underlined)


def test_shift_attribute_used_as_employee_attribute() -> None:
    """A shift attribute after `who are`/`their` is named as one, with how to test it."""
    d = only("rule X: employees who are approved must be on-site.\n", "unknown-attribute")
    assert shown(d)[1:] == (
        "`approved` is a shift attribute, not an employee attribute",
        "a subject cannot test the shift; add a condition: `if the shift is approved`",
        "approved",
    )
    d = only('rule X: employees may work if their purpose is "desk work".\n', "unknown-attribute")
    assert (d.message, d.hint) == (
        "`purpose` is a shift attribute, not an employee attribute",
        "write `the shift's purpose is ...`",
    )


def test_employee_attribute_used_as_shift_attribute() -> None:
    """An employee attribute after `the shift's` says it is an employee attribute."""
    d = only('rule X: employees may work if the shift\'s role is "x".\n', "unknown-attribute")
    assert (d.message, d.hint) == (
        "`role` is an employee attribute, not a shift attribute",
        "write `their role is ...`",
    )


def test_unknown_rule_in_overrides() -> None:
    """An unknown id in `overrides` gets the closest rule id."""
    d = only("rule X overrides bse: employees may work.\n", "unknown-rule")
    assert shown(d) == ("unknown-rule", "no rule `bse` to override", "did you mean `base`?", "bse")
    assert d.suggestion == "base"


# ---- duplicates ------------------------------------------------------------------------


def test_duplicate_attribute() -> None:
    """A second attribute of the same owner and name is an error pointing at the first."""
    d = only("employees have: Role: number.\n", "duplicate-name")
    assert shown(d) == (
        "duplicate-name",
        "the employee attribute `Role` is declared twice",
        "the first is at line 4 as text; remove one or rename it",
        "Role",
    )


def test_same_name_for_employee_and_shift_attribute_is_fine() -> None:
    """An employee and a shift attribute may share a name."""
    text = 'shifts have: role: text.\nrule X: employees may work if the shift\'s role is "a".\n'
    assert "duplicate-name" not in codes(text)


def test_duplicate_group_and_hours_and_dates() -> None:
    """Groups, and hours and dates (one namespace), may not share a name."""
    found = [
        d
        for d in diagnose(
            "group Service Desk Staff: employees.\n"
            "hours service hours: Monday 08:00 to 12:00.\n"
            "hours Ramadan: Monday 08:00 to 12:00.\n"
        )
        if d.code == "duplicate-name"
    ]
    assert [shown(d)[1:] for d in found] == [
        (
            "the group `Service Desk Staff` is declared twice",
            "the first is at line 19; remove one or rename it",
            "Service Desk Staff",
        ),
        (
            "the hours `service hours` are declared twice",
            "the first are at line 16; remove one or rename it",
            "service hours",
        ),
        (
            "`Ramadan` already names dates",
            "the dates are at line 17; `during Ramadan` could mean either, so rename one",
            "Ramadan",
        ),
    ]


def test_duplicate_rule_id_ignores_case() -> None:
    """Rule ids are compared without case; the second is reported with the first's line."""
    d = only("rule BASE: employees may work.\n", "duplicate-rule")
    assert shown(d) == (
        "duplicate-rule",
        "the rule id `BASE` is used twice",
        "the first (as `base`) is at line 21; rule ids must differ, whatever their case",
        "BASE",
    )


def test_duplicate_across_files_names_the_file() -> None:
    """A duplicate in another file of the folder names that file in the hint."""
    d = only(
        {"a.rules": BASE, "b.rules": "group service desk staff: employees.\n"}, "duplicate-name"
    )
    assert d.file == "b.rules"
    assert d.hint == "the first is at a.rules:19; remove one or rename it"


# ---- cycles ----------------------------------------------------------------------------


def test_override_cycle_reported_once() -> None:
    """Two rules overriding each other are one cycle, reported once, at the first rule."""
    d = only(
        "rule A overrides B: employees may work.\nrule B overrides A: employees may work.\n",
        "override-cycle",
    )
    assert shown(d) == (
        "override-cycle",
        "these rules override each other in a cycle: `A` → `B` → `A`",
        "where they all apply, each would set the next aside; remove one of these `overrides`",
        "B",
    )


def test_override_cycle_through_three_rules() -> None:
    """A longer ring of overrides is one report naming the whole ring."""
    d = only(
        "rule A overrides B: employees may work.\nrule B overrides C: employees may work.\n"
        "rule C overrides a: employees may work.\n",
        "override-cycle",
    )
    assert d.message == "these rules override each other in a cycle: `A` → `B` → `C` → `A`"


def test_self_override() -> None:
    """A rule that overrides itself is a cycle of one."""
    d = only("rule A overrides base, A: employees may work.\n", "override-cycle")
    assert shown(d)[1:] == ("the rule `A` overrides itself", "remove `A` from its `overrides`", "A")


def test_overrides_without_cycle_are_fine() -> None:
    """A chain of overrides with no ring is no error."""
    text = (
        "rule A overrides B, C: employees may work.\nrule B overrides C: employees may work."
        "\nrule C: employees may work.\n"
    )
    assert diagnose(text) == []


def test_group_cycle() -> None:
    """Groups defined through each other are one error per cycle; a self-reference too."""
    found = [
        d
        for d in diagnose(
            "group a: b or employees.\ngroup b: c.\ngroup c: a.\ngroup d: d.\n"
            "rule X: a may work.\nrule Y: d may work.\n"
        )
        if d.code == "group-cycle"
    ]
    assert [shown(d)[1:] for d in found] == [
        (
            "these groups are defined in terms of each other: `a` → `b` → `c` → `a`",
            "a group needs a definition that ends in `employees` or `everyone`; define one of "
            "them without the others",
            "b",
        ),
        (
            "the group `d` is defined in terms of itself",
            "a group needs a definition that ends in `employees` or `everyone`; define one of "
            "them without the others",
            "d",
        ),
    ]


# ---- types -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "message", "hint"),
    [
        (
            "rule X: employees who are role may work.",
            "`who are` needs a yes or no attribute, and `role` is text",
            "compare it instead: `whose role is ...`",
        ),
        (
            "rule X: employees may work if they are job type.",
            "`they are` needs a yes or no attribute, and `job type` is one of a set of values",
            'compare it instead: `their job type is "administration"`',
        ),
        (
            "rule X: employees may work if the shift is purpose.",
            "`the shift is` needs a yes or no attribute, and `purpose` is one of a set of values",
            'compare it instead: `the shift\'s purpose is "desk work"`',
        ),
    ],
)
def test_not_a_flag(sentence: str, message: str, hint: str) -> None:
    """`who are`, `they are` and `the shift is` need a yes or no attribute."""
    d = only(sentence + "\n", "not-a-flag")
    assert (d.message, d.hint) == (message, hint)


@pytest.mark.parametrize(
    ("test", "message", "hint", "underlined"),
    [
        (
            'whose grade is "nine"',
            '`grade` is a number and cannot be compared with the text `"nine"`',
            "write a number, such as `9` or `37.5`",
            '"nine"',
        ),
        (
            'whose grade is "9"',
            '`grade` is a number and cannot be compared with the text `"9"`',
            "write the number without quotes: `9`",
            '"9"',
        ),
        (
            "whose role is 5",
            "`role` is text and cannot be compared with the number `5`",
            'write the value in quotes: `"5"`',
            "5",
        ),
        (
            "whose job type is 08:00",
            "`job type` is one of a set of values and cannot be compared with the time `08:00`",
            'write the value in quotes: `"08:00"`',
            "08:00",
        ),
        (
            'whose on probation is "yes"',
            '`on probation` is a yes or no attribute and cannot be compared with the text `"yes"`',
            "write `yes` without quotes",
            '"yes"',
        ),
        (
            "whose on probation is 1",
            "`on probation` is a yes or no attribute and cannot be compared with the number `1`",
            "write `is yes` or `is no`, or test it with `they are on probation`",
            "1",
        ),
        (
            'whose position start is "2025-01-01"',
            '`position start` is a date and cannot be compared with the text `"2025-01-01"`',
            "write the date without quotes: `2025-01-01`",
            '"2025-01-01"',
        ),
        (
            "whose position start is at least 12",
            "`position start` is a date and cannot be compared with the number `12`",
            "for a date relative to the day decided write "
            "`12 months ago`; otherwise write a date such as `2025-01-31`",
            "12",
        ),
        (
            "whose grade is yes",
            "`grade` is a number and cannot be compared with `yes`",
            "write a number, such as `9` or `37.5`",
            "yes",
        ),
    ],
)
def test_type_mismatch(test: str, message: str, hint: str, underlined: str) -> None:
    """A comparison value must have the attribute's type; the hint says how to write it."""
    d = only(f"rule X: employees {test} may work.\n", "type-mismatch")
    assert shown(d) == ("type-mismatch", message, hint, underlined)


def test_every_value_of_a_list_is_checked() -> None:
    """Each value of `is one of` is checked, and each wrong one reported."""
    found = diagnose('rule X: employees whose grade is one of 1, "2", 3, "4" may work.\n')
    assert [(d.code, d.span.text if d.span else "") for d in found] == [
        ("type-mismatch", '"2"'),
        ("type-mismatch", '"4"'),
    ]


@pytest.mark.parametrize(
    ("test", "hint", "suggestion", "underlined"),
    [
        ('whose job type is "financ"', 'did you mean `"finance"`?', '"finance"', '"financ"'),
        (
            'whose job type is one of "finance", "Technical"',
            'did you mean `"technical"`?',
            '"technical"',
            '"Technical"',
        ),
        ('whose performance is at least "gud"', 'did you mean `"good"`?', '"good"', '"gud"'),
        (
            'whose performance is "excellent"',
            'the values of `performance` are `"poor"`, `"good"`, `"very good"` (line 6)',
            '"very good"',
            '"excellent"',
        ),
    ],
)
def test_value_not_allowed(test: str, hint: str, suggestion: str, underlined: str) -> None:
    """A value outside a `one of` or `ranked` set is an error with the nearest value."""
    d = only(f"rule X: employees {test} may work.\n", "value-not-allowed")
    assert (d.hint, d.suggestion, d.span.text if d.span else None) == (hint, suggestion, underlined)
    assert d.message.startswith(f"`{underlined}` is not a value of `")


def test_shift_values_are_checked() -> None:
    """`the shift's ATTR` values are checked against the shift attribute's set."""
    d = only(
        'rule X: employees may work if the shift\'s purpose is "field visits".\n',
        "value-not-allowed",
    )
    assert shown(d) == (
        "value-not-allowed",
        '`"field visits"` is not a value of `purpose`',
        'did you mean `"field visit"`?',
        '"field visits"',
    )


@pytest.mark.parametrize(
    ("test", "message", "hint"),
    [
        (
            'whose role is at least "b"',
            "`role` is text, which has no order, so `is at least` cannot compare it",
            "use `is` or `is one of`, or declare it `ranked` to give its values an order",
        ),
        (
            'whose job type is more than "finance"',
            "`job type` is one of a set of values, which has no order, so `is more than` cannot "
            "compare it",
            'use `is one of ...`, or declare it `ranked "low" < "high"` to give its values an '
            "order",
        ),
        (
            "whose on probation is between yes and no",
            "`on probation` is a yes or no attribute, which has no order, so `is between` cannot "
            "compare it",
            "test it with `who are on probation` or `is yes` / `is no`",
        ),
    ],
)
def test_not_ordered(test: str, message: str, hint: str) -> None:
    """Ordering comparisons only on numbers, ranked values and dates."""
    d = only(f"rule X: employees {test} may work.\n", "not-ordered")
    assert (d.message, d.hint) == (message, hint)
    assert d.span is not None and test.endswith(d.span.text)
    assert d.span.text.startswith("is ")


def test_ordering_on_number_ranked_and_date_is_fine() -> None:
    """`at least`, `more than`, `between` work on numbers, ranked values and dates."""
    text = (
        "rule X: employees whose grade is between 5 and 9 and whose performance is more "
        'than "poor" and whose position start is at most 2025-01-01 may work.\n'
    )
    assert diagnose(text) == []


def test_before_and_after_only_on_dates() -> None:
    """`is before` and `is after` compare dates only."""
    d = only("rule X: employees whose grade is before 9 may work.\n", "not-a-date")
    assert shown(d) == (
        "not-a-date",
        "`grade` is a number, not a date, so `is before` cannot compare it",
        "`is before` compares dates; for a number write `is less than ...`",
        "is before 9",
    )
    d = only('rule X: employees whose role is after "x" may work.\n', "not-a-date")
    assert d.hint == "`is after` compares dates only"


def test_ago_only_on_dates() -> None:
    """`N months ago` compares a date attribute only."""
    d = only("rule X: employees whose grade is less than 3 years ago may work.\n", "not-a-date")
    assert shown(d)[1:] == (
        "`grade` is a number, not a date, so it cannot be compared with `years ago`",
        "drop `years ago`, or compare a date attribute",
        "is less than 3 years ago",
    )


@pytest.mark.parametrize(
    ("test", "message", "underlined"),
    [
        (
            "is more than 12 months ago",
            "`ago` takes `is less than` or `is at least`, not `is more than`",
            "is more than 12 months ago",
        ),
        (
            "is at most 1 year ago",
            "`ago` takes `is less than` or `is at least`, not `is at most`",
            "is at most 1 year ago",
        ),
        (
            "is less than 1.5 years ago",
            "`ago` counts whole years, and `1.5` is not a whole number",
            "1.5",
        ),
        (
            'is less than "3" weeks ago',
            '`ago` counts a number of weeks back, and the text `"3"` is not a number',
            '"3"',
        ),
    ],
)
def test_bad_ago(test: str, message: str, underlined: str) -> None:
    """`ago` takes `less than` or `at least` and a whole number."""
    d = only(f"rule X: employees whose position start {test} may work.\n", "bad-ago")
    assert (d.message, d.span.text if d.span else None) == (message, underlined)


def test_good_ago() -> None:
    """`is less than N units ago` and `is at least N units ago` on a date are fine."""
    text = (
        "rule X: employees whose position start is less than 12 months ago and whose "
        "position start is at least 2 days ago may work.\n"
    )
    assert diagnose(text) == []


def test_between_in_wrong_order() -> None:
    """`is between` with the higher value first matches nothing: an error with the swap."""
    d = only(
        'rule X: employees whose performance is between "very good" and "poor" may work.\n',
        "empty-range",
    )
    assert shown(d) == (
        "empty-range",
        '`is between "very good" and "poor"` matches nothing: the lower value must come first',
        'write `is between "poor" and "very good"`',
        'is between "very good" and "poor"',
    )


def test_in_each_needs_text() -> None:
    """`in each` splits by a text, `one of` or ranked attribute, not a number or date."""
    d = only("rule X: at least 2 employees in each grade must be on-site.\n", "type-mismatch")
    assert shown(d) == (
        "type-mismatch",
        "`in each` splits employees by a text value, and `grade` is a number",
        "use a text or `one of` attribute such as `role`",
        "grade",
    )
    assert diagnose("rule X: at most 10% of employees in each job type may work per day.\n") == []


def test_in_each_shift_attribute() -> None:
    """`in each` with a shift attribute says it splits employees."""
    d = only("rule X: at least 2 employees in each purpose must be on-site.\n", "unknown-attribute")
    assert d.message == "`purpose` is a shift attribute; `in each` splits employees"


# ---- literals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("between", "message", "underlined"),
    [
        ("25:00 and 08:00", "`25:00` is not a time: the day ends at 24:00", "25:00"),
        ("08:60 and 09:00", "`08:60` is not a time: an hour has minutes 00 to 59", "08:60"),
        ("08:00 and 24:30", "`24:30` is not a time: the day ends at 24:00", "24:30"),
        ("24:00 and 06:00", "`24:00` can only end a span", "24:00"),
    ],
)
def test_bad_time(between: str, message: str, underlined: str) -> None:
    """Times run from 00:00 to 24:00, and 24:00 only ends a span."""
    d = only(f"rule X: employees may work between {between}.\n", "bad-time")
    assert (d.message, d.span.text if d.span else None) == (message, underlined)


def test_good_times() -> None:
    """24:00 may end a span; a `between` may run past midnight."""
    text = (
        "rule X: employees may work between 20:00 and 24:00.\n"
        "rule Y: employees may work between 22:00 and 06:00.\n"
        "hours late: Monday 00:00 to 24:00.\nrule Z: employees must work within late.\n"
    )
    assert diagnose(text) == []


def test_hours_span_starting_and_ending_together() -> None:
    """An hours span that starts and ends at the same time is an error."""
    d = only(
        "hours noon: Monday 12:00 to 12:00.\nrule X: employees must work within noon.\n",
        "empty-span",
    )
    assert shown(d)[1:] == (
        "the span `12:00 to 12:00` starts and ends at the same time",
        "for the whole day write `00:00 to 24:00`; a span past midnight ends at an earlier "
        "time than it starts, as in `22:00 to 06:00`",
        "12:00 to 12:00",
    )


def test_hours_span_past_midnight_is_fine() -> None:
    """An hours span that ends before it starts runs past midnight (LANGUAGE.md section 5)."""
    assert (
        diagnose(
            "hours night: every day 22:00 to 06:00, except holidays.\n"
            "rule X: employees must work within night.\n"
        )
        == []
    )


def test_empty_between() -> None:
    """A `between` that starts where it ends is an error."""
    d = only("rule X: employees may work between 08:00 and 08:00.\n", "empty-span")
    assert shown(d)[1:] == (
        "`between 08:00 and 08:00` starts and ends at the same time",
        "for the whole day write `between 00:00 and 24:00`; a span past midnight ends at an "
        "earlier time than it starts, as in `between 22:00 and 06:00`",
        "between 08:00 and 08:00",
    )


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "holidays: 2025-02-30.",
            "`2025-02-30` is not a date: February 2025 has 28 days",
            "the last day of February 2025 is 2025-02-28",
        ),
        (
            "holidays: 2024-02-30.",
            "`2024-02-30` is not a date: February 2024 has 29 days",
            "the last day of February 2024 is 2024-02-29",
        ),
        (
            "dates d: 2025-13-01.\nrule X: employees may work during d.",
            "`2025-13-01` is not a date: there is no month 13",
            "write dates as YYYY-MM-DD, with the month from 01 to 12",
        ),
        (
            "rule X: employees may work until 2025-04-31.",
            "`2025-04-31` is not a date: April 2025 has 30 days",
            "the last day of April 2025 is 2025-04-30",
        ),
        (
            "rule X: employees whose position start is after 2025-06-00 may work.",
            "`2025-06-00` is not a date: June 2025 has 30 days",
            "the last day of June 2025 is 2025-06-30",
        ),
    ],
)
def test_bad_date(text: str, message: str, hint: str) -> None:
    """Dates must be real calendar days, wherever they are written."""
    d = only(text + "\n", "bad-date")
    assert (d.message, d.hint, d.span.text if d.span else None) == (message, hint, message[1:11])


def test_date_range_in_wrong_order() -> None:
    """A date range must not end before it starts, in `dates` and in `from ... to`."""
    found = [
        d
        for d in diagnose(
            "dates d: 2025-03-30 to 2025-03-01.\n"
            "rule X: employees may work during d from 2025-05-02 to "
            "2025-05-01.\n"
        )
        if d.code == "empty-range"
    ]
    assert [shown(d)[1:] for d in found] == [
        (
            "the dates `2025-03-30 to 2025-03-01` end before they start",
            "write the earlier date first: `2025-03-01 to 2025-03-30`",
            "2025-03-30 to 2025-03-01",
        ),
        (
            "the dates `2025-05-02 to 2025-05-01` end before they start",
            "write the earlier date first: `2025-05-01 to 2025-05-02`",
            "2025-05-02 to 2025-05-01",
        ),
    ]
    assert diagnose("rule X: employees may work from 2025-05-01 to 2025-05-01.\n") == []


def test_bad_percent() -> None:
    """A share is a percentage from 0 to 100."""
    d = only("rule X: at most 120% of employees may work remotely per day.\n", "bad-percent")
    assert shown(d) == (
        "bad-percent",
        "a share of `120%` is more than all of them",
        "a share is a percentage from 0 to 100",
        "120",
    )
    assert diagnose("rule X: at most 0% of employees may work remotely per day.\n") == []


@pytest.mark.parametrize("count", ["0", "1.5"])
def test_bad_count(count: str) -> None:
    """Staffing counts are whole numbers of at least 1."""
    d = only(f"rule X: at least {count} employees must be on-site.\n", "bad-count")
    assert shown(d) == (
        "bad-count",
        f"`{count}` is not a head count: staffing needs a whole number of people, at least 1",
        "write a whole number such as `2`",
        count,
    )


@pytest.mark.parametrize(
    ("limit", "message", "hint"),
    [
        (
            "must not work remotely more than 0 days per week",
            "a limit of `0` days is no limit",
            "to forbid it altogether, write `must not work remotely` without a limit",
        ),
        (
            "must work at least 0 hours per week",
            "a limit of `0` hours is no limit",
            "a minimum of 0 asks nothing: remove the rule or give a larger amount",
        ),
        (
            "must not work remotely more than 2.5 days per week",
            "days are counted whole, and `2.5` is not a whole number",
            "write a whole number of days, or a limit in hours",
        ),
    ],
)
def test_bad_amount(limit: str, message: str, hint: str) -> None:
    """Limit amounts are more than 0, and days are whole."""
    d = only(f"rule X: employees {limit}.\n", "bad-amount")
    assert (d.message, d.hint) == (message, hint)


def test_except_holidays_comes_last() -> None:
    """`except holidays` must be the last item of an hours declaration, and once."""
    found = diagnose(
        "hours h: except holidays, Monday 08:00 to 12:00, except holidays, "
        "except holidays.\nrule X: employees must work within h.\n"
    )
    assert [shown(d)[1:] for d in found] == [
        (
            "`except holidays` must come last",
            "move `except holidays` to the end of the list",
            "except holidays",
        ),
        ("`except holidays` is written twice", "remove one", "except holidays"),
    ]


def test_except_holidays_alone() -> None:
    """Hours with nothing but `except holidays` are an error."""
    d = only(
        "hours h: except holidays.\nrule X: employees must work within h.\n",
        "misplaced-except-holidays",
    )
    assert d.message == "the hours `h` have no spans before `except holidays`"


def test_repeated_values() -> None:
    """`one of` and `ranked` values are listed once each."""
    found = diagnose(
        'employees have: a: one of "x", "y", "x", b: ranked "p" < "q" < "p".\n'
        'rule X: employees whose a is "x" and whose b is "p" may work.\n'
    )
    assert [shown(d)[1:] for d in found] == [
        ('`"x"` is listed twice in `a`', "remove one", '"x"'),
        ('`"p"` is listed twice in `b`', "a ranked value has one place: remove one", '"p"'),
    ]


def test_empty_value_set() -> None:
    """A `one of` type with no values (possible only in a built tree) is an error."""
    sources, _ = sources_from_mapping({"t.rules": 'employees have: a: one of "x".\n'})
    file = check(parse(sources)).files[0]
    decl = file.declarations[0]
    assert isinstance(decl, ast.AttributesDecl)
    attribute = decl.attributes[0]
    empty = attrs.evolve(attribute, type=ast.OneOfType((), span=attribute.type.span))
    tree = attrs.evolve(file, declarations=(attrs.evolve(decl, attributes=(empty,)),))
    found = [d for d in run_checks(gather([tree])) if d.is_error]
    assert [(d.code, d.message) for d in found] == [("empty-type", "`a` has no values")]


def test_stray_value() -> None:
    """A text value after a type other than `one of` belongs to nothing: an error."""
    d = only(
        'employees have: b: text, "x".\nrule X: employees whose b is "x" may work.\n', "stray-value"
    )
    assert shown(d) == (
        "stray-value",
        'the value `"x"` belongs to no `one of` type',
        '`b` is not a `one of` type; to give it these values write `b: one of "x"`',
        '"x"',
    )


# ---- header and calendar ---------------------------------------------------------------


def test_second_header_in_another_file() -> None:
    """A folder has one header: a second is an error naming the first's file and line."""
    d = only({"a.rules": BASE, "b.rules": '\npolicy "Other" version "2".\n'}, "duplicate-header")
    assert shown(d) == (
        "duplicate-header",
        "a policy has one header, and this is a second",
        "the header is at a.rules:1; merge the two into one",
        'policy "Other"',
    )


def test_duplicate_header_clause() -> None:
    """Each header clause at most once."""
    text = 'policy "T" version "1" default deny version "2" default allow.\n'
    found = diagnose(text + BASE.split("\n", 1)[1], base="")
    assert [shown(d)[1:] for d in found] == [
        (
            "`version` is given twice in the header",
            'keep one: the first is `version "1"`',
            'version "2"',
        ),
        (
            "`default` is given twice in the header",
            "keep one: the first is `default deny`",
            "default allow",
        ),
    ]


@pytest.mark.parametrize(
    ("zone", "hint"),
    [
        ("Asia/Jakrta", "did you mean `Asia/Jakarta`?"),
        ("asia/jakarta", "did you mean `Asia/Jakarta`?"),
        ("WIBB", "did you mean `WIB`?"),
        ("Asia/Makasar", "did you mean `Asia/Makassar`?"),
        ("Mars/Olympus", "use an IANA name such as `Asia/Jakarta`, or `WIB`, `WITA` or `WIT`"),
    ],
)
def test_unknown_timezone(zone: str, hint: str) -> None:
    """The time zone must be an IANA zone or WIB/WITA/WIT, with a did-you-mean."""
    d = only(f'policy "T" timezone {zone}.\n' + BASE.split("\n", 1)[1], "unknown-timezone", base="")
    assert shown(d) == ("unknown-timezone", f"there is no time zone `{zone}`", hint, zone)


@pytest.mark.parametrize("zone", ["WIB", "wita", "Wit", "Asia/Jayapura", "UTC"])
def test_known_timezones(zone: str) -> None:
    """IANA zones and the aliases (any case) are accepted."""
    assert diagnose(f'policy "T" timezone {zone}.\n' + BASE.split("\n", 1)[1], base="") == []


def test_working_days() -> None:
    """`working days:` once, naming days of the week only."""
    found = diagnose(
        "working days: Monday to Friday, holidays, every day.\nworking days: weekdays.\n"
    )
    assert [shown(d) for d in found] == [
        (
            "bad-working-days",
            "`holidays` cannot define the working days",
            "name days of the week: `Monday to Friday`, `weekdays` or `weekends`",
            "holidays",
        ),
        (
            "bad-working-days",
            "`every day` cannot define the working days",
            "write `Monday to Sunday`",
            "every day",
        ),
        (
            "duplicate-declaration",
            "`working days` are declared twice",
            "the first are at line 27; keep one",
            "working days: weekdays",
        ),
    ]


def test_duplicate_holidays_are_warnings() -> None:
    """A holiday listed twice is a warning; the policy still loads."""
    text = (
        "holidays: Indonesia, 2025-06-09, 2025-06-09.\n"
        "holidays: Indonesia with joint holidays, 2025-06-09.\n"
    )
    found = diagnose(text)
    assert [(d.severity, *shown(d)) for d in found] == [
        (
            Severity.WARNING,
            "duplicate-holiday",
            "`2025-06-09` is already a holiday",
            "it is listed at line 27; remove one",
            "2025-06-09",
        ),
        (
            Severity.WARNING,
            "duplicate-holiday",
            "`Indonesia with joint holidays` is listed twice",
            "it already lists `Indonesia` at line 27; keep only `Indonesia with joint holidays`",
            "Indonesia with joint holidays",
        ),
        (
            Severity.WARNING,
            "duplicate-holiday",
            "`2025-06-09` is already a holiday",
            "it is listed at line 27; remove one",
            "2025-06-09",
        ),
    ]
    flexrules.compile_policy(BASE + text)


# ---- usage -----------------------------------------------------------------------------


def test_unused_declarations_are_warnings() -> None:
    """Attributes, groups, hours and dates nothing uses are warnings; the policy loads."""
    text = (
        "employees have: nickname: text.\nshifts have: note: text.\n"
        "group idle: employees.\nhours quiet: Sunday 08:00 to 09:00.\n"
        "dates closure: 2025-10-06.\n"
    )
    policy = flexrules.compile_policy(BASE + text, filename="t.rules")
    assert [shown(d) for d in policy.diagnostics] == [
        (
            "unused-declaration",
            "the employee attribute `nickname` is never used",
            "no rule tests it, nor any group a rule uses; remove it or use it",
            "nickname",
        ),
        (
            "unused-declaration",
            "the shift attribute `note` is never used",
            "no rule tests it, nor any group a rule uses; remove it or use it",
            "note",
        ),
        (
            "unused-declaration",
            "the group `idle` is never used",
            "no rule refers to it; remove it or use it in a rule",
            "idle",
        ),
        (
            "unused-declaration",
            "the hours `quiet` are never used",
            "no rule names them (`during quiet`); remove them or use them in a rule",
            "quiet",
        ),
        (
            "unused-declaration",
            "the dates `closure` are never used",
            "no rule names them (`during closure`); remove them or use them in a rule",
            "closure",
        ),
    ]
    assert all(d.severity is Severity.WARNING for d in policy.diagnostics)


def test_group_used_only_by_unused_group_is_unused() -> None:
    """A group (and an attribute) used only by an unused group are unused too."""
    text = (
        'employees have: team: text.\ngroup inner: employees whose team is "a".\n'
        "group outer: inner.\n"
    )
    found = diagnose(text)
    assert [(d.message, d.hint) for d in found] == [
        (
            "the employee attribute `team` is never used",
            "no rule tests it, nor any group a rule uses; remove it or use it",
        ),
        (
            "the group `inner` is never used",
            "only unused groups refer to it (`outer`); remove it or use it in a rule",
        ),
        ("the group `outer` is never used", "no rule refers to it; remove it or use it in a rule"),
    ]


def test_used_through_group_is_used() -> None:
    """Attributes tested in a group that a rule uses are used."""
    text = (
        'employees have: team: text.\ngroup inner: employees whose team is "a".\n'
        "group outer: inner.\nrule X: outer may work.\n"
    )
    assert diagnose(text) == []


def test_misspelled_reference_does_not_make_unused_noise() -> None:
    """The name an unknown reference probably meant is not also reported unused."""
    text = "dates closure: 2025-10-06.\nrule X: employees may work during closur.\n"
    assert codes(text) == ["unknown-hours"]


def test_no_unused_warnings_while_a_sentence_fails_to_parse() -> None:
    """A sentence with a syntax error may use anything, so unused warnings wait for it."""
    text = "group idle: employees.\nrule X: idle mst be on-site.\n"
    assert codes(text) == ["syntax"]


def test_names_declared_in_a_broken_sentence_are_not_unknown() -> None:
    """A name whose declaration has a syntax error gets that one error, not one per use."""
    text = (
        "employees have: team: txt.\nhours quiet hours: Sunday 8am to 09:00.\n"
        "group idle staff: employees whose team is.\nrule R9 employees may work.\n"
        'rule X overrides R9: idle staff may work during quiet hours if their team is "a".\n'
    )
    assert codes(text) == ["syntax", "syntax", "syntax", "syntax"]


# ---- reserved words --------------------------------------------------------------------


def test_reserved_word_in_name() -> None:
    """A declared name that a rule would cut at a keyword is a warning naming the word."""
    text = (
        "hours office hours on: Monday 08:00 to 12:00.\n"
        "rule X: employees must work within `office hours on`.\n"
    )
    d = only(text, "reserved-word")
    assert shown(d) == (
        "reserved-word",
        "the hours name `office hours on` cannot be written as is in a rule",
        "`on` is read as a keyword there: rename it, or write the name in backquotes "
        "(`` `office hours on` ``) where it is used",
        "office hours on",
    )
    assert d.severity is Severity.WARNING


def test_group_named_like_a_built_in_subject() -> None:
    """A group called `everyone` can never be reached by that name."""
    d = only("group everyone: employees.\nrule X: `everyone` may work.\n", "reserved-word")
    assert (d.message, d.hint) == (
        "a group called `everyone` cannot be used: `everyone` means all employees",
        "rename the group",
    )


def test_backquoted_declaration_is_not_warned() -> None:
    """A name declared in backquotes is taken as meant."""
    text = (
        "hours `office hours on`: Monday 08:00 to 12:00.\n"
        "rule X: employees must work within `office hours on`.\n"
    )
    assert diagnose(text) == []


def test_keyword_words_that_stay_names_are_fine() -> None:
    """Keyword words where the grammar cannot take them (`on probation`) are no warning."""
    text = (
        "employees have: must know: yes or no, in each: text.\n"
        "rule X: employees who are must know must be on-site.\n"
        "rule Y: at least 1 employees in each in each must be on-site.\n"
    )
    assert diagnose(text) == []


# ---- documentation ---------------------------------------------------------------------

_EMITTED = re.compile(
    r'\b(?:error|warning)\(\s*"([a-z][a-z0-9-]*)"|Severity\.[A-Z]+,\s*"([a-z][a-z0-9-]*)"'
)
_DOCUMENTED = re.compile(r"^### `([a-z][a-z0-9-]*)`", re.MULTILINE)


def emitted_codes() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "flexrules").rglob("*.py"):
        for match in _EMITTED.finditer(path.read_text(encoding="utf-8")):
            found.add(match.group(1) or match.group(2))
    return found


def test_every_emitted_code_is_documented() -> None:
    """Every diagnostic code written anywhere in flexrules/ has a section in docs/diagnostics.md."""
    documented = set(_DOCUMENTED.findall((ROOT / "docs" / "diagnostics.md").read_text()))
    assert emitted_codes() - documented == set()


def test_every_documented_code_is_emitted() -> None:
    """docs/diagnostics.md documents no code that flexrules no longer emits."""
    documented = set(_DOCUMENTED.findall((ROOT / "docs" / "diagnostics.md").read_text()))
    assert documented - emitted_codes() == set()


def test_code_scan_finds_the_parser_and_check_codes() -> None:
    """The scan for codes sees multi-line calls, the parser's codes and the checks' codes."""
    assert {
        "syntax",
        "missing-period",
        "bad-statement",
        "unknown-group",
        "no-policy-files",
        "unused-declaration",
    } <= emitted_codes()


_SECTION = re.compile(r"^### `([a-z][a-z0-9-]*)`\n(.*?)(?=^##|\Z)", re.MULTILINE | re.DOTALL)
_BLOCK = re.compile(r"^```(rules|text)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def documented_examples() -> list[tuple[str, str, str]]:
    """(code, example policy, rendered text) for each section of docs/diagnostics.md."""
    found = []
    for code, body in _SECTION.findall((ROOT / "docs" / "diagnostics.md").read_text()):
        blocks = dict(_BLOCK.findall(body))
        if "rules" in blocks:
            found.append((code, blocks["rules"], blocks["text"].rstrip("\n")))
    return found


@pytest.mark.parametrize(
    ("code", "example", "rendered"),
    documented_examples(),
    ids=[example[0] for example in documented_examples()],
)
def test_documented_example_renders_as_shown(code: str, example: str, rendered: str) -> None:
    """Each example in docs/diagnostics.md gives the code it documents, rendered as shown."""
    found = [d for d in diagnose({"example.rules": example}) if d.code == code]
    assert "\n\n".join(d.render() for d in found) == rendered


# ---- hostile input ---------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("amount", ["9" * 5000, "1." + "1" * 5000])
def test_huge_numbers_give_short_messages(amount: str) -> None:
    """Numbers with thousands of digits never crash a check, and messages stay one short line."""
    for rule in (
        f"employees must not work remotely more than {amount} days per week",
        f"at least {amount} employees must be on-site",
        f"at most {amount}% of employees may work remotely per day",
        f"employees whose grade is between {amount} and 1 may work",
        f"employees whose position start is less than {amount} days ago may work",
        f'employees whose performance is "{amount}" may work',
    ):
        for d in diagnose(f"rule X: {rule}.\n"):
            assert len(d.message) < 200 and len(d.hint or "") < 300, d.render()[:500]


def test_long_unknown_name_gives_short_messages() -> None:
    """An unknown name of thousands of words is reported quickly, in a bounded message."""
    d = only("rule X: service desk staff " + "onn " * 3000 + "may work.\n", "unknown-group")
    assert len(d.message) < 120 and d.hint is not None and len(d.hint) < 300
    assert d.span is not None and d.span.text.endswith("onn")


def test_a_thousand_nots_do_not_recurse() -> None:
    """The checks walk conditions without recursion, so a long run of `not`s is fine."""
    assert (
        diagnose("rule X: employees may work if " + "not " * 5000 + "they are on probation.\n")
        == []
    )


def test_missing_period_before_a_declaration_costs_one_message() -> None:
    """A rule that lost its `.` before the next `rule` line is reported once, at its end, and
    both rules are still read (the second's own mistake is found too)."""
    text = (
        "hours working window: every day 06:00 to 20:00.\n"
        "rule R4: employees must work within working window\n"
        'rule R5 "Office": employees must be on-site during holidays.\n'
    )
    with pytest.raises(flexrules.PolicyError) as raised:
        flexrules.compile_policy(text)
    codes = [(d.code, d.span.text if d.span else None) for d in raised.value.diagnostics]
    assert codes == [("missing-period", "w"), ("unknown-hours", "holidays")]
    assert raised.value.diagnostics[1].suggestion == "on holidays"
