"""Schedule and roster reports in either language (LANGUAGE-ID.md §5.5): the roster of §5.5
line by line, the violation messages of its table, golden reports in both languages, and, over
generated schedules and rosters, both languages render line for line and `to_dict` differs only
in its message strings.

As in tests/engine/test_explain_languages.py, the policy is §4.1 itself
(examples/id/disdukcapil.rules), so the rule-words lines are its Indonesian sentences.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import pytest
from oracle_schedules import POLICY_TEXT
from schedgen import rosters, schedules

import flexrules
from flexrules import files

CHECKOUT = Path(__file__).resolve().parents[2]
TWIN = CHECKOUT / "examples" / "id" / "disdukcapil.rules"
GOLDEN = CHECKOUT / "tests" / "golden" / "reports"
UPDATE = os.environ.get("FLEXRULES_UPDATE_GOLDEN") == "1"


@functools.cache
def twin() -> flexrules.Policy:
    return flexrules.compile_policy(TWIN.read_text(encoding="utf-8"), filename="disdukcapil.rules")


@functools.cache
def generated_policy() -> flexrules.Policy:
    return flexrules.compile_policy(POLICY_TEXT, filename="oracle_schedules.rules")


BASE = {
    "unit": "registrasi",
    "kinerja": "baik",
    "golongan": 9,
    "mulai menjabat": "2019-08-01",
    "dalam masa percobaan": False,
    "sedang menjalani hukuman disiplin": False,
    "dalam keadaan khusus": False,
}
DESK = {**BASE, "jabatan": "loket layanan", "jenis tugas": "pelayanan publik"}
SARI = {**DESK, "id": "E-042", "name": "Sari"}
AGUS = {**DESK, "id": "E-043", "name": "Agus"}
BUDI = {
    **BASE,
    "id": "E-107",
    "name": "Budi",
    "jabatan": "staf keuangan",
    "jenis tugas": "keuangan",
}
RINA = {**BASE, "id": "E-215", "name": "Rina", "jabatan": "staf administrasi"}
RINA["jenis tugas"] = "administrasi"


def shift(start: str, end: str, location: str, day: str = "2025-07-07") -> dict[str, str]:
    return {"start": f"{day}T{start}", "end": f"{day}T{end}", "location": location}


def section_5_5_roster() -> Any:
    """Four employees, one day: a coverage gap, a unit over its share, a short day."""
    return twin().check_roster(
        [
            (SARI, [shift("08:00", "16:00", "office")]),
            (AGUS, [shift("10:00", "16:00", "office")]),
            (BUDI, [shift("08:00", "16:00", "home")]),
            (RINA, [shift("08:00", "16:00", "anywhere")]),
        ],
        ("2025-07-07", "2025-07-07"),
    )


R10_WORDS = "paling sedikit 2 petugas loket layanan wajib berada di kantor selama jam layanan"
R11_WORDS = "paling banyak 30% dari pegawai di setiap unit dapat bekerja jarak jauh per hari"
R9_WORDS = "pegawai wajib bekerja paling sedikit 7,5 jam per hari kerja di luar Ramadan"


def test_the_roster_of_section_5_5() -> None:
    assert section_5_5_roster().explain(language="id").splitlines() == [
        "TIDAK DIIZINKAN  jadwal 4 pegawai, Senin 7 Juli 2025 s.d. Senin 7 Juli 2025 (WIB)",
        "  Kerja fleksibel Disdukcapil (versi 2025.1)",
        "  4 sif, 0 ditolak; 1 kekurangan petugas; 1 kelompok melebihi porsinya; 1 pegawai "
        "perlu ditindaklanjuti (1 batas dilanggar)",
        "",
        "Per hari (jam WIB; di kantor, di luar kantor, cuti)",
        "Senin 7 Juli 2025  di kantor 2, di rumah 1, di mana saja 1",
        "    di rumah: E-107 Budi",
        "    di mana saja: E-215 Rina",
        '  ! R10 "Cakupan layanan": 08.00-10.00 1 hadir, 2 diperlukan: E-042 Sari',
        f"      aturan: {R10_WORDS} (disdukcapil.rules:67)",
        '  ! R11 "Porsi unit": di registrasi 2 dari 4 tidak di kantor, paling banyak 1 '
        "diizinkan (30%): E-107 Budi, E-215 Rina",
        f"      aturan: {R11_WORDS} (disdukcapil.rules:70)",
        "",
        "Pegawai yang perlu ditindaklanjuti (1)",
        "",
        "  E-043 Agus (unit registrasi)",
        '    ! R9 "Jam kerja": 6 jam kerja pada Senin 7 Juli 2025; paling sedikit 7,5 diwajibkan',
        f"      aturan: {R9_WORDS} (disdukcapil.rules:62)",
    ]


def test_the_violation_messages_of_section_5_5() -> None:
    """Staffing and share in both languages, from the same violation (R10 here counts in each
    unit, as the table's example does)."""
    text = TWIN.read_text(encoding="utf-8").replace(
        "paling sedikit 2 petugas loket layanan wajib",
        "paling sedikit 2 petugas loket layanan di setiap unit wajib",
    )
    policy = flexrules.compile_policy(text, filename="disdukcapil.rules")
    report = policy.check_roster(
        [
            (SARI, [shift("08:00", "16:00", "office")]),
            (AGUS, [shift("10:00", "16:00", "office")]),
            (BUDI, [shift("08:00", "16:00", "home")]),
            (RINA, [shift("08:00", "16:00", "anywhere")]),
        ],
        ("2025-07-07", "2025-07-07"),
    )
    by_kind = {v.kind: v for v in report.violations}
    assert (
        by_kind["staffing"].message
        == by_kind["staffing"].message_for("id")
        == (
            'Senin 7 Juli 2025 08.00-10.00 di unit "registrasi": 1 hadir (E-042), paling sedikit '
            "2 diperlukan untuk kerja di kantor"
        )
    )
    assert by_kind["staffing"].message_for("en") == (
        'Mon 2025-07-07 08:00-10:00 in unit "registrasi": 1 present (E-042), at least 2 needed '
        "for on-site work"
    )
    assert by_kind["share"].message_for("id") == (
        'Senin 7 Juli 2025: 2 dari 4 pada unit "registrasi" tidak di kantor untuk kerja jarak '
        "jauh (E-107, E-215); paling banyak 1 diizinkan (30%)"
    )
    assert by_kind["share"].message_for("en") == (
        'Mon 2025-07-07: 2 of 4 of unit "registrasi" away for remote work (E-107, E-215); at '
        "most 1 allowed (30%)"
    )
    nobody = twin().check_roster([(SARI, [])], ("2025-07-07", "2025-07-07"))
    gap = next(v for v in nobody.violations if v.kind == "staffing")
    assert "0 hadir (tidak ada)" in gap.message_for("id")
    assert "0 present (nobody)" in gap.message_for("en")


def test_the_policy_s_language_is_the_default_and_another_is_refused() -> None:
    report = section_5_5_roster()
    assert report.language == "id" and report.explain() == report.explain(language="id")
    with pytest.raises(ValueError, match="language must be"):
        report.explain(language="ms")
    with pytest.raises(ValueError, match="language must be"):
        report.to_dict(language="ms")
    with pytest.raises(ValueError, match="language must be"):
        report.violations[0].message_for("ms")


def without_messages(document: Any) -> Any:
    """A `to_dict()` document with its message strings and language left out."""
    if isinstance(document, dict):
        return {
            key: without_messages(value)
            for key, value in document.items()
            if key not in ("message", "language")
        }
    if isinstance(document, list):
        return [without_messages(item) for item in document]
    return document


def same_but_for_words(report: Any, pieces: bool = True) -> None:
    """Both languages render, line for line; `to_dict` differs only in its message strings,
    which follow the language asked for."""
    for options in ({}, {"summary": True}):
        english = report.explain(language="en", **options).splitlines()
        indonesian = report.explain(language="id", **options).splitlines()
        assert len(english) == len(indonesian)
        assert [line == "" for line in english] == [line == "" for line in indonesian]
    en = report.to_dict(language="en", pieces=pieces)
    id_ = report.to_dict(language="id", pieces=pieces)
    assert (en["language"], id_["language"]) == ("en", "id")
    assert without_messages(en) == without_messages(id_)
    assert [v["message"] for v in id_["violations"]] == [
        v.message_for("id") for v in report.violations
    ]
    assert [u["message"] for u in id_["not_checked"]] == [
        u.message_for("id") for u in report.not_checked
    ]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [11])
