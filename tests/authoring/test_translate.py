"""`flexrules translate` (LANGUAGE-ID.md §7): each Indonesian example translates to a tree
equal to its English twin and back; generated policies of both languages round-trip (§8.3);
every example and golden policy translates both ways; the command's exit codes."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import id_strategies
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import Generated, policies, render

import flexrules
from flexrules import cli
from flexrules.authoring.translation import translate, translate_text
from flexrules.core.source import SourceFile
from flexrules.language import ast
from flexrules.language.parse import parse_file
from flexrules.language.render import render_with
from flexrules.language.render.quoting import names_to_quote
from flexrules.language.render.writer import Writer

CHECKOUT = Path(__file__).resolve().parents[2]
EXAMPLES_ID = CHECKOUT / "examples" / "id"
PAIRS = ("disdukcapil", "lumajang")
POLICY_FILES = sorted(
    [*(CHECKOUT / "examples").rglob("*.rules"), *(CHECKOUT / "tests").rglob("*.rules")]
)


def parsed(text: str, language: str | None = None) -> ast.PolicyFile:
    file, problems = parse_file(SourceFile("t.rules", text), language)
    assert not [p for p in problems if p.is_error], [p.render() for p in problems]
    return file


def comments(file: ast.PolicyFile) -> list[str]:
    return [c.text.rstrip() for c in file.comments]


def assert_round_trip(text: str, to: str) -> str:
    """translate(P, to) parses in `to` to P's tree, with P's comments, and translating it
    back gives P's tree again (§7 Guarantees)."""
    original = parsed(text)
    there = flexrules.translate(text, to=to)
    translated = parsed(there)
    assert translated.language == to, there
    assert translated.declarations == original.declarations, there
    assert comments(translated) == comments(original), there
    back = flexrules.translate(there, to=original.language)
    assert parsed(back).declarations == original.declarations, back
    return there


@pytest.mark.parametrize("name", PAIRS)
def test_each_indonesian_example_translates_to_its_english_twin(name: str) -> None:
    indonesian = (EXAMPLES_ID / f"{name}.rules").read_text(encoding="utf-8")
    english = (EXAMPLES_ID / "en" / f"{name}.rules").read_text(encoding="utf-8")
    into_english = parsed(flexrules.translate(indonesian, to="en"))
    into_indonesian = parsed(flexrules.translate(english, to="id"))
    assert (into_english.language, into_indonesian.language) == ("en", "id")
    assert into_english.declarations == parsed(english).declarations
    assert into_indonesian.declarations == parsed(indonesian).declarations
    assert comments(into_english) == comments(parsed(indonesian))


