"""Holidays as decreed (DATA.md §4): `except` removes dates from the declared holidays, a date
added `as joint holiday` belongs to `joint holidays`, and `citing` names the decree in the
explanation and in `flexrules holidays`.

The expected decisions are worked out by hand from the package's 2025 calendar for Indonesia
(holidays 0.109): Thursday 25 December 2025 is Christmas (public), Friday 26 December a cuti
bersama. The policy cancels the cuti bersama of the 26th and moves it to Monday the 29th, as a
joint decree (SKB) would:
- Fri 26 Dec: no longer a holiday, so a working day: R1 allows working from home, R2 (joint
  holidays) does not apply.
- Mon 29 Dec: a joint holiday now, so not a working day: R1 does not apply, R2 denies.
- Thu 25 Dec: still Christmas, a public holiday but not a joint one: neither rule applies,
  the default denies.
- Wed 24 Dec: an ordinary working day: R1 allows.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import flexrules
from flexrules import cli

ENGLISH = """\
policy "Decrees" timezone Asia/Jakarta.
employees have: role: text.
working days: Monday to Friday.
holidays: Indonesia with joint holidays,
  2025-12-29 as joint holiday citing "SKB 3 Menteri 2025"
  except 2025-12-26 citing "SKB 3 Menteri 2025".
rule R1: employees may work from home on working days.
rule R2: employees must not work on joint holidays.
"""

INDONESIAN = """\
kebijakan "Decrees" zona waktu Asia/Jakarta.
pegawai memiliki: role: teks.
hari kerja: Senin sampai Jumat.
hari libur: nasional dan cuti bersama,
  29 Desember 2025 sebagai cuti bersama berdasarkan "SKB 3 Menteri 2025"
  kecuali 26 Desember 2025 berdasarkan "SKB 3 Menteri 2025".
