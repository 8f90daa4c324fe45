# ruff: noqa: E501  (the sentences of LANGUAGE-ID.md §8 as the spec writes them, one per line)
"""LANGUAGE-ID.md §8: thirty Indonesian sentences that lower to the same trees as their English
ones and compile alike, ten texts that must be rejected, and the machinery of §8.3 (both
grammars strict, the same tree shapes, per-state lexing, look-ahead terminals, sentence
splitting, detection).
"""

from __future__ import annotations

import functools
from typing import Any

import id_names
import pytest
from casegen import generate

import flexrules
from flexrules.core.source import SourceFile
from flexrules.language import ast
from flexrules.language.parse import parse_file

PRELUDE_EN = """employees have: jabatan: text, golongan: number, mulai menjabat: date,
  dalam masa percobaan: yes or no,
  jenis tugas: one of "administrasi", "keuangan", "kepegawaian", "teknis",
  kinerja: ranked "kurang" < "baik" < "sangat baik", dalam keadaan khusus: yes or no,
  status kepegawaian: one of "PNS", "PPPK", "CPNS", unit kerja: text,
  jam lembur: number, jumlah hari cuti: number, tidak disiplin: yes or no,
  keterangan lainnya: text.
shifts have: disetujui: yes or no, tujuan: one of "jaga malam", "kunjungan lapangan".
holidays: Indonesia.
hours jam layanan: Monday to Friday 08:00 to 15:00.
hours jam kerja inti: Monday to Friday 09:00 to 14:00.
hours jam rentang kerja: every day 06:00 to 20:00.
dates Ramadan: 2025-03-01 to 2025-03-30.
dates penutupan kantor: 2025-10-06 to 2025-10-08.
group petugas loket layanan: employees whose jabatan is "loket layanan".
group staf administrasi: employees whose jenis tugas is "administrasi".
group staf keuangan: employees whose jenis tugas is "keuangan".
group petugas piket: employees whose jabatan is "piket".
group tenaga klinis: employees whose jabatan is "perawat".
group pegawai tidak tetap: employees whose status kepegawaian is "PPPK".
group pegawai administrasi: employees whose jenis tugas is "administrasi".
"""

