"""The Indonesian example policies and their English twins (LANGUAGE-ID.md §4, §1.3).

examples/id/disdukcapil.rules (§4.1) and examples/id/lumajang.rules (§4.2) each have an
English twin in examples/id/en/ with the same names and titles (each file in its language's
canonical layout, so their lines differ). Each pair lowers to equal syntax trees (spans,
spelled numbers, zone suffixes and the words of an activity set aside), compiles to the
same rules, and decides the same on generated cases: the Disdukcapil oracle's generator
(tests/support/casegen.py) with §4.1's names (tests/support/id_names.py), and for Lumajang
the same cases with its names. The §4.1 pair also decides as examples/disdukcapil.rules
does on the cases as generated, which the oracle checks.
"""

from __future__ import annotations

import functools
import random
from pathlib import Path
from typing import Any

import attrs
import id_names
import pytest
from casegen import generate

import flexrules
from flexrules.core.source import SourceFile
from flexrules.language import ast
from flexrules.language.parse import parse
from flexrules.language.sources import read_path

CHECKOUT = Path(__file__).resolve().parents[2]
EXAMPLES = CHECKOUT / "examples" / "id"
PAIRS = ("disdukcapil.rules", "lumajang.rules")


@functools.cache
def policy(path: str) -> flexrules.Policy:
    return flexrules.load_policy(CHECKOUT / path)


def tree(path: Path) -> ast.PolicyFile:
    sources, problems = read_path(path)
    parsed = parse(sources, problems)
    assert parsed.diagnostics == ()
    (file,) = parsed.files
    return file


@pytest.mark.parametrize("name", PAIRS)
def test_each_pair_lowers_to_equal_trees(name: str) -> None:
    indonesian, english = tree(EXAMPLES / name), tree(EXAMPLES / "en" / name)
    assert (indonesian.language, english.language) == ("id", "en")
    assert indonesian.declarations == english.declarations


@pytest.mark.parametrize("name", PAIRS)
def test_each_pair_compiles_to_the_same_rules(name: str) -> None:
    indonesian = policy(f"examples/id/{name}")
    english = policy(f"examples/id/en/{name}")
    assert (indonesian.language, english.language) == ("id", "en")
    assert indonesian.diagnostics == english.diagnostics == ()

    def described(p: flexrules.Policy) -> list[tuple[Any, ...]]:
        return [(r.id, r.title, r.citation, r.kind, r.overrides) for r in p.rules]

    assert described(indonesian) == described(english)
    assert [g.name for g in indonesian.groups] == [g.name for g in english.groups]
    assert [h.name for h in indonesian.hours] == [h.name for h in english.hours]
    assert [(d.name, d.ranges) for d in indonesian.dates] == [
        (d.name, d.ranges) for d in english.dates
    ]
    assert [(a.name, a.owner, a.type, a.values) for a in indonesian.attributes] == [
        (a.name, a.owner, a.type, a.values) for a in english.attributes
    ]
    assert (indonesian.name, indonesian.version, indonesian.timezone, indonesian.default) == (
        english.name,
        english.version,
        english.timezone,
        english.default,
    )


def outcome(decision: flexrules.Decision) -> tuple[Any, ...]:
    return (
        decision.allowed,
        [(r.rule, r.effect, r.start, r.end) for r in decision.reasons],
    )


def decided(p: flexrules.Policy, employee: dict[str, Any], shift: dict[str, Any]) -> Any:
    try:
        return outcome(p.decide(employee, shift))
    except flexrules.InputError as exc:
        return ("input error", exc.field)


def test_disdukcapil_pair_decides_alike_on_generated_cases() -> None:
    """§4.1 and its English twin decide every generated case alike, and as the English
    example (examples/disdukcapil.rules, checked by the oracle) decides the case unrenamed."""
    indonesian = policy("examples/id/disdukcapil.rules")
    twin = policy(id_names.ENGLISH_TWIN)
    original = policy(id_names.ENGLISH_POLICY)
    for employee, shift in generate(1607, 400):
        renamed_employee, renamed_shift = id_names.renamed(employee), id_names.renamed(shift)
        expected = decided(original, employee, shift)
        assert decided(indonesian, renamed_employee, renamed_shift) == expected
        assert decided(twin, renamed_employee, renamed_shift) == expected


