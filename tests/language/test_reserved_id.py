"""The reserved words of Bahasa Indonesia (LANGUAGE-ID.md §3.8): generated from the Indonesian
grammar's LALR table into docs/language-id.md, and used by the `reserved-word` check for
Indonesian files."""

from __future__ import annotations

from pathlib import Path

from flexrules import compile_policy
from flexrules.language import reserved

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "language-id.md"


def test_the_indonesian_reference_lists_exactly_the_generated_reserved_words() -> None:
    document = DOCUMENT.read_text(encoding="utf-8")
    assert reserved.extract_section(document) == reserved.render_markdown("id")
    assert reserved.default_document("id") == DOCUMENT


def test_the_indonesian_table_is_the_one_language_id_md_describes() -> None:
    """Spot checks against §3.8: quantifiers and modals end a group name; `tidak` cannot start
    an attribute name; `hari`, `jam` and `kerja` are reserved nowhere."""
    words = reserved.reserved_words("id")
    group = words["group"]
    assert {"setiap", "semua", "seluruh", "orang"} <= set(group.start)
    assert "pegawai" not in group.start  # `pegawai administrasi` is a group name (§3.3)
    assert {"yang", "dengan", "atau", "wajib", "dilarang", "dapat"} <= set(group.after_first)
    assert "tidak" in words["attribute"].start
    assert {"selama", "pukul", "sehari"} <= set(words["span"].after_first)
    for kind in words.values():
        for phrase in (*kind.start, *kind.after_first):
            assert not {"hari", "jam", "kerja"} & set(phrase.split()), (kind.kind.key, phrase)


def test_the_check_reads_an_indonesian_file_with_the_indonesian_table() -> None:
    text = (
        "pegawai memiliki: jabatan: teks, masa tidak aktif: angka.\n"
        'kelompok staf atau tamu: pegawai yang jabatannya "tamu".\n'
        'kelompok pegawai tidak tetap: pegawai yang jabatannya "honorer".\n'
        "aturan R1: `staf atau tamu` wajib berada di kantor.\n"
        "aturan R2: pegawai tidak tetap dapat bekerja dari rumah"
        " jika `masa tidak aktif`nya lebih dari 3.\n"
    )
    found = {(d.code, d.span.text if d.span else "") for d in compile_policy(text).diagnostics}
    assert found == {
        ("reserved-word", "staf atau tamu"),
        ("reserved-word", "masa tidak aktif"),
    }
