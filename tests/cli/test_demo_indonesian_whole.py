"""`flexrules demo --lang id` shows it all in Indonesian, as README says: the month's roster is
the Indonesian policy's own (examples/id/roster, its rule texts in Indonesian) and its examples
are run too (before, the roster's rule texts were English and the examples were left out)."""

from __future__ import annotations

import pytest

from flexrules import cli


def test_the_indonesian_demo_has_its_own_roster_and_examples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["demo", "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert "== Jadwal sebulan (examples/id/roster): 3 hari pertama" in out
    assert "flexrules roster examples/id/disdukcapil.rules --employees " in out
    assert "aturan: paling sedikit 2 petugas loket layanan wajib berada di kantor" in out
    assert "at least 2 service desk staff" not in out
    examples = "== Contoh yang mengujinya: flexrules test examples/id/disdukcapil.examples"
    assert f"{examples} --coverage\n   disdukcapil.examples: 22 contoh, 22 lulus, 0 gagal\n" in out


def test_the_english_demo_keeps_its_roster_and_examples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "== A month's roster (examples/roster): the first 3 days" in out
    assert "flexrules roster examples/disdukcapil.rules --employees examples/roster/" in out
    assert "== Examples that test it: flexrules test examples/disdukcapil.examples" in out
