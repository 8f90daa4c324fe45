"""Diagnostics in either language (LANGUAGE-ID.md §6): prose in the language asked for, policy
text in the language of the file, the frame and the count from the catalog, and the
Indonesian traps' own pieces (spelled numbers, zone suffixes)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from flexrules import PolicyError, cli, compile_policy
from flexrules.core.diagnostics import Diagnostic, Severity, error, render_text
from flexrules.core.messages import Code, Text, Zone
from flexrules.core.source import SourceFile, Span
from flexrules.language.checks.indonesian import DEFAULT_ZONE, suffix_agrees
from flexrules.language.terbilang import matches, spelled, terbilang
from flexrules.policy import DEFAULT_TIMEZONE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cli"
BROKEN = "rule R1: employees may work remotely more than 2 days per week.\n"


def broken() -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        compile_policy(BROKEN, "contoh.rules")
    return caught.value


def test_english_stays_as_it_was_and_indonesian_prose_keeps_english_code() -> None:
    """An English file read with Indonesian prose: the keywords it must write stay English."""
    problem = broken()
    assert problem.render() == str(problem)
    assert problem.render("en").splitlines()[0] == (
        "error[bad-statement]: `may` never takes a limit"
    )
    indonesian = problem.render("id")
    assert indonesian.splitlines()[0] == "kesalahan[bad-statement]: `may` tidak pernah memuat batas"
    assert "  = saran: gunakan `must not ... more than` atau `must ... at least`" in indonesian
    assert indonesian.endswith("\n\n1 kesalahan ditemukan")


def test_a_diagnostic_about_an_indonesian_file_writes_its_code_in_indonesian() -> None:
    """Read in English, a diagnostic about an Indonesian file still shows Indonesian code."""
    diagnostic = broken().diagnostics[0].in_language("id")
    assert diagnostic.message == "`dapat` tidak pernah memuat batas"
    assert diagnostic.message_for("en") == "`dapat` never takes a limit"
    assert diagnostic.hint_for("en") == (
        "use `dilarang ... lebih dari` or `wajib ... paling sedikit`"
    )
    assert diagnostic.render("en").startswith("error[bad-statement]: `dapat` never takes")
    assert diagnostic.key == "diag.form.may_limit" and diagnostic.args == {}


def test_to_dict_names_its_language_and_keeps_its_code() -> None:
    diagnostic = broken().diagnostics[0]
    english, indonesian = diagnostic.to_dict(), diagnostic.to_dict("id")
    assert english["language"] == "en" and indonesian["language"] == "id"
    assert english["code"] == indonesian["code"] == "bad-statement"
    assert indonesian["message"] == "`may` tidak pernah memuat batas"
    with pytest.raises(ValueError, match="language must be"):
        diagnostic.render("fr")


def test_the_closing_count_joins_errors_and_warnings_in_each_language() -> None:
    source = SourceFile("a.rules", "x")
    found = [
        error("syntax", Text("diag.missing_period"), Span(source, 0, 1)),
        Diagnostic(Severity.WARNING, "w", "plain text stays as given", None, file_name="a.rules"),
        Diagnostic(Severity.WARNING, "w", "plain text stays as given", None, file_name="a.rules"),
    ]
    assert render_text(found).endswith("1 error and 2 warnings found")
    assert render_text(found, "id").endswith("1 kesalahan dan 2 peringatan ditemukan")
    assert "peringatan[w]: plain text stays as given" in render_text(found, "id")


def test_diagnostics_compare_by_what_they_say() -> None:
    first, second = broken().diagnostics[0], broken().diagnostics[0]
    assert first == second and hash(first) == hash(second)
    assert first != first.in_language("id")


def test_a_code_value_renders_in_the_file_language_inside_any_prose() -> None:
    source = SourceFile("contoh.rules", "15.00 WITA")
    hint = Text("diag.zone_suffix.hint", suffix="WITA", timezone=Code("code.clause.timezone"))
    message = Text("diag.zone_suffix", suffix="WITA", zone=Zone("Asia/Jakarta"))
    diagnostic = error("zone-suffix", message, Span(source, 6, 10), hint).in_language("id")
    assert diagnostic.message == "`WITA` tidak sesuai dengan zona waktu kebijakan ini (WIB)"
    assert diagnostic.message_for("en") == (
        "`WITA` does not agree with this policy's time zone (Asia/Jakarta)"
    )
    assert "change `zona waktu` in the policy header" in (diagnostic.hint_for("en") or "")


def test_check_prints_in_the_language_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--lang", "id", str(FIXTURES / "broken.rules")]) == 1
    out = capsys.readouterr().out
    assert out.startswith("kesalahan[") and "ditemukan" in out
    last = out.splitlines()[-1]
    assert last.startswith(str(FIXTURES / "broken.rules") + ": gagal (") and last.endswith(
        " kesalahan)"
    )
    assert cli.main(["check", "--lang", "id", str(FIXTURES / "clean.rules")]) == 0
    assert (
        capsys.readouterr()
        .out.rstrip()
        .endswith("clean.rules: baik (13 aturan, 2 kelompok, 2 pola jam, 1 himpunan tanggal)")
    )
    assert cli.main(["check", "--json", "--lang", "id", str(FIXTURES / "broken.rules")]) == 1
    document = json.loads(capsys.readouterr().out)
    assert {d["language"] for d in document[0]["diagnostics"]} == {"id"}


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (15, "lima belas"),
        (30, "tiga puluh"),
        (100, "seratus"),
        (111, "seratus sebelas"),
        (250, "dua ratus lima puluh"),
        (1000, "seribu"),
        (2025, "dua ribu dua puluh lima"),
        (11_000, "sebelas ribu"),
        (
            999_999,
            "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan",
        ),
    ],
)
def test_terbilang(n: int, words: str) -> None:
    assert terbilang(n) == words


def test_spelled_numbers_as_regulations_write_them() -> None:
    """LANGUAGE-ID.md §2.4: decimals add `koma` and a word a digit; a share may end in
    `persen`; case and spacing do not matter; numbers too large are not checked."""
    assert spelled("37,25") == spelled("37.25") == "tiga puluh tujuh koma dua lima"
    assert matches("7,5", "Tujuh  koma lima")
    assert matches("30", "tiga puluh persen", percent=True)
    assert not matches("30", "tiga puluh persen")
    assert not matches("2", "tiga")
    assert matches("1000000", "anything at all")
    with pytest.raises(ValueError):
        terbilang(1_000_000)


def test_zone_suffixes_name_the_policy_zone() -> None:
    assert DEFAULT_ZONE == DEFAULT_TIMEZONE
    assert suffix_agrees("WIB", "Asia/Jakarta") and suffix_agrees("wita", "Asia/Makassar")
    assert not suffix_agrees("WITA", "Asia/Jakarta")
    assert not suffix_agrees("WIB", "Europe/Amsterdam")


def test_a_number_in_a_message_uses_the_language_s_decimal_mark() -> None:
    text = Text("diag.decimal_comma", written="9,10", value=Fraction("9.10"))
    assert text.render("id") == "`9,10` dibaca sebagai satu angka desimal (9,1)"
    assert text.render("en") == "`9,10` is read as one decimal number (9.1)"


def test_a_suggestion_is_policy_text_in_the_file_s_language() -> None:
    """What an editor would put in place of the text at fault is written as the file is."""
    for text, suggestion in (
        (
            "pegawai memiliki: dalam masa percobaan: ya atau tidak.\n"
            "aturan R1: dalam masa percobaan wajib berada di kantor.\n",
            "pegawai yang dalam masa percobaan",
        ),
        (
            "employees have: on probation: yes or no.\nrule R1: on probation must be on-site.\n",
            "employees who are on probation",
        ),
    ):
        with pytest.raises(PolicyError) as caught:
            compile_policy(text, "a.rules")
        (diagnostic,) = caught.value.diagnostics
        assert diagnostic.suggestion == suggestion
        assert diagnostic.to_dict("en")["suggestion"] == suggestion