def test_the_translation_reads_as_the_spec_writes_it() -> None:
    """§7's canonical phrases and literals, and §7.1's first round trip (laid out as `fmt`
    lays out: a sentence over 100 columns continues on the next line)."""
    english = (
        "# Counter rule.\n"
        "hours service hours: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 11:30, "
        "except holidays.\n"
        'rule R1 "Service desk stays on site": service desk staff must be on-site during '
        "service hours.\n"
    )
    indonesian = assert_round_trip(english, "id")
    assert indonesian == (
        "# Counter rule.\n"
        "pola jam service hours:\n"
        "  Senin sampai Kamis 08.00 sampai 15.00, Jumat 08.00 sampai 11.30, kecuali hari libur.\n\n"
        'aturan R1 "Service desk stays on site":\n'
        "  service desk staff wajib berada di kantor selama service hours.\n"
    )
    rule = (
        "employees have: job type: text, grade: number, position start: date.\n"
        "shifts have: approved: yes or no.\n"
        'rule R6: employees whose job type is "technical" and whose grade is at least 9\n'
        "  may work from home if the shift is approved.\n"
        'rule R3b "New in post": employees whose position start is less than 12 months ago '
        "must be on-site.\n"
        "rule R9: employees must work at least 7.5 hours per working day from 2025-07-07.\n"
    )
    text = assert_round_trip(rule, "id")
    assert 'pegawai yang job typenya "technical" dan gradenya paling rendah 9' in text
    assert "jika sif approved" in text
    assert "position startnya kurang dari 12 bulan yang lalu" in text
    assert "paling sedikit 7,5 jam per hari kerja mulai 7 Juli 2025" in text
    header = 'policy "P" version "1" effective from 2025-07-01 until 2025-12-31.\n'
    assert "berlaku mulai 1 Juli 2025 sampai 31 Desember 2025" in assert_round_trip(header, "id")
    friday = "aturan R7: pegawai dapat bekerja dari rumah pada hari Jumat.\n"
    assert assert_round_trip(friday, "en") == "rule R7: employees may work from home on Fridays.\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", POLICY_FILES, ids=[str(p.relative_to(CHECKOUT)) for p in POLICY_FILES]
)
def test_every_example_and_golden_policy_translates_both_ways(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if parse_file(SourceFile(path.name, text))[0].declarations == ():
        return
    for to in ("en", "id"):
        result = translate_text(text, to, path.name)
        if result.text is None:  # syntax errors (golden diagnostics): refused, said why
            assert result.diagnostics
            return
        assert_round_trip(text, to)


GENERATED = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.slow
@GENERATED
@given(policies(max_rules=5))
def test_generated_english_policies_round_trip_through_indonesian(generated: Generated) -> None:
    assert_round_trip(render(generated.items), "id")


@pytest.mark.slow
@GENERATED
@given(id_strategies.policies())
def test_generated_indonesian_policies_round_trip_through_english(
    pair: tuple[str, str],
) -> None:
    ours, theirs = pair
    english = assert_round_trip(ours, "en")
    assert parsed(english).declarations == parsed(theirs).declarations


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(policies(), id_strategies.policies())
def test_many_generated_policies_round_trip(generated: Generated, pair: tuple[str, str]) -> None:
    assert_round_trip(render(generated.items), "id")
    assert_round_trip(pair[0], "en")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_the_command_prints_writes_and_mirrors_folders(tmp_path: Path) -> None:
    source = EXAMPLES_ID / "disdukcapil.rules"
    code, out, _ = run("translate", str(source), "--to", "en")
    assert code == 0 and out.startswith("# Kerja fleksibel")
    assert parsed(out).declarations == parsed(source.read_text(encoding="utf-8")).declarations
    target = tmp_path / "one.rules"
    assert run("translate", str(source), "--to", "en", "--out", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == out
    folder = tmp_path / "en"
    code, _, _ = run("translate", str(EXAMPLES_ID), "--to", "en", "--out", str(folder))
    assert code == 0
    assert (folder / "en" / "lumajang.rules").is_file()
    assert parsed((folder / "lumajang.rules").read_text(encoding="utf-8")).language == "en"
    copy = tmp_path / "copy.rules"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("translate", str(copy), "--to", "en", "--write")[0] == 0
    assert copy.read_text(encoding="utf-8") == out


def test_the_command_exit_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.rules"
    broken.write_text("aturan R1: pegawai wajb berada di kantor.\n", encoding="utf-8")
    code, out, err = run("translate", str(broken), "--to", "en", "--out", str(tmp_path / "x"))
    assert (code, out) == (1, "") and "[syntax]" in err
    assert not (tmp_path / "x").exists()
    assert run("translate", str(tmp_path / "missing.rules"), "--to", "id")[0] == 2
    assert run("translate", str(broken), "--to", "fr")[0] == 2
    code, _, err = run("translate", str(EXAMPLES_ID), "--to", "en")  # a folder needs --out
    assert code == 2 and "--out" in err

    def not_alike(*_: object) -> bool:
        return False

    monkeypatch.setattr("flexrules.authoring.translation.same_tree", not_alike)
    code, out, err = run("translate", str(EXAMPLES_ID / "lumajang.rules"), "--to", "en")
    assert (code, out) == (3, "") and "internal error" in err


def test_standard_input_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"aturan R7: pegawai dapat berada di kantor.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run("translate", "-", "--to", "en")
    assert (code, out) == (0, "rule R7: employees may be on-site.\n")


def test_a_version_s_effective_dates_translate_both_ways() -> None:
    """`effective from ... until ...` (DATA.md §5) is `berlaku mulai ... sampai ...`."""
    english = (
        'policy "V" version "2" effective from 2025-06-01 until 2025-12-31.\n'
        "employees have: role: text.\n"
        "rule R1: employees may work from home.\n"
    )
    indonesian = translate(english, "id")
    assert "berlaku mulai 1 Juni 2025 sampai 31 Desember 2025." in indonesian
    policy = flexrules.compile_policy(indonesian)
    assert (policy.effective_from, policy.effective_until) == (
        flexrules.compile_policy(english).effective_from,
        flexrules.compile_policy(english).effective_until,
    )
    assert "effective from 2025-06-01 until 2025-12-31." in translate(indonesian, "en")


# ---- backquotes: exactly where §3.8 reserves a word (LANGUAGE-ID.md §7) ----------------------


def reserved_word_warnings(text: str) -> list[str]:
    try:
        found = flexrules.compile_policy(text, filename="t.rules").diagnostics
    except flexrules.PolicyError as exc:
        found = tuple(exc.diagnostics)
    return [d.render() for d in found if d.code == "reserved-word"]


def test_a_name_is_backquoted_only_where_a_word_of_it_is_reserved_for_its_kind() -> None:
    english = (
        "employees have: tidak aktif: yes or no, grade: number, jam kerja: text.\n"
        "hours hari kerja pagi: Monday to Friday 07:00 to 12:00.\n"
        "group staf atau honorer: employees whose grade is 9.\n"
        'group staf hari kerja: employees whose jam kerja is "pagi".\n'
        "rule R1: staf atau honorer may work from home during hari kerja pagi\n"
        "  unless they are tidak aktif.\n"
        "rule R2: staf hari kerja must be on-site.\n"
    )
    indonesian = assert_round_trip(english, "id")
    # `tidak` may not start a yes/no attribute, `atau` stand inside a group name: quoted at
    # every use and where declared; `jam kerja`, `hari kerja pagi`, `staf hari kerja` hold
    # keyword words reserved for no kind of name they stand as: bare
    assert indonesian.count("`tidak aktif`") == 2 and indonesian.count("`staf atau honorer`") == 2
    for bare in ("jam kerja: teks", "pola jam hari kerja pagi:", "selama hari kerja pagi"):
        assert bare in indonesian, indonesian
    assert "kelompok staf hari kerja:" in indonesian and "`staf hari kerja`" not in indonesian
    assert indonesian.count("`") == 8
    assert reserved_word_warnings(indonesian) == []
    # and back: English reserves none of those words, so nothing is quoted
    assert "`" not in flexrules.translate(indonesian, to="en")


def test_a_declared_name_reserved_for_its_kind_is_quoted_though_no_rule_uses_it() -> None:
    """Bare, `pegawai memiliki: tidak aktif: ya atau tidak.` reads back alike, but it would
    draw a `reserved-word` warning: the translation never adds one (§7)."""
    english = "employees have: tidak aktif: yes or no.\nrule R1: employees may be on-site.\n"
    indonesian = assert_round_trip(english, "id")
    assert "`tidak aktif`: ya atau tidak" in indonesian
    assert reserved_word_warnings(indonesian) == []


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(policies(max_rules=4), id_strategies.policies())
def test_translations_quote_by_the_tables_and_add_no_reserved_word_warning(
    generated: Generated, pair: tuple[str, str]
) -> None:
    """Over generated policies both ways: the backquoted names of a translation are exactly
    those `names_to_quote` picks from §3.8's tables (the fallback of quoting every name with
    a keyword word is never needed), and the translation draws no `reserved-word` warning."""
    for text, to in ((render(generated.items), "id"), (pair[0], "en")):
        file = parsed(text)
        chosen = names_to_quote(file.declarations, to)
        there = flexrules.translate(text, to=to)
        assert there == render_with(file, Writer(to, as_written=False, quote_names=chosen))
        assert reserved_word_warnings(there) == []
