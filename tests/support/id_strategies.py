"""Hypothesis strategies for policies written twice, in Bahasa Indonesia and in English.

Each strategy draws one meaning and writes it in both languages, choosing among the
spellings LANGUAGE-ID.md accepts on the Indonesian side (`wajib`/`harus`, `dapat`/`boleh`,
`yang jabatannya`/`dengan jabatan`, `pukul 08.00`, `7 Juli 2025`/`2025-07-07`, `-nya`/`mereka`,
`s.d.`, dashes, keyword case), so a test can check that the two lower to equal trees (§1.3).
The names are the same in both (names are never translated, §1.4).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

Pair = tuple[str, str]  # (Indonesian, English)

PRELUDE: Pair = (
    "pegawai memiliki: jabatan: teks, golongan: angka, mulai menjabat: tanggal,\n"
    '  kinerja: bertingkat "kurang" < "baik" < "sangat baik",\n'
    "  dalam masa percobaan: ya atau tidak,\n"
    "  unit kerja: teks.\n"
    'sif memiliki: disetujui: ya atau tidak, tujuan: salah satu dari "pelatihan", "lapangan".\n'
    "hari kerja: Senin sampai Jumat.\n"
    "hari libur: nasional.\n"
    "jam layanan: Senin sampai Kamis 08.00 sampai 15.00, Jumat 08.00 sampai 11.30.\n"
    "tanggal Ramadan: 1 Maret 2025 sampai 30 Maret 2025.\n"
    'kelompok petugas loket: pegawai yang jabatannya "loket".\n',
    "employees have: jabatan: text, golongan: number, mulai menjabat: date,\n"
    '  kinerja: ranked "kurang" < "baik" < "sangat baik", dalam masa percobaan: yes or no,\n'
    "  unit kerja: text.\n"
    'shifts have: disetujui: yes or no, tujuan: one of "pelatihan", "lapangan".\n'
    "working days: Monday to Friday.\n"
    "holidays: Indonesia.\n"
    "hours jam layanan: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 11:30.\n"
    "dates Ramadan: 2025-03-01 to 2025-03-30.\n"
    'group petugas loket: employees whose jabatan is "loket".\n',
)

_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus")
_MONTHS += ("September", "Oktober", "November", "Desember")
_DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _one(*choices: str) -> st.SearchStrategy[str]:
    return st.sampled_from(choices)


@st.composite
def keyword(draw: st.DrawFn, *phrases: str) -> str:
    """One of a keyword's Indonesian phrases, in lower, upper or title case."""
    phrase = draw(st.sampled_from(phrases))
    return draw(st.sampled_from((phrase, phrase.upper(), phrase.capitalize())))


@st.composite
def dates(draw: st.DrawFn) -> Pair:
    day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
    iso = f"2025-{month:02d}-{day:02d}"
    written = draw(st.sampled_from((f"{day} {_MONTHS[month - 1]} 2025", iso)))
    return written, iso


@st.composite
def times(draw: st.DrawFn) -> Pair:
    hour, minute = draw(st.integers(0, 23)), draw(st.sampled_from((0, 15, 30, 45)))
    separator = draw(st.sampled_from((".", ":")))
    hours = draw(st.sampled_from((f"{hour:02d}", str(hour))))
    return f"{hours}{separator}{minute:02d}", f"{hour:02d}:{minute:02d}"


# ---- subjects ------------------------------------------------------------------------------


