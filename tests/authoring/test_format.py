"""`flexrules fmt` (AUTHORING.md §2): idempotent and meaning-preserving over generated
policies, grammar walks and every example and golden policy; comments kept in order; a file
that does not parse left untouched."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from id_strategies import policies as indonesian_policies
from strategies import Generated, grammar_sentences, layouts, policies, render

import flexrules
from flexrules import cli
from flexrules.authoring.formatting import format_text
from flexrules.core.source import SourceFile
from flexrules.language.meaning import meaning_digest
from flexrules.language.parse import parse_file
from flexrules.language.render.layout import WIDTH

CHECKOUT = Path(__file__).resolve().parents[2]
POLICY_FILES = sorted(
    [*(CHECKOUT / "examples").rglob("*.rules"), *(CHECKOUT / "tests").rglob("*.rules")]
)


def tree(text: str) -> tuple[object, ...]:
    file, _ = parse_file(SourceFile("t.rules", text))
    return file.declarations


def meaning(text: str) -> str:
    """The digest `Policy.meaning` is made of, for a text that parses (checks aside)."""
    return meaning_digest([parse_file(SourceFile("t.rules", text))[0]], "any")


def comments(text: str) -> list[str]:
    file, _ = parse_file(SourceFile("t.rules", text))
    return [c.text.rstrip() for c in file.comments]


def assert_canonical(text: str) -> str:
    """fmt(text) parses to the same tree with the same comments, and fmt(fmt(text)) is it."""
    once = format_text(text)
    assert once.text is not None, [d.render() for d in once.diagnostics]
    assert tree(once.text) == tree(text), once.text
    assert comments(once.text) == comments(text), once.text
    twice = format_text(once.text)
    assert twice.text == once.text, once.text
    return once.text


def shifts() -> list[flexrules.Shift]:
    day = dt.datetime(2025, 7, 7)
    return [
        flexrules.Shift(day + dt.timedelta(hours=h), day + dt.timedelta(hours=h + 8), place)
        for h in (1, 8, 14, 20)
        for place in ("office", "home", "anywhere")
    ]


def assert_same_meaning(text: str, formatted: str, employees: list[dict[str, object]]) -> None:
    before = flexrules.compile_policy(text, filename="p.rules")
    after = flexrules.compile_policy(formatted, filename="p.rules")
    assert after.meaning == before.meaning
    for employee in employees:
        for shift in shifts():
            a, b = before.decide(employee, shift), after.decide(employee, shift)
            assert (a.allowed, [r.rule for r in a.reasons]) == (
                b.allowed,
                [r.rule for r in b.reasons],
            )


GENERATED = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.slow
@GENERATED
@given(policies(max_rules=5), layouts())
def test_generated_policies_in_any_layout_format_canonically(
    generated: Generated, layout: tuple[random.Random, str]
) -> None:
    rnd, case = layout
    text = render(generated.items, rnd, case)
    formatted = assert_canonical(text)
    # a line is at most WIDTH wide, but for its comment or a token longer than a line
    assert all(
        len(line) <= WIDTH or "#" in line or " " not in line.strip()
        for line in formatted.splitlines()
    )
    assert_same_meaning(text, formatted, [{"id": "E-1"}])


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(policies(), layouts())
def test_many_generated_policies_format_canonically(
    generated: Generated, layout: tuple[random.Random, str]
) -> None:
    rnd, case = layout
    text = render(generated.items, rnd, case)
    assert_same_meaning(text, assert_canonical(text), [{"id": "E-1"}])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(grammar_sentences(), min_size=1, max_size=4))
def test_every_form_of_the_grammar_keeps_its_tree(sentences: list[str]) -> None:
    text = "\n".join(sentences)
    result = format_text(text)
    if result.text is None:  # `one of` values with no `one of`: where they stood is lost
        assert {d.code for d in result.diagnostics} == {"stray-value"}
        return
    assert_canonical(text)


@pytest.mark.parametrize("path", POLICY_FILES, ids=lambda p: str(p.relative_to(CHECKOUT)))
def test_every_example_and_golden_policy_formats_canonically(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    result = format_text(text, str(path))
    if result.text is None:  # a golden file that does not parse: left untouched, with why
        assert result.diagnostics and not result.changed
        return
    assert_canonical(text)


@pytest.mark.parametrize(
    "name", ["disdukcapil.rules", "puskesmas.rules", "provincial-office.rules"]
)
def test_example_policies_decide_alike_once_formatted(name: str) -> None:
    text = (CHECKOUT / "examples" / name).read_text(encoding="utf-8")
    employees = [
        {
            "id": "A",
            "role": "service desk",
            "job type": "public service",
            "profession": "doctor",
            "unit": "UGD",
            "performance": "good",
        },
        {
            "id": "B",
            "job type": "finance",
            "profession": "finance",
            "performance": "very good",
            "grade": 9,
            "under sanction": False,
            "on probation": False,
        },
    ]
    formatted = format_text(text).text
    assert formatted is not None
    assert_same_meaning(text, formatted, employees)


def with_comments(text: str, rnd: random.Random) -> str:
    """`text` with comments on their own lines and at the ends of lines, here and there."""
    lines = []
    for index, line in enumerate(text.splitlines()):
        if rnd.random() < 0.2:
            lines.append(f"# catatan {index}")
        end = line.rstrip().endswith(".")
        lines.append(line + (f"  # sesudah {index}" if end and rnd.random() < 0.3 else ""))
    return "\n".join(lines) + "\n# akhir\n"


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(indonesian_policies(max_rules=3), st.randoms(use_true_random=False))
def test_generated_indonesian_policies_format_canonically_in_indonesian(
    pair: tuple[str, str], rnd: random.Random
) -> None:
    """Every spelling §2.7 accepts becomes its canonical phrase; the tree, the comments in
    order and the meaning stay, and fmt is idempotent."""
    text = with_comments(pair[0], rnd)
    formatted = assert_canonical(text)
    assert parse_file(SourceFile("t.rules", formatted))[0].language == "id"
    assert meaning(formatted) == meaning(text)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(indonesian_policies(), st.randoms(use_true_random=False))
def test_many_generated_indonesian_policies_format_canonically(
    pair: tuple[str, str], rnd: random.Random
) -> None:
    text = with_comments(pair[0], rnd)
    formatted = assert_canonical(text)
    assert meaning(formatted) == meaning(text)


def test_an_indonesian_file_is_written_in_its_canonical_phrases() -> None:
    text = (
        "# Kebijakan kecil.\n"
        'KEBIJAKAN "K".  # kepala\n'
        "pegawai mempunyai: golongan: bilangan, siap: ya atau tidak.\n"
        "aturan R1: pegawai dengan golongan minimal 9 harus hadir di kantor\n"
        "  pada hari Senin s.d. Kamis antara pukul 08.00 dan 12.00.\n"
        "aturan R2: pegawai boleh bekerja dari rumah paling sedikit 2 (dua) hari dalam seminggu\n"
        "  apabila yang bersangkutan siap.\n"
    )
    assert format_text(text).text == (
        "# Kebijakan kecil.\n"
        'kebijakan "K".  # kepala\n\n'
        "pegawai memiliki: golongan: angka, siap: ya atau tidak.\n\n"
        "aturan R1:\n"
        "  pegawai yang golongannya paling rendah 9 wajib berada di kantor pada hari Senin\n"
        "  sampai Kamis antara pukul 08.00 dan 12.00.\n\n"
        "aturan R2: pegawai dapat bekerja dari rumah paling sedikit 2 (dua) hari per minggu"
        " jika mereka siap.\n"
    )
    assert_canonical(text)


def test_comments_stay_on_their_line_or_before_their_sentence() -> None:
    text = (
        '# head\n\npolicy "P"   version "1".  # the header\n'
        "rule R1:   # why\n  employees\n  # who\n  may be on-site. # after\n\n\n# last\n"
    )
    assert format_text(text).text == (
        '# head\n\npolicy "P"\n  version "1".  # the header\n\n'
        "rule R1:  # why\n  employees\n  # who\n  may be on-site.  # after\n\n# last\n"
    )


def run_cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(list(argv))
    finally:
        sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def test_fmt_check_write_diff_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "p.rules"
    path.write_text('policy "P".\nrule R1:employees may   be on-site.\n', encoding="utf-8")
    code, _, err = run_cli("fmt", "--check", str(tmp_path))
    assert code == 1 and "is not in the canonical layout" in err
    code, out, _ = run_cli("fmt", "--diff", str(path))
    assert code == 0 and "+rule R1: employees may be on-site." in out
    assert run_cli("fmt", "--write", str(tmp_path))[0] == 0
    assert path.read_text(encoding="utf-8") == 'policy "P".\n\nrule R1: employees may be on-site.\n'
    assert run_cli("fmt", "--check", str(path)) == (0, "", "")
    code, out, _ = run_cli("fmt", "-", stdin="rule R2 : employees may be on-site .")
    assert (code, out) == (0, "rule R2: employees may be on-site.\n")


def test_a_file_that_does_not_parse_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "broken.rules"
    text = "rule R1 employees may be on-site.\n"
    path.write_text(text, encoding="utf-8")
    code, _, err = run_cli("fmt", "--write", str(path))
    assert code == 1 and "error[" in err and "was left as it is" in err
    assert path.read_text(encoding="utf-8") == text
    assert run_cli("fmt", str(tmp_path / "missing.rules"))[0] == 2