aturan R1: pegawai dapat bekerja dari rumah pada hari kerja.
aturan R2: pegawai dilarang bekerja pada cuti bersama.
"""

EMPLOYEE = {"id": "E-1", "role": "clerk"}

#: day -> (allowed, the rules that decided it; None: the default)
EXPECTED = {
    "2025-12-26": (True, ["R1"]),
    "2025-12-29": (False, ["R2"]),
    "2025-12-25": (False, [None]),
    "2025-12-24": (True, ["R1"]),
}


def shift(day: str) -> dict[str, str]:
    return {"start": f"{day}T08:00", "end": f"{day}T16:00", "location": "home"}


@pytest.fixture(scope="module", params=["en", "id"])
def policy(request: pytest.FixtureRequest) -> flexrules.Policy:
    return flexrules.compile_policy(ENGLISH if request.param == "en" else INDONESIAN)


@pytest.mark.parametrize("day", sorted(EXPECTED))
def test_a_cancelled_and_a_moved_joint_holiday(policy: flexrules.Policy, day: str) -> None:
    decision = policy.decide(EMPLOYEE, shift(day))
    allowed, rules = EXPECTED[day]
    assert decision.allowed is allowed
    assert [r.rule for r in decision.reasons] == rules


def test_the_calendar_follows_the_decree(policy: flexrules.Policy) -> None:
    calendar = policy.calendar
    assert not calendar.is_holiday(dt.date(2025, 12, 26))
    assert calendar.is_working_day(dt.date(2025, 12, 26))
    assert calendar.kind(dt.date(2025, 12, 29)) == "joint"
    assert calendar.kind(dt.date(2025, 12, 25)) == "public"
    listed = policy.holidays(dt.date(2025, 12, 20), dt.date(2025, 12, 31), "en")
    assert [(h.date.day, h.kind, h.citation) for h in listed] == [
        (25, "public", None),
        (29, "joint", "SKB 3 Menteri 2025"),
    ]
    assert listed[1].source == "<policy>:5 (SKB 3 Menteri 2025)"
    removed = policy.removed_holidays(dt.date(2025, 12, 1), dt.date(2025, 12, 31), "en")
    assert [(h.date.day, h.name, h.kind) for h in removed] == [
        (26, "Christmas Joint Holiday", "removed")
    ]
    assert [d.code for d in policy.diagnostics] == ["unused-declaration"]  # role


def test_explanations_cite_the_decree(policy: flexrules.Policy) -> None:
    moved = policy.decide(EMPLOYEE, shift("2025-12-29")).explain("en")
    assert "Mon 2025-12-29 is a holiday: joint holiday\n      citing SKB 3 Menteri 2025" in moved
    cancelled = policy.decide(EMPLOYEE, shift("2025-12-26")).explain("id")
    assert (
        "Jumat 26 Desember 2025 bukan hari libur: kebijakan ini menghapus Cuti Bersama Hari "
        "Raya Natal dengan `kecuali`\n      berdasarkan SKB 3 Menteri 2025"
    ) in cancelled


def test_both_languages_lower_to_the_same_meaning() -> None:
    english = flexrules.compile_policy(ENGLISH)
    indonesian = flexrules.compile_policy(INDONESIAN)
    assert english.meaning == indonesian.meaning


def test_a_named_date_pins_an_estimate_and_a_removed_one_is_no_holiday() -> None:
    """2027: Idul Fitri 10-11 March and Idul Adha 17 May are the package's estimates. The
    policy names the 10th (the decree confirmed it) and removes the 11th: neither warns."""
    policy = flexrules.compile_policy(
        'policy "P".\nholidays: Indonesia with joint holidays, 2027-03-10 citing "SKB 2027"\n'
        "  except 2027-03-11.\nrule R1: employees may work from home.\n"
    )
    assert not policy.diagnostics
    assert policy.decide(EMPLOYEE, shift("2027-03-10")).warnings == ()
    assert policy.decide(EMPLOYEE, shift("2027-03-11")).warnings == ()
    assert [w.code for w in policy.decide(EMPLOYEE, shift("2027-05-17")).warnings] == [
        "estimated-holiday"
    ]
    assert not policy.calendar.is_holiday(dt.date(2027, 3, 11))
    estimated = [h.date for h in policy.holidays(dt.date(2027, 1, 1), dt.date(2027, 12, 31))]
    assert dt.date(2027, 3, 11) not in estimated


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("holidays: Indonesia except 2025-12-26.", "not-a-holiday"),  # joint, not declared
        ("holidays: Indonesia with joint holidays except 2025-12-23.", "not-a-holiday"),
        ("holidays: Indonesia, 2025-06-10 except 2025-06-10.", "removed-added-holiday"),
        ("holidays: Indonesia except 2025-12-25, 2025-12-25.", "duplicate-holiday"),
    ],
)
def test_removing_what_is_not_a_holiday_warns(text: str, code: str) -> None:
    policy = flexrules.compile_policy(f'policy "P".\n{text}\nrule R1: employees may work.\n')
    assert [(d.code, d.severity) for d in policy.diagnostics] == [
        (code, flexrules.Severity.WARNING)
    ]


def test_removing_a_listed_holiday_is_quiet() -> None:
    policy = flexrules.compile_policy(
        'policy "P".\nholidays: Indonesia with joint holidays except 2025-12-26, 2025-12-25.\n'
        "rule R1: employees may work.\n"
    )
    assert not policy.diagnostics


def test_flexrules_holidays_shows_sources_and_removed_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.rules"
    path.write_text(ENGLISH, encoding="utf-8")
    args = ["holidays", str(path), "--from", "2025-12-24", "--to", "2025-12-31"]
    assert cli.main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        out[2] == f"Mon 2025-12-29  joint holiday  (joint holiday; {path}:5 (SKB 3 Menteri 2025))"
    )
    assert out[3:] == [
        "removed by the policy's `except`:",
        f"Fri 2025-12-26  Christmas Joint Holiday  (not a holiday; {path}:6 (SKB 3 Menteri 2025))",
    ]
    assert cli.main([*args, "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(h["date"], h["kind"]) for h in listed] == [
        ("2025-12-25", "public"),
        ("2025-12-29", "joint"),
    ]


def test_fmt_and_translate_keep_the_decreed_list() -> None:
    """fmt is idempotent on the new clauses, and English -> Indonesian -> English gives the
    same tree (and the same meaning as the hand-written Indonesian)."""
    from flexrules.authoring.formatting import format_text
    from flexrules.authoring.translation import translate

    formatted = format_text(ENGLISH).text
    assert formatted is not None and format_text(formatted).text == formatted
    assert "  except 2025-12-26 citing" in formatted
    indonesian = translate(ENGLISH, "id")
    assert "sebagai cuti bersama berdasarkan" in indonesian and "kecuali 26 Desember" in indonesian
    assert (
        flexrules.compile_policy(indonesian).meaning == flexrules.compile_policy(INDONESIAN).meaning
    )
    back = translate(indonesian, "en")
    assert flexrules.compile_policy(back).meaning == flexrules.compile_policy(ENGLISH).meaning
    kinds = 'absence kinds: "izin", "dinas luar" as work.\n'
    assert (
        translate(kinds, "id").strip()
        == 'jenis ketidakhadiran: "izin", "dinas luar" sebagai kerja.'
    )
    assert translate(translate(kinds, "id"), "en") == kinds


def test_the_policy_page_shows_where_a_date_is_removed(policy: flexrules.Policy) -> None:
    from flexrules.pages.policy_view import PolicyPage

    rows = {r["iso"]: r for r in PolicyPage(policy, "en", dt.date(2025, 12, 1)).holidays(2025)}
    assert rows["2025-12-26"]["counted"] is False
    assert rows["2025-12-26"]["source"] == "<policy>:6 (SKB 3 Menteri 2025)"
    assert rows["2025-12-29"]["counted"] is True and rows["2025-12-29"]["kind"].startswith(
        "joint holiday"
    )
