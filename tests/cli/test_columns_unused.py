"""`--columns` naming a header no file has is warned about (a typo would otherwise leave the
column ignored without a word), and a file starting with UTF-8's byte-order mark is read as
UTF-8 even under `--encoding cp1252` (found by that warning: an employees file saved as UTF-8
beside a cp1252 attendance export lost its first header)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flexrules.cli import main
from flexrules.files.records import decode

POLICY = str(Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules")


def test_a_byte_order_mark_says_utf8_whatever_encoding_is_named() -> None:
    assert decode("x.csv", b"\xef\xbb\xbfNO;NAMA\r\n1;Wibow\xc3\xb3\r\n", "cp1252") == (
        "NO;NAMA\r\n1;Wibowó\r\n"
    )
    assert decode("x.csv", b"NO;NAMA\r\n1;Wibow\xf3\r\n", "cp1252") == "NO;NAMA\r\n1;Wibowó\r\n"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "warning: --columns maps `nipp`, a header no file read has\n"),
        (
            "id",
            "peringatan: --columns memetakan `nipp`, judul yang tidak ada di berkas mana pun "
            "yang dibaca\n",
        ),
    ],
)
def test_a_mapped_header_no_file_has_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    (tmp_path / "employees.csv").write_text("NIP,role\nE1,admin\n")
    (tmp_path / "shifts.csv").write_text(
        "NIP,start,end,location\nE1,2025-07-01T08:00,2025-07-01T16:00,office\n"
    )
    argv = ["roster", POLICY, "--employees", str(tmp_path / "employees.csv")]
    argv += ["--shifts", str(tmp_path / "shifts.csv"), "--lang", lang]
    assert main([*argv, "--columns", "NIP=id"]) in (0, 4)
    assert "--columns" not in capsys.readouterr().err
    assert main([*argv, "--columns", "NIP=id,NIPP=id"]) in (0, 4)
    assert capsys.readouterr().err == said
