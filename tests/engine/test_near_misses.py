"""Near misses (DATA.md §1): a value that is not among a `one of` or `ranked` type's values
fails closed, and the default's reason names the permission that would have allowed the piece
but for it, with the fact and a did-you-mean where a declared value is close; the roster
report counts such values per column before the first day. Each answer worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flexrules
from flexrules.engine import near_misses

POLICY = flexrules.compile_policy(
    """
policy "near misses" timezone Asia/Jakarta.
employees have:
  unit: one of "administration", "finance",
  grade: number,
  performance: ranked "Butuh Perbaikan" < "Baik" < "Sangat Baik".
rule ONSITE: employees may work on-site.
rule R "Admin remote": employees whose unit is "administration" may work from anywhere.
rule P: employees whose performance is at least "Baik" and whose grade is at least 9
  may work from home.
rule F: employees whose unit is "finance" may work from anywhere on Fridays.
""",
    filename="near.rules",
)


def shift(location: str, day: str = "2025-07-07") -> dict[str, str]:
    return {"start": f"{day}T08:00", "end": f"{day}T16:00", "location": location}


def test_a_near_miss_value_fails_closed_and_the_default_names_rule_fact_and_value() -> None:
    """`"Administration"` is not `"administration"`: R cannot apply (unknown never permits),
    F is Friday's and this is a Monday, so only R is named, with the close declared value."""
    decision = POLICY.decide({"id": "a", "unit": "Administration"}, shift("anywhere"))
    assert not decision.allowed
    (reason,) = decision.reasons
    assert reason.rule is None
    assert reason.message_for("en") == (
        'no rule permits working from anywhere (default deny); R "Admin remote" would have '
        'permitted it, but unit is "Administration", not one of "administration", "finance": '
        'did you mean "administration"?'
    )
    assert reason.message_for("id") == (
        "tidak ada aturan yang mengizinkan bekerja dari mana saja (bawaan: ditolak); "
        'R "Admin remote" akan mengizinkannya, tetapi unit bernilai "Administration", bukan '
        'salah satu dari "administration", "finance": maksud Anda "administration"?'
    )
    (miss,) = reason.near_misses
    assert (miss.rule.id, miss.fact, miss.value, miss.suggestion) == (
        "R",
        "unit",
        "Administration",
        "administration",
    )
    assert decision.to_dict()["reasons"][0]["near_misses"] == [
        {
            "rule": "R",
            "fact": "unit",
            "value": "Administration",
            "message": 'unit is "Administration", not one of "administration", "finance": '
            'did you mean "administration"?',
            "suggestion": "administration",
        }
    ]
    assert 'did you mean "administration"?' in decision.explain()


def test_on_friday_both_permissions_are_named() -> None:
    """On a Friday F's TIME holds too: both R and F read the unusable unit, and the close
    declared value is the value's, whichever rule reads it."""
    decision = POLICY.decide({"id": "a", "unit": "Finanse"}, shift("anywhere", "2025-07-11"))
    (reason,) = decision.reasons
    assert [(m.rule.id, m.suggestion) for m in reason.near_misses] == [
        ("R", "finance"),
        ("F", "finance"),
    ]


def test_a_permission_ruled_out_by_a_known_fact_is_no_near_miss() -> None:
    """P needs `Baik` or better and grade 9: with grade 7 it is false whatever the
    performance, so the misspelled `baik` decides nothing and the default says only itself."""
    decision = POLICY.decide({"id": "a", "performance": "baik", "grade": 7}, shift("home"))
    (reason,) = decision.reasons
    assert reason.near_misses == ()
    assert reason.message == "no rule permits working from home (default deny)"
    assert "near_misses" not in decision.to_dict()["reasons"][0]


def test_only_the_unusable_facts_of_a_near_miss_are_named() -> None:
    """Grade 9 is known and holds; the performance is missing (no did-you-mean for it) and
    `baik` is close to `Baik`."""
    missing = POLICY.decide({"id": "a", "grade": 9}, shift("home")).reasons[0]
    assert missing.message.endswith("; P would have permitted it, but performance is missing")
    typo = POLICY.decide({"id": "a", "grade": 9, "performance": "baik"}, shift("home"))
    assert typo.reasons[0].message.endswith(
        'but performance is "baik", not one of "Butuh Perbaikan", "Baik", "Sangat Baik": '
        'did you mean "Baik"?'
    )
    wrong_type = POLICY.decide({"id": "a", "unit": 5}, shift("anywhere")).reasons[0]
    assert wrong_type.message.endswith("but unit is 5 (a number), not one of its declared values")
    assert wrong_type.near_misses[0].suggestion is None