def test_generated_schedules_and_rosters_read_alike_in_both_languages(seed: int) -> None:
    """Generated by the oracle comparison's generator: holidays, Ramadan, leave, overnight and
    remote streaks, unknown facts; staffing and shares over units, with and without periods."""
    policy = generated_policy()
    for case in schedules(seed, 4):
        report = policy.check(
            case["employee"], case["shifts"], period=case["period"], absences=case["absences"]
        )
        same_but_for_words(report)
    (case,) = rosters(seed, 1)
    items = [flexrules.Schedule(e, shifts, absences=a) for e, shifts, a in case["schedules"]]
    same_but_for_words(policy.check_roster(items, period=case["period"]))
    same_but_for_words(policy.check_roster(items))  # no period: what could not be checked


# ---- golden reports ---------------------------------------------------------------------------

SCHEDULE_POLICY = """policy "Jadwal" version "7" timezone WITA.
employees have: unit: text, siap: yes or no.
working days: Monday to Friday.
holidays: Indonesia.
hours jam inti: Monday to Friday 09:00 to 11:00.
rule W1 "Dua hari": employees must not work from home more than 2 days per week
  unless they are siap.
rule W2 "Jam mingguan" citing "Perpres 21/2023": employees must work at least 37.5 hours per week.
rule W3: employees must not work more than 9 hours per day.
rule W4: employees must be on-site at least 1 day per week.
rule C1 "Jam inti": employees must work during jam inti.
rule S1 "Mulai": employees must start work between 07:00 and 08:30 on working days.
rule R: employees may work.
rule H: employees must be on-site on Fridays.
"""