@st.composite
def refinement(draw: st.DrawFn, first: bool) -> Pair:
    kind = draw(st.sampled_from(("text", "number", "flag", "ago")))
    lead = draw(keyword("yang")) if first else draw(keyword("dan", "dan yang"))
    en_lead = "whose" if first else "and whose"
    if kind == "text":
        value = draw(_one('"loket"', '"analis"'))
        if draw(st.booleans()):
            written = f"{lead} jabatannya {draw(_one('', 'adalah '))}{value}"
        else:
            written = f"{'dengan' if first else 'dan dengan'} jabatan {value}"
        return written, f"{en_lead} jabatan is {value}"
    if kind == "number":
        n = draw(st.integers(1, 12))
        phrase = draw(keyword("paling rendah", "minimal", "sekurang-kurangnya", "paling sedikit"))
        return f"{lead} golongannya {phrase} {n}", f"{en_lead} golongan is at least {n}"
    if kind == "ago":
        n = draw(st.integers(1, 24))
        ago = draw(_one("yang lalu", "lalu"))
        return (
            f"{lead} mulai menjabatnya kurang dari {n} bulan {ago}",
            f"{en_lead} mulai menjabat is less than {n} months ago",
        )
    negated = draw(st.booleans())
    if first:
        written = "yang tidak" if negated else "yang"
    else:
        written = (
            draw(_one("dan yang tidak", "dan tidak")) if negated else draw(_one("dan yang", "dan"))
        )
    english = (
        ("who are not" if negated else "who are")
        if first
        else ("and who are not" if negated else "and who are")
    )
    return f"{written} dalam masa percobaan", f"{english} dalam masa percobaan"


@st.composite
def subjects(draw: st.DrawFn) -> Pair:
    base = draw(st.sampled_from(("employees", "everyone", "group")))
    if base == "everyone":
        return draw(keyword("semua pegawai", "seluruh pegawai", "setiap pegawai")), "everyone"
    if base == "group":
        return draw(_one("petugas loket", "setiap petugas loket")), "petugas loket"
    ours, theirs = ["pegawai"], ["employees"]
    for index in range(draw(st.integers(0, 2))):
        written, english = draw(refinement(first=index == 0))
        ours.append(written)
        theirs.append(english)
    return " ".join(ours), " ".join(theirs)


# ---- statements ----------------------------------------------------------------------------

_ACTIVITIES: dict[str, tuple[str, ...]] = {
    "be on-site": ("berada di kantor", "hadir di kantor"),
    "work at the office": ("bekerja di kantor",),
    "work on-site": ("bekerja dari kantor",),
    "work from home": ("bekerja dari rumah",),
    "work anywhere": ("bekerja dari mana saja", "bekerja di mana saja"),
    "work remotely": ("bekerja jarak jauh",),
}
_MODALS: dict[str, tuple[str, ...]] = {
    "must": ("wajib", "harus"),
    "must not": ("dilarang", "tidak boleh"),
    "may": ("dapat", "boleh"),
}


@st.composite
def day_parts(draw: st.DrawFn) -> Pair:
    kind = draw(st.sampled_from(("range", "set", "list")))
    if kind == "range":
        first, last = draw(st.integers(0, 6)), draw(st.integers(0, 6))
        joint = draw(_one(" sampai ", " s.d. ", "–", "-", " hingga "))
        hari = draw(_one("", "hari "))
        return (
            f"{hari}{_DAYS_ID[first]}{joint}{_DAYS_ID[last]}",
            f"{_DAYS_EN[first]} to {_DAYS_EN[last]}",
        )
    if kind == "set":
        return draw(
            st.sampled_from(
                (
                    ("hari kerja", "working days"),
                    ("setiap hari kerja", "working days"),
                    ("akhir pekan", "weekends"),
                    ("hari biasa", "weekdays"),
                    ("hari libur nasional", "public holidays"),
                    ("cuti bersama", "joint holidays"),
                    ("setiap hari", "every day"),
                )
            )
        )
    one, two = draw(st.integers(0, 6)), draw(st.integers(0, 6))
    separator = draw(_one(", ", " dan ", ", dan "))
    return f"{_DAYS_ID[one]}{separator}{_DAYS_ID[two]}", f"{_DAYS_EN[one]} and {_DAYS_EN[two]}"


