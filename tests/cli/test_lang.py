"""`--lang en|id` on `decide`, `schedule`, `roster` and `demo`: the same report the library
renders in that language, in text, JSON and CSV; the data never changes with it; without it,
the policy's language."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import flexrules
from flexrules import cli, files

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "examples" / "disdukcapil.rules")
DATA = ROOT / "examples" / "data"
ROSTER = ROOT / "examples" / "roster"
ROSTER_ARGS = [
    POLICY,
    "--employees",
    str(ROSTER / "employees.csv"),
    "--shifts",
    str(ROSTER / "shifts.csv"),
    "--absences",
    str(ROSTER / "leave.csv"),
    "--period",
    "2025-07-10",
    "2025-07-18",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.load_policy(POLICY)


@pytest.fixture
def budi(tmp_path: Path) -> tuple[str, str]:
    """Budi's employee file and two shifts: one from home on a holiday (denied), one allowed."""
    employees = json.loads((DATA / "employees.json").read_text(encoding="utf-8"))
    employee = next(e for e in employees if e["name"] == "Budi")
    shifts = [
        {"start": "2025-12-25T08:00", "end": "2025-12-25T16:00", "location": "home"},
        {"start": "2025-07-09T08:00", "end": "2025-07-09T16:00", "location": "home"},
    ]
    (tmp_path / "budi.json").write_text(json.dumps(employee), encoding="utf-8")
    (tmp_path / "shifts.json").write_text(json.dumps(shifts), encoding="utf-8")
    return str(tmp_path / "budi.json"), str(tmp_path / "shifts.json")


def test_decide_in_indonesian_is_the_library_s_explanation(
    capsys: pytest.CaptureFixture[str], policy: flexrules.Policy, budi: tuple[str, str]
) -> None:
    employee, shifts = budi
    code, out, _ = run(
        capsys, "decide", POLICY, "--employee", employee, "--shift", shifts, "--lang", "id"
    )
    assert code == 0
    person = json.loads(Path(employee).read_text(encoding="utf-8"))
    requests = json.loads(Path(shifts).read_text(encoding="utf-8"))
    expected = "\n\n".join(policy.decide(person, s).explain("id") for s in requests)
    assert out == expected + "\n"
    assert "Kamis 25 Desember 2025 adalah hari libur: Hari Raya Natal" in out
    code, english, _ = run(capsys, "decide", POLICY, "--employee", employee, "--shift", shifts)
    assert english == "\n\n".join(policy.decide(person, s).explain("en") for s in requests) + "\n"


def test_decide_json_and_csv_keep_their_data_and_translate_their_messages(
    capsys: pytest.CaptureFixture[str], budi: tuple[str, str]
) -> None:
    employee, shifts = budi
    base = ["decide", POLICY, "--employee", employee, "--shift", shifts]
    documents = {}
    for language in ("en", "id"):
        _, out, _ = run(capsys, *base, "--format", "json", "--lang", language)
        documents[language] = json.loads(out)
        assert [d["language"] for d in documents[language]] == [language, language]
    en, id_ = documents["en"], documents["id"]
    assert en[0]["reasons"][0]["message"] == "no rule permits working from home (default deny)"
    assert id_[0]["reasons"][0]["message"] == (
        "tidak ada aturan yang mengizinkan bekerja dari rumah (bawaan: ditolak)"
    )
    for document in (*en, *id_):
        document.pop("language")
        for reason in [
            *document["reasons"],
            *(r for p in document["pieces"] for r in p["reasons"]),
        ]:
            reason.pop("message")
    assert en == id_
    _, out, _ = run(capsys, *base, "--format", "csv", "--lang", "id")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["allowed"] for row in rows] == ["no", "yes"]  # data, not words
    assert rows[0]["reasons"] == (
        "08.00-16.00 tidak ada aturan yang mengizinkan bekerja dari rumah (bawaan: ditolak)"
    )


