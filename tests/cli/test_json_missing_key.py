"""A JSON shift or employee without a required key is said in `--lang`'s language, as a CSV
file's missing column is (it was English in an Indonesian run)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from flexrules import cli

POLICY = Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "error: `shift.json`, item 1: the shift has no `location` key\n"),
        ("id", "kesalahan: `shift.json`, butir 1: sif ini tidak punya kunci `location`\n"),
    ],
)
def test_a_json_shift_without_location_is_said_in_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("sari.json").write_text(json.dumps({"id": "E-042", "role": "service desk"}))
    Path("shift.json").write_text(
        json.dumps({"start": "2025-07-07T14:00", "end": "2025-07-07T17:00", "locaton": "home"})
    )
    out, err = io.StringIO(), io.StringIO()
    argv = ["decide", str(POLICY), "--employee", "sari.json", "--shift", "shift.json"]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([*argv, "--lang", lang])
    assert (code, out.getvalue(), err.getvalue()) == (1, "", said)