@functools.cache
def golden_schedule() -> Any:
    """One week with a holiday, leave, a denied shift, every kind of limit and presence
    violation, and an unknown fact that makes a limit bind."""
    policy = flexrules.compile_policy(SCHEDULE_POLICY, filename="jadwal.rules")
    days = [
        ("2025-08-11", "07:30", "17:30", "home"),
        ("2025-08-12", "10:00", "16:00", "home"),
        ("2025-08-13", "08:00", "16:00", "home"),
        ("2025-08-15", "08:00", "12:00", "home"),
    ]
    shifts = [shift(a, b, where, day) for day, a, b, where in days]
    employee = {"id": "W-9", "name": "Wayan", "unit": "keuangan", "timezone": "Asia/Makassar"}
    return policy.check(employee, shifts, ("2025-08-11", "2025-08-17"), ["2025-08-14"])


@functools.cache
def example_roster() -> Any:
    """The bundled July 2025 roster (`flexrules demo`): 44 staff, five mistakes planted."""
    policy = flexrules.load_policy(CHECKOUT / "examples" / "disdukcapil.rules")
    folder = CHECKOUT / "examples" / "roster"
    roster = files.read_roster(
        folder / "employees.csv", folder / "shifts.csv", policy, folder / "leave.csv"
    )
    return policy.check_roster(roster.schedules(), ("2025-07-01", "2025-07-31"))


GOLDEN_CASES = {
    "section-5-5-roster": lambda language: section_5_5_roster().explain(language=language),
    "schedule-every-violation": lambda language: golden_schedule().explain(language=language),
    "example-roster-first-days": lambda language: example_roster().explain(
        first_days=3, language=language
    ),
    "roster-without-a-period": lambda language: (
        twin()
        .check_roster([(SARI, [shift("08:00", "16:00", "office")]), (BUDI, [])])
        .explain(language=language)
    ),
}


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_report(name: str, language: str) -> None:
    """`tests/golden/reports/NAME.LANG.txt` is the report's text, exactly; regenerate with
    FLEXRULES_UPDATE_GOLDEN=1 and read every change before committing it."""
    path = GOLDEN / f"{name}.{language}.txt"
    text = GOLDEN_CASES[name](language) + "\n"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text.splitlines() == path.read_text(encoding="utf-8").splitlines()


def test_golden_reports_say_the_same_in_both_languages() -> None:
    same_but_for_words(golden_schedule())
    same_but_for_words(example_roster(), pieces=False)


def test_a_fractional_share_is_written_as_a_number_in_each_language() -> None:
    """`(12.5%)`, `(12,5%)`; it read `(25/2%)` before the catalog."""
    policy = flexrules.compile_policy(
        'policy "S". rule R: employees may work.\n'
        "rule S: at most 12.5% of employees may work from home per day."
    )
    people = [({"id": f"E{i}"}, [shift("08:00", "12:00", "home")]) for i in range(2)]
    (violation,) = policy.check_roster(people, ("2025-07-07", "2025-07-07")).violations
    assert violation.message_for("en").endswith("at most 0 allowed (12.5%)")
    assert violation.message_for("id").endswith("paling banyak 0 diizinkan (12,5%)")