@st.composite
def time_parts(draw: st.DrawFn) -> Pair:
    kind = draw(st.sampled_from(("on", "between", "during", "outside", "window", "until")))
    if kind == "on":
        written, english = draw(day_parts())
        return f"{draw(keyword('pada'))} {written}", f"on {english}"
    if kind == "between":
        (a, a_en), (b, b_en) = draw(times()), draw(times())
        zone = draw(_one("", " WIB"))
        if draw(st.booleans()):
            return f"antara pukul {a}{zone} dan {b}", f"between {a_en} and {b_en}"
        dash = draw(_one(" sampai ", "–", " s.d. "))
        return f"pukul {a}{dash}{b}{zone}", f"between {a_en} and {b_en}"
    if kind == "during":
        name = draw(_one("jam layanan", "Ramadan"))
        return f"{draw(keyword('selama'))} {name}", f"during {name}"
    if kind == "outside":
        name = draw(_one("jam layanan", "Ramadan"))
        return f"di luar {name}", f"outside {name}"
    (start, start_en), (end, end_en) = draw(dates()), draw(dates())
    if kind == "window":
        opener = draw(keyword("mulai", "dari", "sejak"))
        until = draw(_one("sampai", "hingga", "s.d.", "sampai dengan", "s/d"))
        return f"{opener} {start} {until} {end}", f"from {start_en} to {end_en}"
    until = draw(_one("sampai", "hingga", "s.d.", "sampai dengan"))
    return f"{until} {end}", f"until {end_en}"


@st.composite
def atoms(draw: st.DrawFn) -> Pair:
    kind = draw(st.sampled_from(("performance", "grade", "they", "shift", "purpose")))
    if kind == "performance":
        owner = draw(_one("kinerjanya", "kinerja mereka", "kinerja yang bersangkutan"))
        phrase = draw(keyword("paling rendah", "minimal", "sekurang-kurangnya"))
        return f'{owner} {phrase} "baik"', 'their kinerja is at least "baik"'
    if kind == "grade":
        a, b = draw(st.integers(1, 9)), draw(st.integers(10, 17))
        return f"golongannya antara {a} dan {b}", f"their golongan is between {a} and {b}"
    negated = draw(st.booleans())
    if kind == "they":
        who = draw(_one("mereka", "yang bersangkutan"))
        return (
            f"{who} {'tidak ' if negated else ''}dalam masa percobaan",
            f"they are {'not ' if negated else ''}dalam masa percobaan",
        )
    if kind == "shift":
        sif = draw(keyword("sif", "shift"))
        return (
            f"{sif} {'tidak ' if negated else ''}disetujui",
            f"the shift is {'not ' if negated else ''}disetujui",
        )
    value = draw(_one('"pelatihan"', '"lapangan"'))
    if negated:
        return f"tujuan sif bukan {value}", f"the shift's tujuan is not {value}"
    return f"tujuan sif {value}", f"the shift's tujuan is {value}"


@st.composite
def conditions(draw: st.DrawFn, depth: int = 0) -> Pair:
    parts = [draw(atoms()) for _ in range(draw(st.integers(1, 3)))]
    ours, theirs = parts[0]
    for written, english in parts[1:]:
        if draw(st.booleans()):
            ours, theirs = f"{ours} dan {written}", f"{theirs} and {english}"
        else:
            ours, theirs = f"{ours} atau {written}", f"{theirs} or {english}"
    if depth < 1 and draw(st.integers(0, 3)) == 0:
        inner, inner_en = draw(conditions(depth + 1))
        negate = draw(st.booleans())
        ours = f"{ours} dan {'tidak ' if negate else ''}({inner})"
        theirs = f"{theirs} and {'not ' if negate else ''}({inner_en})"
    return ours, theirs


@st.composite
def plain_rules(draw: st.DrawFn, rule_id: str) -> Pair:
    who, who_en = draw(subjects())
    modal_en = draw(st.sampled_from(sorted(_MODALS)))
    modal = draw(keyword(*_MODALS[modal_en]))
    activity_en = draw(st.sampled_from(sorted(_ACTIVITIES)))
    activity = draw(keyword(*_ACTIVITIES[activity_en]))
    ours, theirs = [f"{who} {modal} {activity}"], [f"{who_en} {modal_en} {activity_en}"]
    for _ in range(draw(st.integers(0, 2))):
        written, english = draw(time_parts())
        ours.append(written)
        theirs.append(english)
    if draw(st.booleans()):
        condition, condition_en = draw(conditions())
        if draw(st.booleans()):
            ours.append(f"{draw(keyword('jika', 'apabila'))} {condition}")
            theirs.append(f"if {condition_en}")
        else:
            ours.append(f"{draw(keyword('kecuali', 'kecuali jika'))} {condition}")
            theirs.append(f"unless {condition_en}")
    return " ".join(ours), " ".join(theirs)