PRELUDE_ID = 'pegawai memiliki: jabatan: teks, golongan: angka, mulai menjabat: tanggal,\n  dalam masa percobaan: ya atau tidak,\n  jenis tugas: salah satu dari "administrasi", "keuangan", "kepegawaian", "teknis",\n  kinerja: bertingkat "kurang" < "baik" < "sangat baik", dalam keadaan khusus: ya atau tidak,\n  status kepegawaian: salah satu dari "PNS", "PPPK", "CPNS", unit kerja: teks,\n  jam lembur: angka, jumlah hari cuti: angka, tidak disiplin: ya atau tidak,\n  keterangan lainnya: teks.\nsif memiliki: disetujui: ya atau tidak, tujuan: salah satu dari "jaga malam", "kunjungan lapangan".\nhari libur: nasional.\njam layanan: Senin sampai Jumat 08.00 sampai 15.00.\njam kerja inti: Senin sampai Jumat 09.00 sampai 14.00.\njam rentang kerja: setiap hari 06.00 sampai 20.00.\ntanggal Ramadan: 1 Maret 2025 sampai 30 Maret 2025.\ntanggal penutupan kantor: 6 Oktober 2025 sampai 8 Oktober 2025.\nkelompok petugas loket layanan: pegawai yang jabatannya "loket layanan".\nkelompok staf administrasi: pegawai yang jenis tugasnya "administrasi".\nkelompok staf keuangan: pegawai yang jenis tugasnya "keuangan".\nkelompok petugas piket: pegawai yang jabatannya "piket".\nkelompok tenaga klinis: pegawai yang jabatannya "perawat".\nkelompok pegawai tidak tetap: pegawai yang status kepegawaiannya "PPPK".\nkelompok pegawai administrasi: pegawai yang jenis tugasnya "administrasi".\n'
SENTENCES = [
    (
        "T1",
        'kebijakan "Kerja fleksibel RSUD" versi "2025.2" zona waktu WITA bawaan diizinkan.',
        'policy "Kerja fleksibel RSUD" version "2025.2" timezone WITA default allow.',
    ),
    (
        "T2",
        'pegawai memiliki: jabatan: teks, golongan: angka, mulai menjabat: tanggal, dalam masa percobaan: ya atau tidak, jenis tugas: salah satu dari "administrasi", "keuangan", atau "teknis", kinerja: bertingkat "kurang" < "baik" < "sangat baik". sif memiliki: disetujui: ya atau tidak.',
        'employees have: jabatan: text, golongan: number, mulai menjabat: date, dalam masa percobaan: yes or no, jenis tugas: one of "administrasi", "keuangan", "teknis", kinerja: ranked "kurang" < "baik" < "sangat baik". shifts have: disetujui: yes or no.',
    ),
    (
        "T3",
        "hari kerja: Senin, Selasa, Rabu, Kamis, dan Jumat. hari libur: nasional dan cuti bersama, 17 Agustus 2025, 2025-12-24.",
        "working days: Monday, Tuesday, Wednesday, Thursday and Friday. holidays: Indonesia with joint holidays, 2025-08-17, 2025-12-24.",
    ),
    (
        "T4",
        "jam layanan: Senin sampai Kamis 08.00 sampai 15.00, Jumat 08.00 sampai 11.30, kecuali hari libur.",
        "hours jam layanan: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 11:30, except holidays.",
    ),
    (
        "T5",
        "jam layanan: hari Senin–Kamis pukul 08.00–15.00 WIB, Jum'at pukul 08.00 s.d. 11.30 WIB, kecuali pada hari libur.",
        "hours jam layanan: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 11:30, except holidays.",
    ),
    (
        "T6",
        "pola jam night cover: setiap hari 22.00 sampai 06.00. tanggal Ramadan: 2025-03-01 sampai 30 Maret 2025.",
        "hours night cover: every day 22:00 to 06:00. dates Ramadan: 2025-03-01 to 2025-03-30.",
    ),
    (
        "T7",
        'kelompok staf administrasi: pegawai yang jenis tugasnya salah satu dari "administrasi", "keuangan", atau "kepegawaian" atau pegawai yang mulai menjabatnya sebelum 1 Januari 2020.',
        'group staf administrasi: employees whose jenis tugas is one of "administrasi", "keuangan", "kepegawaian" or employees whose mulai menjabat is before 2020-01-01.',
    ),
    (
        "T8",
        "aturan T8: petugas loket layanan harus hadir di kantor selama jam layanan.",
        "rule T8: petugas loket layanan must be on-site during jam layanan.",
    ),
    (
        "T9",
        'aturan T9: pegawai yang jabatannya "loket layanan" wajib berada di kantor.',
        'rule T9: employees whose jabatan is "loket layanan" must be on-site.',
    ),
    (
        "T10",
        'aturan T10: pegawai dengan jabatan adalah "analis" dan kinerja paling rendah "baik" dapat bekerja dari rumah.',
        'rule T10: employees whose jabatan is "analis" and whose kinerja is at least "baik" may work from home.',
    ),
    (
        "T11",
        'aturan T11: staf administrasi dapat bekerja jarak jauh jika kinerjanya paling rendah "baik" dan (sif disetujui atau golongannya paling rendah 9) dan tidak (mereka dalam masa percobaan).',
        'rule T11: staf administrasi may work remotely if their kinerja is at least "baik" and (the shift is disetujui or their golongan is at least 9) and not (they are dalam masa percobaan).',
    ),
    (
        "T12",
        'aturan T12: staf administrasi boleh bekerja jarak jauh pada setiap hari kerja jika kinerja mereka sekurang-kurangnya "baik".',
        'rule T12: staf administrasi may work remotely on working days if their kinerja is at least "baik".',
    ),
    (
        "T13",
        'aturan T13 "Batas" berdasarkan "PermenPANRB 4/2025 Pasal 13": pegawai tidak boleh bekerja jarak jauh lebih dari 2 (dua) hari kerja dalam seminggu kecuali yang bersangkutan dalam keadaan khusus.',
        'rule T13 "Batas" citing "PermenPANRB 4/2025 Pasal 13": employees must not work remotely more than 2 working days per week unless they are dalam keadaan khusus.',
    ),
    (
        "T14",
        'aturan T14: pegawai yang status kepegawaiannya "CPNS" wajib berada di kantor.',
        'rule T14: employees whose status kepegawaian is "CPNS" must be on-site.',
    ),
    (
        "T15",
        'aturan T15: pegawai yang `status kepegawaian`nya bukan "PNS" wajib bekerja di kantor.',
        'rule T15: employees whose status kepegawaian is not "PNS" must work at the office.',
    ),
    (
        "T16",
        "aturan T16: pegawai yang mulai menjabatnya kurang dari 12 bulan yang lalu wajib berada di kantor.",
        "rule T16: employees whose mulai menjabat is less than 12 months ago must be on-site.",
    ),
    (
        "T17",
        "aturan T17: pegawai yang mulai menjabatnya paling sedikit 2 tahun lalu dapat bekerja dari mana saja pada hari Jumat.",
        "rule T17: employees whose mulai menjabat is at least 2 years ago may work anywhere on Fridays.",
    ),
    (
        "T18",
        "aturan T18: pegawai wajib bekerja paling sedikit 7,5 jam per hari kerja di luar Ramadan.",
        "rule T18: employees must work at least 7.5 hours per working day outside Ramadan.",
    ),
    (
        "T19",
        "aturan T19: paling sedikit 2 (dua) orang petugas loket layanan wajib berada di kantor selama jam layanan.",
        "rule T19: at least 2 petugas loket layanan must be on-site during jam layanan.",
    ),
    (
        "T20",
        "aturan T20: paling banyak 30% (tiga puluh persen) dari pegawai di setiap unit kerja dapat bekerja jarak jauh per hari.",
        "rule T20: at most 30% of employees in each unit kerja may work remotely per day.",
    ),
    (
        "T21",
        "aturan T21: petugas piket wajib berada di kantor pada akhir pekan, hari libur, dan cuti bersama.",
        "rule T21: petugas piket must be on-site on weekends, holidays and joint holidays.",
    ),
    (
        "T22",
        "aturan T22: staf keuangan dapat bekerja dari mana saja pada hari Jumat mulai 1 Juli 2025 sampai 31 Desember 2025 jika sif disetujui.",
        "rule T22: staf keuangan may work anywhere on Fridays from 2025-07-01 to 2025-12-31 if the shift is disetujui.",
    ),
    (
        "T23",
        "aturan T23: petugas loket layanan wajib berada di kantor antara pukul 08.00 dan 12.00 pada Senin sampai Kamis sampai dengan 31 Desember 2025.",
        "rule T23: petugas loket layanan must be on-site between 08:00 and 12:00 on Monday to Thursday until 2025-12-31.",
    ),
    (
        "T24",
        'aturan T24: tenaga klinis dilarang bekerja pukul 21.00 sampai 07.00 kecuali tujuan sif "jaga malam" dan sif disetujui.',
        'rule T24: tenaga klinis must not work between 21:00 and 07:00 unless the shift\'s tujuan is "jaga malam" and the shift is disetujui.',
    ),
    (
        "T25",
        "aturan T25: pegawai yang jam lemburnya lebih dari 10 dan jumlah hari cutinya kurang dari 3 dapat bekerja dari rumah pada hari kerja di luar jam kerja inti.",
        "rule T25: employees whose jam lembur is more than 10 and whose jumlah hari cuti is less than 3 may work from home on working days outside jam kerja inti.",
    ),
    (
        "T26",
        "aturan T26: pegawai tidak tetap tidak boleh bekerja dari mana saja. aturan T26b: pegawai yang `tidak disiplin` dan yang tidak dalam masa percobaan wajib berada di kantor.",
        "rule T26: pegawai tidak tetap must not work anywhere. rule T26b: employees who are tidak disiplin and who are not dalam masa percobaan must be on-site.",
    ),
    (
        "T27",
        'aturan T27: pegawai dapat bekerja dari rumah jika `keterangan lainnya`nya "izin atasan" atau keterangan lainnya mereka "tugas luar".',
        'rule T27: employees may work from home if their keterangan lainnya is "izin atasan" or their keterangan lainnya is "tugas luar".',
    ),
    (
        "T28",
        "aturan T28: setiap pegawai administrasi dapat bekerja jarak jauh pada hari kerja. aturan T28b: semua pegawai dapat berada di kantor.",
        "rule T28: pegawai administrasi may work remotely on working days. rule T28b: everyone may be on-site.",
    ),
    (
        "T29",
        'aturan T29 "Penutupan kantor" berdasarkan "PermenPANRB 4/2025 Pasal 12" mengesampingkan T8, T19: petugas loket layanan dapat bekerja dari rumah selama penutupan kantor. aturan T29b: pegawai wajib bekerja dalam jam rentang kerja.',
        'rule T29 "Penutupan kantor" citing "PermenPANRB 4/2025 Pasal 12" overrides T8, T19: petugas loket layanan may work from home during penutupan kantor. rule T29b: employees must work within jam rentang kerja.',
    ),
    (
        "T30",
        "aturan T30: pegawai dilarang bekerja dari rumah lebih dari 1 hari dalam 1 (satu) minggu. kelompok pegawai lama: pegawai yang mulai menjabatnya paling lambat 31 Desember 2024.",
        "rule T30: employees must not work from home more than 1 day per week. group pegawai lama: employees whose mulai menjabat is at most 2024-12-31.",
    ),
]


