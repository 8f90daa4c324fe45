"""Decisions explained in either language (LANGUAGE-ID.md §5): the examples of §5.4 line by
line, the parts of §5.3, holidays named by the `holidays` package in the language asked for
whatever LANG says, and, over generated decisions, both languages render and say the same thing.

The §5.4 examples use the Indonesian policy of §4.1; until it parses, they are reproduced with
examples/id/disdukcapil.rules (§4.1 itself; its English twin examples/id/en/disdukcapil.rules has
the same names and titles; each is in its language's canonical layout, so their lines differ).
Names, titles and a rule's own words are never translated, so only the rule-words lines differ
from §5.4, and the relative date, which reads as the settled English does (`: kurang dari 12
bulan yang lalu (setelah ...)` where §5.4 predates that wording).
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import attrs
import pytest
from casegen import generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import flexrules
from flexrules.clock import calendar
from flexrules.core.messages import Clock, Text

CHECKOUT = Path(__file__).resolve().parents[2]
TWIN = CHECKOUT / "examples" / "id" / "disdukcapil.rules"
ENGLISH_TWIN = CHECKOUT / "examples" / "id" / "en" / "disdukcapil.rules"


@functools.cache
def twin() -> flexrules.Policy:
    return flexrules.compile_policy(TWIN.read_text(encoding="utf-8"), filename="disdukcapil.rules")


@functools.cache
def example(name: str) -> flexrules.Policy:
    return flexrules.load_policy(CHECKOUT / "examples" / name)


BASE = {
    "unit": "registrasi",
    "kinerja": "baik",
    "golongan": 9,
    "mulai menjabat": "2019-08-01",
    "dalam masa percobaan": False,
    "sedang menjalani hukuman disiplin": False,
    "dalam keadaan khusus": False,
}
SARI = {**BASE, "id": "E-042", "name": "Sari", "jabatan": "loket layanan"}
SARI["jenis tugas"] = "pelayanan publik"
JOKO = {"id": "E-301", "name": "Joko", "jabatan": "staf keuangan", "jenis tugas": "keuangan"}
JOKO |= {k: v for k, v in BASE.items() if k != "mulai menjabat"}
BUDI = {**BASE, "id": "E-107", "name": "Budi", "jabatan": "staf keuangan"}
BUDI |= {"jenis tugas": "keuangan", "mulai menjabat": "2024-11-01"}
RINA = {**BASE, "id": "E-215", "name": "Rina", "jabatan": "staf administrasi"}
RINA["jenis tugas"] = "administrasi"

R1_WORDS = "      petugas loket layanan wajib berada di kantor selama jam layanan"
R3B_WORDS = (
    "      pegawai yang mulai menjabatnya kurang dari 12 bulan yang lalu wajib berada di kantor"
)


def home(day: str, start: str, end: str) -> dict[str, str]:
    return {"start": f"{day}T{start}", "end": f"{day}T{end}", "location": "home"}


SECTION_5_4 = [
    (
        SARI,
        home("2025-07-07", "14:00", "17:00"),
        [
            "DITOLAK   E-042 Sari, bekerja dari rumah, Senin 7 Juli 2025 14.00-17.00 (WIB)",
            '  14.00-15.00 ditolak oleh R1 "Loket layanan tetap di kantor" (disdukcapil.rules:36)',
            R1_WORDS,
            '      karena jabatan adalah "loket layanan"; 14.00-15.00 berada dalam jam layanan '
            "(Senin 08.00-15.00)",
            "  15.00-17.00 ditolak: tidak ada aturan yang mengizinkan bekerja dari rumah "
            "(bawaan: ditolak)",
        ],
        [
            "DENIED  E-042 Sari, work from home, Mon 2025-07-07 14:00-17:00 (Asia/Jakarta)",
            '  14:00-15:00 denied by R1 "Loket layanan tetap di kantor" (disdukcapil.rules:36)',
            R1_WORDS,
            '      because jabatan is "loket layanan"; 14:00-15:00 is within jam layanan '
            "(Monday 08:00-15:00)",
            "  15:00-17:00 denied: no rule permits working from home (default deny)",
        ],
    ),
    (
        JOKO,
        home("2025-07-09", "08:00", "12:00"),
        [
            "DITOLAK   E-301 Joko, bekerja dari rumah, Rabu 9 Juli 2025 08.00-12.00 (WIB)",
            '  08.00-12.00 ditolak oleh R3b "Baru menjabat" (disdukcapil.rules:44)',
            R3B_WORDS,
            "      karena aturan ini mungkin berlaku, dan fakta yang tidak diketahui dianggap "
            "memberatkan permohonan: mulai menjabat tidak tercatat",
        ],
        None,
    ),
    (
        BUDI,
        home("2025-07-08", "08:00", "16:00"),
        [
            "DITOLAK   E-107 Budi, bekerja dari rumah, Selasa 8 Juli 2025 08.00-16.00 (WIB)",
            '  08.00-16.00 ditolak oleh R3b "Baru menjabat" (disdukcapil.rules:44)',
            R3B_WORDS,
            "      karena mulai menjabat adalah 1 November 2024: kurang dari 12 bulan yang lalu "
            "(setelah 8 Juli 2024, 12 bulan sebelum 8 Juli 2025)",
        ],
        None,
    ),
    (
        RINA,
        home("2025-05-29", "08:00", "16:00"),
        [
            "DITOLAK   E-215 Rina, bekerja dari rumah, Kamis 29 Mei 2025 08.00-16.00 (WIB)",
            "  08.00-16.00 ditolak: tidak ada aturan yang mengizinkan bekerja dari rumah "
            "(bawaan: ditolak)",
            "      Kamis 29 Mei 2025 adalah hari libur: Kenaikan Yesus Kristus",
        ],
        [
            "DENIED  E-215 Rina, work from home, Thu 2025-05-29 08:00-16:00 (Asia/Jakarta)",
            "  08:00-16:00 denied: no rule permits working from home (default deny)",
            "      Thu 2025-05-29 is a holiday: Ascension Day",
        ],
    ),
]


@pytest.mark.parametrize(
    ("employee", "shift", "indonesian", "english"),
    SECTION_5_4,
    ids=[str(case[0]["name"]) for case in SECTION_5_4],
)
def test_the_examples_of_section_5_4(
    employee: dict[str, Any],
    shift: dict[str, str],
    indonesian: list[str],
    english: list[str] | None,
) -> None:
    decision = twin().decide(employee, shift)
    assert decision.explain(language="id").splitlines() == indonesian
    if english is not None:
        assert decision.explain(language="en").splitlines() == english
    assert decision.explain() == decision.explain(language="id")  # the policy's language


def test_a_reason_message_in_either_language() -> None:
    """§5.3's last row: the unknown fact in the reason's own message."""
    (reason,) = twin().decide(JOKO, home("2025-07-09", "08:00", "12:00")).reasons
    assert reason.message_for("id") == (
        'ditolak oleh R3b "Baru menjabat": aturan ini mungkin berlaku, karena mulai menjabat '
        "tidak tercatat"
    )
    assert reason.message == reason.message_for("id")  # the policy's language
    assert reason.message_for("en") == (
        'denied by R3b "Baru menjabat": it may apply, because mulai menjabat is missing'
    )
    assert reason.unknown_facts == {"mulai menjabat": "is missing"}


UNUSABLE = flexrules.compile_policy(
    """policy "P".