@st.composite
def group_rules(draw: st.DrawFn, rule_id: str) -> Pair:
    """A limit, a staffing rule or a share, with their Indonesian decorations."""
    kind = draw(st.sampled_from(("limit", "hours", "staffing", "share")))
    if kind == "limit":
        n = draw(st.integers(1, 4))
        period, period_en = draw(
            st.sampled_from(
                (
                    ("per minggu", "per week"),
                    ("dalam seminggu", "per week"),
                    ("setiap minggu", "per week"),
                    ("sepekan", "per week"),
                    ("dalam 1 (satu) minggu", "per week"),
                    ("per bulan", "per month"),
                    ("dalam sebulan", "per month"),
                )
            )
        )
        spelled = draw(_one("", " (satu)" if n == 1 else ""))
        return (
            f"pegawai {draw(keyword('dilarang', 'tidak boleh'))} bekerja jarak jauh lebih dari "
            f"{n}{spelled} hari kerja {period}",
            f"employees must not work remotely more than {n} working days {period_en}",
        )
    if kind == "hours":
        whole, half = draw(st.integers(1, 9)), draw(st.sampled_from((0, 5)))
        written = f"{whole},{half}" if half else str(whole)
        english = f"{whole}.{half}" if half else str(whole)
        period, period_en = draw(
            st.sampled_from(
                (
                    ("per hari kerja", "per working day"),
                    ("sehari", "per day"),
                    ("per hari", "per day"),
                )
            )
        )
        return (
            f"pegawai wajib bekerja paling sedikit {written} jam {period}",
            f"employees must work at least {english} hours {period_en}",
        )
    if kind == "staffing":
        n = draw(st.integers(1, 3))
        spelled = {1: "satu", 2: "dua", 3: "tiga"}[n]
        decorations = draw(_one("", f" ({spelled})")) + draw(_one("", " orang"))
        each = draw(st.booleans())
        return (
            f"paling sedikit {n}{decorations} petugas loket"
            f"{draw(_one(' di setiap unit kerja', ' pada setiap unit kerja')) if each else ''}"
            " wajib berada di kantor selama jam layanan",
            f"at least {n} petugas loket{' in each unit kerja' if each else ''} must be on-site "
            "during jam layanan",
        )
    share = draw(st.sampled_from((20, 30, 50)))
    spelled = {20: "dua puluh", 30: "tiga puluh", 50: "lima puluh"}[share]
    percent = draw(_one("%", " persen", f"% ({spelled} persen)"))
    of = draw(_one("", " dari"))
    return (
        f"paling banyak {share}{percent}{of} pegawai di setiap unit kerja dapat bekerja jarak "
        "jauh per hari",
        f"at most {share}% of employees in each unit kerja may work remotely per day",
    )


@st.composite
def rules(draw: st.DrawFn, index: int) -> Pair:
    rule_id = f"R{index}"
    maker: Callable[..., Any] = draw(st.sampled_from((plain_rules, plain_rules, group_rules)))
    statement, statement_en = draw(maker(rule_id))
    title = draw(_one("", ' "Judul"'))
    citing = draw(_one("", "berdasarkan", "merujuk pada"))
    head = f"{draw(keyword('aturan'))} {rule_id}{title}"
    head_en = f"rule {rule_id}{title}"
    if citing:
        head += f' {citing} "Pasal 13"'
        head_en += ' citing "Pasal 13"'
    return f"{head}: {statement}.", f"{head_en}: {statement_en}."


@st.composite
def policies(draw: st.DrawFn, max_rules: int = 5) -> Pair:
    """A whole policy in both languages: the prelude and up to `max_rules` rules."""
    count = draw(st.integers(1, max_rules))
    pairs = [draw(rules(index)) for index in range(1, count + 1)]
    ours = PRELUDE[0] + "\n".join(p[0] for p in pairs) + "\n"
    theirs = PRELUDE[1] + "\n".join(p[1] for p in pairs) + "\n"
    return ours, theirs