def lowered(text: str, name: str = "t.rules") -> ast.PolicyFile:
    file, problems = parse_file(SourceFile(name, text))
    assert problems == [], [p.render() for p in problems]
    return file


@pytest.mark.parametrize(
    ("number", "indonesian", "english"), SENTENCES, ids=[s[0] for s in SENTENCES]
)
def test_each_sentence_lowers_to_the_english_tree(
    number: str, indonesian: str, english: str
) -> None:
    """§8.1: each Indonesian text, parsed as an Indonesian file, lowers to a tree `==` the
    English one (spans, spelled numbers, zone suffixes and activity words set aside)."""
    ours, theirs = lowered(indonesian), lowered(english)
    assert (ours.language, theirs.language) == ("id", "en")
    assert ours.declarations == theirs.declarations


def rule_sentences(column: int) -> str:
    return "\n".join(s[column] for s in SENTENCES[7:]) + "\n"


@functools.cache
def sentence_policies() -> tuple[flexrules.Policy, flexrules.Policy]:
    indonesian = flexrules.compile_policy(PRELUDE_ID + rule_sentences(1), filename="id.rules")
    english = flexrules.compile_policy(PRELUDE_EN + rule_sentences(2), filename="en.rules")
    return indonesian, english


def test_the_prelude_lowers_to_its_english_translation() -> None:
    assert lowered(PRELUDE_ID).declarations == lowered(PRELUDE_EN).declarations