employees have: golongan: number, kinerja: ranked "kurang" < "baik", cuti: yes or no.
rule D1: employees whose golongan is less than 9 must be on-site.
rule D2: employees whose kinerja is at most "kurang" must be on-site.
rule D3: employees who are cuti must be on-site.
rule R: employees may work from home.
"""
)


@pytest.mark.parametrize(
    ("facts", "indonesian", "english"),
    [
        (
            {"golongan": "9"},
            'golongan bernilai "9" (teks), bukan angka',
            'golongan is "9" (text), not a number',
        ),
        (
            {"kinerja": "bagus"},
            'kinerja bernilai "bagus", bukan salah satu dari "kurang", "baik"',
            'kinerja is "bagus", not one of "kurang", "baik"',
        ),
        (
            {"cuti": dt.datetime(2025, 1, 1)},
            "cuti bernilai datetime.datetime(2025, 1, 1, 0, 0) (tanggal dan waktu), "
            "bukan ya atau tidak",
            "cuti is datetime.datetime(2025, 1, 1, 0, 0) (a date and time), not yes or no",
        ),
        ({"cuti": None}, "cuti tidak tercatat", "cuti is missing"),
    ],
)
def test_an_unusable_fact_is_named_in_either_language(
    facts: dict[str, Any], indonesian: str, english: str
) -> None:
    """§5.3: missing, ill-typed and not allowed values, in the reason and in `because`."""
    usable = {"golongan": 10, "kinerja": "baik", "cuti": False}
    decision = UNUSABLE.decide({**usable, **facts}, home("2025-07-08", "08:00", "12:00"))
    (reason,) = decision.reasons
    assert reason.message_for("id").endswith("mungkin berlaku, karena " + indonesian)
    assert reason.message_for("en").endswith("it may apply, because " + english)
    assert decision.explain("id").endswith("dianggap memberatkan permohonan: " + indonesian)
    assert decision.explain("en").endswith("count against the request: " + english)


def test_a_default_allow_and_an_office_shift_read_in_indonesian() -> None:
    policy = flexrules.compile_policy(
        'policy "P" timezone WITA default allow.\nrule R1: employees must not work from home.'
    )
    decision = policy.decide(
        {"id": "A"}, {"start": "2025-07-07T08:00", "end": "2025-07-07T09:30", "location": "office"}
    )
    assert decision.explain(language="id").splitlines() == [
        "DIIZINKAN A, bekerja di kantor, Senin 7 Juli 2025 08.00-09.30 (WITA)",
        "  08.00-09.30 diizinkan: tidak ada aturan yang melarang bekerja di kantor "
        "(bawaan: diizinkan)",
    ]
    anywhere = {"start": "2025-07-07T23:00", "end": "2025-07-08T01:00", "location": "anywhere"}
    decision = policy.decide({}, anywhere)
    assert decision.headline("id") == (
        "DIIZINKAN pegawai, bekerja dari mana saja, Senin 7 Juli 2025 23.00-Selasa 8 Juli 2025 "
        "01.00 (WITA)"
    )
    assert decision.clock(decision.start_seconds, decision.end_seconds, "en") == (
        "23:00-Tue 2025-07-08 01:00"
    )


def test_an_agency_holiday_the_package_does_not_know() -> None:
    policy = flexrules.compile_policy(
        'policy "P". holidays: 2025-07-09.\nrule R1: employees may be on-site on holidays.'
    )
    decision = policy.decide(
        {}, {"start": "2025-07-09T08:00", "end": "2025-07-09T10:00", "location": "office"}
    )
    assert decision.explain("id").splitlines()[-1] == (
        "      Rabu 9 Juli 2025 adalah hari libur: hari libur instansi"
    )
    assert decision.explain("en").splitlines()[-1] == (
        "      Wed 2025-07-09 is a holiday: agency holiday"
    )


def test_an_overnight_run_names_each_holiday_it_touches_once() -> None:
    """16-17 Aug 2025: a Saturday and Independence Day, both declared holidays."""
    policy = flexrules.compile_policy('policy "P". holidays: Indonesia, 2025-08-16.')
    night = {"start": "2025-08-16T22:00", "end": "2025-08-17T02:00", "location": "home"}
    lines = policy.decide({}, night).explain("id").splitlines()
    assert lines[2:] == [
        "      Sabtu 16 Agustus 2025 adalah hari libur: hari libur instansi",
        "      Minggu 17 Agustus 2025 adalah hari libur: Hari Kemerdekaan Republik Indonesia",
    ]


@pytest.mark.parametrize("lang", ["C.UTF-8", None])
def test_holiday_names_follow_the_language_asked_for_whatever_lang_says(
    monkeypatch: pytest.MonkeyPatch, lang: str | None
) -> None:
    """§8.3: without the language passed, `holidays` follows LANG (C.UTF-8: English)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    if lang is not None:
        monkeypatch.setenv("LANG", lang)
    calendar._names.memory.clear()  # type: ignore[attr-defined]
    try:
        assert calendar.holiday_name(dt.date(2025, 3, 31), "id") == "Hari Raya Idul Fitri"
        assert calendar.holiday_name(dt.date(2025, 3, 31), "en") == "Eid al-Fitr"
        assert calendar.holiday_name(dt.date(2025, 4, 2), "id") == (
            "Cuti Bersama Hari Raya Idul Fitri"
        )
        assert calendar.holiday_name(dt.date(2025, 7, 7), "id") is None
    finally:
        calendar._names.memory.clear()  # type: ignore[attr-defined]