#: casegen's English facts under §4.2's names (the Lumajang policy has its own attributes)
LUMAJANG_NAMES = {
    "job type": "jenis tugas",
    "performance": "predikat kinerja",
    "unit": "unit kerja",
    "position start": "tanggal mulai menjabat",
    "under sanction": "sedang menjalani hukuman disiplin",
    "in special circumstances": "dalam keadaan khusus",
    "approved": "disetujui atasan",
}
LUMAJANG_VALUES = {**id_names.VALUES, "public service": "pelayanan tatap muka"}


def lumajang_record(record: dict[str, Any], rnd: random.Random, shift: bool) -> dict[str, Any]:
    """A generated employee or shift with §4.2's names, and the facts only §4.2 has drawn."""
    found: dict[str, Any] = {k: v for k, v in record.items() if k in id_names.ENGINE_KEYS}
    for english, indonesian in LUMAJANG_NAMES.items():
        present, value = id_names.read(record, english)
        if present:
            found[indonesian] = (
                LUMAJANG_VALUES.get(value, value) if isinstance(value, str) else value
            )
    if shift:
        found["tujuan"] = rnd.choice(["pengolahan berkas", "kunjungan lapangan", "pelatihan"])
    else:
        found["perangkat daerah"] = rnd.choice(["Disdukcapil", "BKPSDM", None])
        found["siap dihubungi"] = rnd.choice([True, False, None])
    return found


def test_lumajang_pair_decides_and_checks_schedules_alike() -> None:
    """§4.2 and its English twin: the same decisions on generated cases, and the same
    violations (rule, kind, period, count) on the schedules those cases make per employee."""
    indonesian = policy("examples/id/lumajang.rules")
    twin = policy("examples/id/en/lumajang.rules")
    rnd = random.Random(42)
    schedules: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    for index, (employee, shift) in enumerate(generate(4242, 300)):
        person = lumajang_record(employee, rnd, shift=False)
        work = lumajang_record(shift, rnd, shift=True)
        assert decided(indonesian, person, work) == decided(twin, person, work)
        key = f"E-{index % 25:02d}"
        person["id"] = key
        schedules.setdefault(key, (person, []))[1].append(work)
    for person, shifts in schedules.values():
        try:
            ours = indonesian.check(person, shifts)
        except flexrules.InputError:
            with pytest.raises(flexrules.InputError):
                twin.check(person, shifts)
            continue
        theirs = twin.check(person, shifts)

        def violations(report: Any) -> list[tuple[Any, ...]]:
            return [(v.rule, v.kind, v.start, v.end, v.count) for v in report.violations]

        assert violations(ours) == violations(theirs)
        assert ours.allowed == theirs.allowed


def test_a_time_part_reads_as_written_in_its_file_s_language_only() -> None:
    """LANGUAGE-ID.md §5.3: a rule's TIME is shown as written when the explanation is in the
    rule file's language, and in the catalog's words in the other language."""
    indonesian = flexrules.compile_policy(
        "aturan R1: pegawai dapat bekerja dari rumah pada Senin–Kamis.\n", filename="a.rules"
    )
    english = flexrules.compile_policy(
        "rule R1: employees may work from home on Monday to Thursday.\n", filename="b.rules"
    )
    shift = {"start": "2025-07-08T08:00", "end": "2025-07-08T12:00", "location": "home"}
    ours, theirs = indonesian.decide({"id": "E-1"}, shift), english.decide({"id": "E-1"}, shift)
    assert ours.explain().splitlines()[3] == "      karena 08.00-12.00 pada Senin–Kamis"
    assert (
        theirs.explain("id").splitlines()[3] == "      karena 08.00-12.00 pada Senin sampai Kamis"
    )
    because = "      because 08:00-12:00 is on Monday to Thursday"
    assert ours.explain("en").splitlines()[3] == theirs.explain().splitlines()[3] == because