def test_schedule_in_indonesian_in_each_format(
    capsys: pytest.CaptureFixture[str], policy: flexrules.Policy, budi: tuple[str, str]
) -> None:
    employee, shifts = budi
    base = ["schedule", POLICY, "--schedule", shifts, "--employee", employee]
    code, out, _ = run(capsys, *base, "--lang", "id")
    assert code == 0
    person = json.loads(Path(employee).read_text(encoding="utf-8"))
    report = policy.check(person, json.loads(Path(shifts).read_text(encoding="utf-8")))
    assert out == report.explain(language="id") + "\n"
    assert out.startswith("TIDAK DIIZINKAN  jadwal E-107 Budi (WIB): 2 sif, 1 ditolak")
    _, out, _ = run(capsys, *base, "--lang", "id", "--format", "json")
    assert json.loads(out)["language"] == "id"
    _, out, _ = run(capsys, *base, "--lang", "en", "--summary")
    assert out == report.explain(summary=True, language="en") + "\n"


def test_roster_in_indonesian_in_each_format(
    capsys: pytest.CaptureFixture[str], policy: flexrules.Policy
) -> None:
    roster = files.read_roster(
        ROSTER / "employees.csv", ROSTER / "shifts.csv", policy, ROSTER / "leave.csv"
    )
    report = policy.check_roster(roster.schedules(), ("2025-07-10", "2025-07-18"))
    code, out, _ = run(capsys, "roster", *ROSTER_ARGS, "--lang", "id", "--violations-only")
    assert code == 0
    assert out == report.explain(first_days=0, language="id") + "\n"
    assert "Per hari (jam WIB; di kantor, di luar kantor, cuti)" in out
    _, out, _ = run(capsys, "roster", *ROSTER_ARGS, "--lang", "id", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["message"] for row in rows] == [v.message_for("id") for v in report.violations]
    assert any("paling sedikit 2 diperlukan untuk kerja di kantor" in r["message"] for r in rows)


def test_messages_of_the_command_itself(
    capsys: pytest.CaptureFixture[str], budi: tuple[str, str], tmp_path: Path
) -> None:
    employee, shifts = budi
    base = ["decide", POLICY, "--employee", employee, "--shift", shifts, "--lang", "id"]
    code, _, err = run(capsys, *base, "--json")
    assert err == "catatan: --json sudah usang; gunakan --format json\n"
    broken = tmp_path / "broken.rules"
    broken.write_text('policy "B".\nrule R1: employees must.\n', encoding="utf-8")
    base[1] = str(broken)
    code, _, err = run(capsys, *base)
    assert code == 1
    assert err.endswith(f"kesalahan: kebijakan `{broken}` memiliki 1 kesalahan\n")
    code, _, err = run(
        capsys, "decide", POLICY, "--employee", employee, "--shift", shifts, "--lang", "fr"
    )
    assert code == 2 and "invalid choice: 'fr'" in err


def test_demo_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    """The Indonesian example policy (examples/id/disdukcapil.rules, LANGUAGE-ID.md §4.1) and
    its sample data, explained in Indonesian; the month's roster is the Indonesian example's
    (examples/id/roster); every line the demo prints itself is Indonesian too."""
    code, out, _ = run(capsys, "demo", "--lang", "id")
    assert code == 0
    assert "== Kerja fleksibel Disdukcapil (versi 2025.1)" in out
    summary = "   id/disdukcapil.rules: WIB, bawaan ditolak; 13 aturan, 2 kelompok, 2 pola jam, "
    assert summary in out
    assert (
        '\nR8 "Batas hari kerja jarak jauh"  [batas hari paling banyak]  '
        "(id/disdukcapil.rules:58)\n" in out
    )
    assert "    berdasarkan PermenPANRB 4/2025 Pasal 13\n" in out
    assert "== Contoh keputusan (examples/id/data/shifts.json)" in out
    assert "DITOLAK   E-042 Sari, bekerja dari rumah, Senin 7 Juli 2025 14.00-17.00 (WIB)" in out
    assert "      petugas loket layanan wajib berada di kantor selama jam layanan\n" in out
    assert "--period 2025-07-01 2025-07-31 --lang id\n" in out
    assert "TIDAK DIIZINKAN  jadwal 44 pegawai, Selasa 1 Juli 2025 s.d. Kamis 31 Juli 2025" in out
    assert "== Juga disertakan (diperiksa, tanpa kesalahan)" in out
    assert "   disdukcapil.rules: " in out and "   id/lumajang.rules: " in out
    ours = "\n".join(line for line in out.splitlines() if not line.startswith("# "))  # notes
    for english in ("DENIED", "ALLOWED", " denied by ", "Day by day", "citing", "== Also"):
        assert english not in ours