def test_the_sentences_compile_to_the_same_rules() -> None:
    """§8.1: T8-T30 after the prelude compile to the same `Policy.rules` (ids, titles,
    citations, kinds, overrides), with the same diagnostics' codes (warnings only)."""
    indonesian, english = sentence_policies()
    assert (indonesian.language, english.language) == ("id", "en")

    def described(policy: flexrules.Policy) -> list[tuple[Any, ...]]:
        return [(r.id, r.title, r.citation, r.kind, r.overrides) for r in policy.rules]

    assert described(indonesian) == described(english)
    assert len(indonesian.rules) == 26
    # warnings only; the Indonesian side also warns that `tidak disiplin` (a yes/no name that
    # starts with `tidak`) must be backquoted where used (§3.8), as T26b does
    assert [d.code for d in english.diagnostics] == ["unused-declaration"]
    assert sorted(d.code for d in indonesian.diagnostics) == ["reserved-word", "unused-declaration"]
    (reserved,) = [d for d in indonesian.diagnostics if d.code == "reserved-word"]
    assert reserved.span is not None and reserved.span.text == "tidak disiplin"


def test_the_sentences_decide_alike() -> None:
    """§8.1: the same decisions on generated cases (the oracle's generator, names mapped)."""
    indonesian, english = sentence_policies()
    for employee, shift in generate(816, 300):
        person, work = id_names.renamed(employee), id_names.renamed(shift)
        try:
            expected = english.decide(person, work)
        except flexrules.InputError as exc:
            with pytest.raises(flexrules.InputError) as caught:
                indonesian.decide(person, work)
            assert caught.value.field == exc.field
            continue
        got = indonesian.decide(person, work)
        assert got.allowed == expected.allowed
        assert [(r.rule, r.effect, r.start, r.end) for r in got.reasons] == [
            (r.rule, r.effect, r.start, r.end) for r in expected.reasons
        ]