# ---- examples files in Indonesian (LANGUAGE-ID.md §9) ----------------------------------------


def test_an_examples_file_s_language_is_its_first_sentence_s() -> None:
    from flexrules.authoring.syntax import language_of

    assert language_of('# komentar\ncontoh untuk "Kerja fleksibel Disdukcapil".\n') == "id"
    assert language_of('pegawai Sari: jabatan "loket layanan".\n') == "id"
    assert language_of('examples for "Disdukcapil flexible work".\n') == "en"
    assert language_of("# only a comment\n") == "en"


def test_the_sentences_of_section_9_read_as_their_english_ones() -> None:
    """§9's sentences, and their English twins, build the same examples (spans aside)."""
    from flexrules.authoring.syntax import parse_examples

    ours = (
        'contoh untuk "Kerja fleksibel Disdukcapil".\n'
        'pegawai Sari: jabatan "loket layanan", kinerja "baik", golongan 7,5,\n'
        "  mulai menjabat 1 Maret 2021, dalam masa percobaan tidak, dalam keadaan khusus ya.\n"
        'contoh E1 "Loket tetap di kantor": Sari dari rumah pada 7 Juli 2025 pukul 14.00 '
        "sampai 17.00 ditolak oleh R1.\n"
        "contoh E2: Sari di kantor pada Senin 7 Juli 2025 pukul 08.00–15.00 WIB diizinkan.\n"
        "contoh E3: Sari dengan kinerja tidak diketahui dari mana saja pada 7 Juli 2025 dan "
        "8 Juli 2025 pukul 08.00 sampai 16.00, disetujui ya, melanggar R8 pada 8 Juli 2025.\n"
        "contoh E4: Sari di kantor pada 9 Juli 2025 pukul 07.30 sampai 16.00 memenuhi semua "
        "batas dalam periode 9 Juli 2025 sampai 9 Juli 2025.\n"
        "contoh E5: Sari dari rumah pada 9 Juli 2025 pukul 07.30 sampai 16.00 ditolak oleh "
        "bawaan.\n"
    )
    theirs = (
        'examples for "Kerja fleksibel Disdukcapil".\n'
        'employee Sari: jabatan "loket layanan", kinerja "baik", golongan 7.5,\n'
        "  mulai menjabat 2021-03-01, dalam masa percobaan no, dalam keadaan khusus yes.\n"
        'example E1 "Loket tetap di kantor": Sari from home on 2025-07-07 from 14:00 '
        "to 17:00 is denied by R1.\n"
        "example E2: Sari at the office on Monday 2025-07-07 from 08:00 to 15:00 is allowed.\n"
        "example E3: Sari with kinerja unknown anywhere on 2025-07-07 and "
        "2025-07-08 from 08:00 to 16:00, disetujui yes, breaks R8 on 2025-07-08.\n"
        "example E4: Sari at the office on 2025-07-09 from 07:30 to 16:00 keeps every "
        "limit in the period 2025-07-09 to 2025-07-09.\n"
        "example E5: Sari from home on 2025-07-09 from 07:30 to 16:00 is denied by default.\n"
    )
    indonesian, problems = parse_examples(SourceFile("a.examples", ours))
    english, english_problems = parse_examples(SourceFile("b.examples", theirs))
    assert problems == [] and english_problems == [], [p.render() for p in problems]

    def meaning(value: Any) -> Any:
        """A parsed node with its spans left out."""
        if attrs.has(type(value)):
            return tuple(
                (f.name, meaning(getattr(value, f.name)))
                for f in attrs.fields(type(value))
                if not f.name.endswith("span") and f.name not in ("source",)
            )
        if isinstance(value, tuple):
            return tuple(meaning(item) for item in value)
        return value

    assert meaning(indonesian) == meaning(english)
