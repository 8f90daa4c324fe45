"""A JSON file that does not parse is said in `--lang`'s language (Python's reason, in English,
inside); it was English in an Indonesian run."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from flexrules import cli
from flexrules.files.records import TableError, load_json

POLICY = str(Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules")
REASON = "Expecting property name enclosed in double quotes"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", f"error: `sari.json`: is not valid JSON: {REASON} at line 2, column 1\n"),
        ("id", f"kesalahan: `sari.json`: bukan JSON yang sah: {REASON} pada baris 2, kolom 1\n"),
    ],
)
def test_a_broken_json_file_is_said_in_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("sari.json").write_text('{"id": "E-042",\n')
    Path("shift.json").write_text('{"start": "2025-07-07T14:00", "end": "2025-07-07T17:00"}')
    out, err = io.StringIO(), io.StringIO()
    argv = ["decide", POLICY, "--employee", "sari.json", "--shift", "shift.json", "--lang", lang]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    assert (code, out.getvalue(), err.getvalue()) == (1, "", said)


@pytest.mark.parametrize(
    ("text", "english", "indonesian"),
    [
        ("[" * 100_000, "it is nested too deeply", "bertingkat terlalu dalam"),
        ("9" * 5_000, "a number with thousands of digits", "bilangan dengan ribuan digit"),
        ('["\\ud800"]', "it holds \\ud800, half of a UTF-16 pair", "memuat \\ud800, separuh"),
    ],
)
def test_unusable_json_reads_in_both_languages(text: str, english: str, indonesian: str) -> None:
    with pytest.raises(TableError) as raised:
        load_json("doc.json", text)
    assert english in raised.value.message_for("en")
    assert indonesian in raised.value.message_for("id")