# ---- §8.2: ten texts that must be rejected -------------------------------------------------

#: declarations the negative texts name (their own file, Indonesian)
NEGATIVE_PRELUDE = (
    'pegawai memiliki: golongan: angka, kinerja: bertingkat "kurang" < "baik", '
    "mulai menjabat: tanggal.\n"
    "kelompok petugas loket: pegawai yang golongannya 1.\n"
)
NEGATIVES = [
    ("N1", "aturan N1: pegawai tidak wajib bekerja dari kantor.", "unknown-group", "pegawai tidak"),
    ("N2", "aturan N2: pegawai yang golongannya 9 wajb berada di kantor.", "syntax", "wajb"),
    (
        "N3",
        'aturan N3: pegawai dapat bekerja dari rumah jika kinerja paling rendah "baik".',
        "syntax",
        "paling rendah",
    ),
    ("N4", "jam layanan: Senin sampai Jumat 08.00 sampai 25.00.", "bad-time", "25.00"),
    ("N5", "hari libur: nasional, 29 Februari 2025.", "bad-date", "29 Februari 2025"),
    (
        "N6",
        "aturan N6: pegawai dapat bekerja dari rumah setiap hari.",
        "bad-statement",
        "setiap hari",
    ),
    (
        "N7",
        "aturan N7: pegawai wajib berada di kantor pada hari kerja kecuali hari libur.",
        "syntax",
        ".",
    ),
    (
        "N8",
        "aturan N8a: pegawai dapat berada di kantor.\nrule N8: employees may work from home.",
        "wrong-language",
        "rule N8: employees may work from home.",
    ),
    (
        "N9",
        "aturan N9: paling sedikit 2 (tiga) orang petugas loket wajib berada di kantor.",
        "number-words",
        "2 (tiga)",
    ),
    (
        "N10",
        "aturan N10: pegawai yang mulai menjabatnya paling lambat 2 tahun yang lalu dapat "
        "bekerja dari rumah.",
        "bad-ago",
        "paling lambat 2 tahun yang lalu",
    ),
]
#: the Indonesian messages of §8.2, word for word
MESSAGES = {
    "N10": "`yang lalu` memerlukan `kurang dari` atau `paling sedikit`, bukan `paling lambat`",
    "N1": "tidak ada kelompok bernama `pegawai tidak`",
    "N2": "diharapkan `dan`, `dilarang`, `wajib`, atau `dapat`; ditemukan `wajb`",
    "N3": "diharapkan `mereka`, `sif`, atau sebuah nama; ditemukan `paling rendah`",
    "N6": "`per PERIODE` memerlukan batas sebelumnya",
    "N7": "diharapkan `mereka`, `sif`, atau sebuah nama; ditemukan `.`",
    "N9": "`2 (tiga)`: angka 2 dieja `dua`, bukan `tiga`",
    "N4": "`25.00` bukan waktu: hari berakhir pukul 24.00",
    "N5": "`29 Februari 2025` bukan tanggal: Februari 2025 hanya 28 hari",
    "N8": "kalimat ini berbahasa Inggris, sedangkan berkas ini berbahasa Indonesia",
}