def test_no_text_is_worked_out_while_deciding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Deciding and reading the outcome never look for near misses; reading the reason does."""

    def refuse(*args: Any) -> None:
        raise AssertionError("near misses worked out while deciding")

    monkeypatch.setattr(near_misses, "closest", refuse)
    decision = POLICY.decide({"id": "a", "unit": "Administration"}, shift("anywhere"))
    assert not decision.allowed and decision.reasons[0].rule is None
    with pytest.raises(AssertionError, match="while deciding"):
        _ = decision.reasons[0].message


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["administration", "finance"]),
    st.lists(st.booleans(), min_size=14, max_size=14),
)
def test_a_value_in_another_case_always_suggests_its_declared_value(
    value: str, upper: list[bool]
) -> None:
    """Any mix of capitals of a declared value: denied (values are compared exactly), and the
    suggestion is that value; exactly the declared value is allowed."""
    typed = "".join(
        c.upper() if u else c for c, u in zip(value, upper + [False] * 20, strict=False)
    )
    decision = POLICY.decide({"id": "a", "unit": typed}, shift("anywhere", "2025-07-11"))
    if typed == value:
        assert decision.allowed
        return
    assert not decision.allowed
    misses = decision.reasons[0].near_misses
    assert {m.suggestion for m in misses} == {value}


def test_the_roster_report_counts_such_values_per_column_before_the_first_day() -> None:
    people = [
        {"id": "a", "unit": "Administration"},
        {"id": "b", "unit": "Administration", "performance": "baik"},
        {"id": "c", "unit": "Keuangan"},
        {"id": "d", "unit": "finance"},
    ]
    report = POLICY.check_roster([(p, [shift("anywhere")]) for p in people])
    text = report.explain()
    unit = (
        "warning: `unit`: 3 values not among its declared values, so the rules that read it "
        'fail closed: "Administration" (2), did you mean "administration"?; "Keuangan" (1)'
    )
    performance = (
        "warning: `performance`: 1 value not among its declared values, so the rules that "
        'read it fail closed: "baik" (1), did you mean "Baik"?'
    )
    lines = text.splitlines()
    assert lines.index(unit) + 1 == lines.index(performance)
    assert lines.index(performance) < next(i for i, x in enumerate(lines) if "Day by day" in x)
    assert (
        "peringatan: `unit`: 3 nilai bukan salah satu nilai yang dinyatakan, sehingga aturan "
        'yang membacanya gagal tertutup: "Administration" (2), maksud Anda "administration"?; '
        '"Keuangan" (1)'
    ) in report.explain(language="id")
    warnings = report.to_dict(summary=True)["warnings"]
    assert [(w["code"], w["field"], w["suggestion"]) for w in warnings] == [
        ("unknown-values", "unit", "administration"),
        ("unknown-values", "performance", "Baik"),
    ]
    assert warnings[0]["values"] == [
        {"value": "Administration", "count": 2, "suggestion": "administration"},
        {"value": "Keuangan", "count": 1, "suggestion": None},
    ]


def test_a_roster_without_such_values_has_no_such_warning() -> None:
    report = POLICY.check_roster([({"id": "d", "unit": "finance"}, [shift("office")])])
    assert report.warnings == ()


def test_a_near_miss_follows_the_facts_of_its_own_day() -> None:
    """A night shift over a change (DATA.md §2): before midnight the unit is the declared
    "administration" and R allows; after it, "Administrasi", and the default's reason for that
    part names R and the value in force then."""
    employee = flexrules.Employee(
        "a",
        attributes={"unit": "administration"},
        changes=[("2025-07-08", {"unit": "Administrasi"})],
    )
    night = {"start": "2025-07-07T20:00", "end": "2025-07-08T04:00", "location": "anywhere"}
    before, after = POLICY.decide(employee, night).pieces()
    assert before[2] and [r.rule for r in before[3]] == ["R"]
    assert not after[2]
    (reason,) = after[3]
    assert [(m.rule.id, m.value, m.suggestion) for m in reason.near_misses] == [
        ("R", "Administrasi", "administration")
    ]


def test_the_roster_page_lists_the_counts_in_its_summary() -> None:
    """The HTML page (flexrules[pages]) shows the same warnings in its summary, escaped."""
    pytest.importorskip("jinja2")
    from flexrules.pages import roster_page

    people = [{"id": "a", "unit": "<Administration>"}, {"id": "d", "unit": "finance"}]
    report = POLICY.check_roster([(p, [shift("office")]) for p in people])
    page = roster_page(report, language="id")
    summary = page[page.index('id="summary"') : page.index('id="shares-head"')]
    assert "<h3>Peringatan</h3>" in summary
    assert "`unit`: 1 nilai bukan salah satu nilai yang dinyatakan" in summary
    assert "&#34;&lt;Administration&gt;&#34; (1), maksud Anda &#34;administration&#34;?" in summary


def test_a_file_cell_that_is_none_of_the_values_says_which_one_is_close(tmp_path: Any) -> None:
    """Files refuse such a cell (every bad cell listed, nothing decided), now with the same
    did-you-mean in both languages; `baik` is read as `Baik` (cells are matched in any case),
    and `Bagus` is close to nothing."""
    from flexrules.files import TableErrors, read_employees

    path = tmp_path / "e.csv"
    path.write_text("id;performance\nE-1;Sangat Baek\nE-2;baik\nE-3;Bagus\n", encoding="utf-8")
    with pytest.raises(TableErrors) as caught:
        read_employees(path, POLICY)
    lines = str(caught.value).splitlines()[1:]
    assert lines == [
        f'  `{path}`, row 2, column `performance`: "Sangat Baek" is not one of "Butuh '
        'Perbaikan", "Baik", "Sangat Baik"; did you mean "Sangat Baik"?',
        f'  `{path}`, row 4, column `performance`: "Bagus" is not one of "Butuh Perbaikan", '
        '"Baik", "Sangat Baik"',
    ]
    assert 'maksud Anda "Sangat Baik"?' in caught.value.message_for("id")


def test_values_taken_from_a_change_are_counted_once() -> None:
    """An employee whose unit becomes "Keuangan" on the 8th and stays so over a second change
    (of performance): one "Keuangan" for `unit`; and "baik" from the second change."""
    employee = flexrules.Employee(
        "a",
        attributes={"unit": "finance"},
        changes=[
            ("2025-07-08", {"unit": "Keuangan"}),
            ("2025-07-09", {"performance": "baik"}),
        ],
    )
    report = POLICY.check_roster([(employee, [shift("office")])])
    assert [(w.field, w.values) for w in report.warnings] == [
        ("unit", (("Keuangan", 1, None),)),
        ("performance", (("baik", 1, "Baik"),)),
    ]
