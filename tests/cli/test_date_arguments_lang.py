"""A day on the command line that is not YYYY-MM-DD (`--period 01/07/2025`, as Indonesian users
write days), or a size that is not one (`--max-file-size`), is refused in `--lang`'s language,
though argparse reads it before `--lang`."""

from __future__ import annotations

from pathlib import Path

import pytest

from flexrules import cli
from flexrules.cli.options import asked_language

POLICY = str(Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ([], "argument --period: `01/07/2025` is not a date such as 2025-07-01"),
        (["--lang", "id"], "argument --period: `01/07/2025` bukan tanggal seperti 2025-07-01"),
        (["--lang=id"], "argument --period: `01/07/2025` bukan tanggal seperti 2025-07-01"),
    ],
)
def test_a_day_first_period_is_refused_in_the_language_asked(
    capsys: pytest.CaptureFixture[str], lang: list[str], said: str
) -> None:
    argv = ["roster", POLICY, "--employees", "e.csv", "--shifts", "s.csv"]
    code = cli.main([*argv, *lang, "--period", "01/07/2025", "2025-07-31"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.endswith(f"flexrules roster: error: {said}\n")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "`lots` is not a size such as 50M, 200MiB, 1G or 4096 (bytes)"),
        ("id", "`lots` bukan ukuran seperti 50M, 200MiB, 1G atau 4096 (bita)"),
    ],
)
def test_a_wrong_size_is_refused_in_the_language_asked(
    capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    argv = ["roster", POLICY, "--employees", "e.csv", "--shifts", "s.csv", "--lang", lang]
    assert cli.main([*argv, "--max-file-size", "lots"]) == 2
    err = capsys.readouterr().err
    assert err.endswith(f"flexrules roster: error: argument --max-file-size: {said}\n")


def test_the_language_asked_is_read_from_the_arguments() -> None:
    assert asked_language(["roster", "--lang", "id"]) == "id"
    assert asked_language(["--lang=en"]) == "en"
    assert asked_language(["--lang", "fr"]) == asked_language(["--lang"]) == "en"
    assert asked_language([]) == "en"