#: the hints of §6.2 and §6.4 for them
HINTS = {
    "N1": "`tidak wajib` berarti tidak diharuskan, bukan larangan, dan `tidak` terbaca sebagai "
    "bagian dari nama kelompok; untuk melarang tulis `pegawai dilarang ...` atau "
    "`pegawai tidak boleh ...`",
    "N3": "tandai pemilik atributnya: `kinerjanya`, `kinerja mereka` (pegawai) atau "
    "`kinerja sif` (sif)",
    "N6": "di sini `setiap hari` berarti `per hari`; untuk 'pada setiap hari' tulis "
    "`pada setiap hari`",
    "N7": "`kecuali hari libur` hanya ditulis di akhir deklarasi `jam`; dalam aturan, "
    "`pada hari kerja` sudah tidak mencakup hari libur",
    "N10": 'untuk "paling lambat N tahun yang lalu" tulis `paling sedikit N tahun yang lalu`',
}


def diagnose(text: str) -> list[Any]:
    try:
        policy = flexrules.compile_policy({"contoh.rules": NEGATIVE_PRELUDE + text + "\n"})
    except flexrules.PolicyError as exc:
        return list(exc.diagnostics)
    return list(policy.diagnostics)


@pytest.mark.parametrize(
    ("number", "text", "code", "under"), NEGATIVES, ids=[n[0] for n in NEGATIVES]
)
def test_each_negative_text_is_rejected(number: str, text: str, code: str, under: str) -> None:
    """§8.2: the code, what is underlined and (where the catalog has it) the message."""
    found = [d for d in diagnose(text) if d.code == code]
    assert found, [d.render() for d in diagnose(text)]
    (diagnostic,) = found
    assert diagnostic.is_error
    assert diagnostic.span is not None and diagnostic.span.text == under
    assert diagnostic.message == MESSAGES[number]
    if number in HINTS:
        assert diagnostic.hint == HINTS[number]
    if number == "N2":
        assert diagnostic.hint == "maksud Anda `wajib`?"
        # prose in English on request; the keywords stay those the file must be written in
        assert diagnostic.message_for("en") == (
            "expected `dan`, `dilarang`, `wajib` or `dapat`; found `wajb`"
        )


# ---- §9: flexible time -----------------------------------------------------------------------

FLEXIBLE = (
    'kebijakan "Uji".\n'
    "hari kerja: Senin sampai Jumat.\n"
    "aturan R4: pegawai wajib mulai bekerja antara 07.00 dan 08.30 pada hari kerja.\n"
    "aturan R5: pegawai wajib bekerja antara pukul 09.00 dan 12.00 pada hari kerja.\n"
    "aturan R7: pegawai dapat berada di kantor.\n",
    'policy "Uji".\n'
    "working days: Monday to Friday.\n"
    "rule R4: employees must start work between 07:00 and 08:30 on working days.\n"
    "rule R5: employees must work between 09:00 and 12:00 on working days.\n"
    "rule R7: employees may be on-site.\n",
)


def test_start_windows_and_core_hours_read_as_in_english() -> None:
    """§9: `wajib mulai bekerja antara ...` is a start window and `wajib bekerja antara ...`
    core hours, the same trees, rules and violations as their English sentences."""
    ours, theirs = (flexrules.compile_policy(text) for text in FLEXIBLE)
    assert lowered(FLEXIBLE[0]).declarations == lowered(FLEXIBLE[1]).declarations
    assert (
        [(r.id, r.kind) for r in ours.rules]
        == [(r.id, r.kind) for r in theirs.rules]
        == [
            ("R4", "start window"),
            ("R5", "core hours"),
            ("R7", "shift rule"),
        ]
    )
    late = [{"start": "2025-07-07T11:00", "end": "2025-07-07T16:00", "location": "office"}]
    reports = [policy.check({"id": "E-1"}, late) for policy in (ours, theirs)]
    found = [[(v.rule, v.kind, v.start, v.end) for v in r.violations] for r in reports]
    assert found[0] == found[1] and [rule for rule, *_ in found[0]] == ["R4", "R5"]
    assert reports[0].violations[0].message.startswith("Senin 7 Juli 2025: ")
    assert "11.00" in reports[0].violations[0].message