def test_another_language_is_refused_by_every_renderer() -> None:
    decision = twin().decide(SARI, home("2025-07-07", "14:00", "17:00"))
    (first, _) = decision.reasons
    for render in (
        decision.explain,
        decision.headline,
        lambda language: decision.to_dict(language=language),
        first.message_for,
        first.because,
    ):
        with pytest.raises(ValueError, match="language must be `en` or `id`, not 'fr'"):
            render("fr")


def test_the_default_is_the_policy_s_language() -> None:
    """`Policy.language` (the language of its files) is what `None` means everywhere."""
    english = flexrules.compile_policy(ENGLISH_TWIN.read_text(encoding="utf-8"))
    assert english.language == english.metadata()["language"] == "en"
    decision = english.decide(SARI, home("2025-07-07", "14:00", "17:00"))
    assert decision.language == "en"
    assert decision.explain() == decision.explain("en")
    # a policy whose files are Indonesian says so in its metadata, which decisions read
    policy = flexrules.compile_policy(TWIN.read_text(encoding="utf-8"))
    assert policy.language == policy.metadata()["language"] == "id"
    decision = policy.decide(SARI, home("2025-07-07", "14:00", "17:00"))
    assert decision.language == "id"
    assert decision.explain() == decision.explain("id")
    assert decision.reasons[0].message == decision.reasons[0].message_for("id")
    assert decision.to_dict()["language"] == "id"


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


POLICIES = ("disdukcapil.rules", "provincial-office.rules", "hospital")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), policy=st.sampled_from(POLICIES))
def test_every_decision_reads_in_both_languages_and_says_the_same(seed: int, policy: str) -> None:
    """Generated cases (missing and ill-typed facts, holidays, midnight, other zones): both
    languages render, line for line, and `to_dict` differs only in its message strings."""
    for employee, shift in generate(seed, 10):
        try:
            decision = example(policy).decide(employee, shift)
        except flexrules.InputError:
            continue
        english, indonesian = decision.explain("en"), decision.explain("id")
        assert len(english.splitlines()) == len(indonesian.splitlines())
        assert indonesian.startswith("DIIZINKAN " if decision.allowed else "DITOLAK   ")
        assert " denied " not in indonesian and " allowed " not in indonesian
        en, id_ = decision.to_dict(language="en"), decision.to_dict(language="id")
        assert (en["language"], id_["language"]) == ("en", "id")
        assert without_messages(en) == without_messages(id_)
        assert [r["message"] for r in en["reasons"]] == [r.message for r in decision.reasons]
        for reason, data in zip(decision.reasons, id_["reasons"], strict=True):
            assert data["message"] == reason.message_for("id")


def test_a_time_reads_as_written_in_its_file_s_language_and_in_catalog_words_in_another() -> None:
    """§5.3: a time part is shown as written in the rule file's language; in the other it is
    worded by the catalog (an Indonesian file is simulated with `written_in="id"`)."""
    policy = flexrules.compile_policy(
        """policy "P".
rule A: employees may work from home on Monday to Thursday, weekends.
rule B: employees may work from home between 21:00 and 07:00.
rule C: employees may work from home from 2025-01-01.
rule D: employees may work from home until 2025-03-30.
"""
    )
    span = Text("clock.span", start=Clock(8 * 3600), end=Clock(9 * 3600))
    expected = {
        "A": ("on Monday to Thursday, weekends", "pada Senin sampai Kamis, akhir pekan"),
        "B": ("between 21:00 and 07:00", "antara pukul 21.00 dan 07.00"),
        "C": ("from 2025-01-01", "mulai 1 Januari 2025"),
        "D": ("until 2025-03-30", "sampai 30 Maret 2025"),
    }
    for rule in policy._decider.rules:
        (words,) = rule.time_words
        english, indonesian = expected[rule.decl.id.text]
        assert words.at(span, 0).render("en") == f"08:00-09:00 is {english}"
        assert words.at(span, 0).render("id") == f"08.00-09.00 {indonesian}"
        written = attrs.evolve(words, text="as written", written_in="id")
        assert written.at(span, 0).render("id") == "08.00-09.00 as written"
        assert written.at(span, 0).render("en") == f"08:00-09:00 is {english}"


def test_a_decision_s_warning_reads_in_either_language() -> None:
    decision = twin().decide(
        {**RINA, "kinrja": "baik"} | {"kinerja": None}, home("2025-07-08", "08:00", "12:00")
    )
    (warning,) = decision.warnings
    assert (
        warning.message
        == warning.message_for("en")
        == (
            "`kinrja` is not an attribute of this policy, and `kinerja` is missing; did you mean "
            "`kinerja`?"
        )
    )
    assert decision.to_dict(language="id")["warnings"][0]["message"] == (
        "`kinrja` bukan atribut kebijakan ini, dan `kinerja` tidak tercatat; mungkin maksudnya "
        "`kinerja`?"
    )
