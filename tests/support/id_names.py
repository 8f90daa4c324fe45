"""The names of examples/disdukcapil.rules under LANGUAGE-ID.md §4.1's Indonesian names (its
table), for Indonesian twins of cases written for the English policy.

`TWIN_POLICY` is §4.1 itself (examples/id/disdukcapil.rules); `ENGLISH_TWIN` its English
twin with the same names and titles (examples/id/en/disdukcapil.rules). They lower to
equal trees, so every twin decides alike (the equivalence guarantee of LANGUAGE-ID.md §1.3).
"""

from __future__ import annotations

import re
from typing import Any

TWIN_POLICY = "examples/id/disdukcapil.rules"
ENGLISH_TWIN = "examples/id/en/disdukcapil.rules"
ENGLISH_POLICY = "examples/disdukcapil.rules"

#: attribute names, English (as in the policy) to §4.1's
NAMES = {
    "role": "jabatan",
    "job type": "jenis tugas",
    "performance": "kinerja",
    "grade": "golongan",
    "unit": "unit",
    "position start": "mulai menjabat",
    "on probation": "dalam masa percobaan",
    "under sanction": "sedang menjalani hukuman disiplin",
    "in special circumstances": "dalam keadaan khusus",
    "approved": "disetujui",
}
#: values, English to §4.1's (and roles the rules do not name, as an HR system writes them)
VALUES = {
    "administration": "administrasi",
    "finance": "keuangan",
    "personnel": "kepegawaian",
    "technical": "teknis",
    "public service": "pelayanan publik",
    "very poor": "sangat kurang",
    "poor": "kurang",
    "needs improvement": "butuh perbaikan",
    "good": "baik",
    "very good": "sangat baik",
    "service desk": "loket layanan",
    "finance officer": "staf keuangan",
    "personnel officer": "staf kepegawaian",
    "archive officer": "arsiparis",
    "database administrator": "pengelola basis data",
    "administration officer": "staf administrasi",
}
#: keys the engine reads itself, kept as they are
ENGINE_KEYS = frozenset({"id", "name", "timezone", "start", "end", "location", "note"})


def read(record: dict[str, Any], name: str) -> tuple[bool, Any]:
    """Whether a record holds the fact `name`, and its value, as the engine reads it: the
    keys as written, lower case, then with underscores, the first that is not None."""
    keys = [name, name.casefold(), re.sub(r"[\s\-]+", "_", name.casefold())]
    present = [key for key in keys if key in record]
    for key in present:
        if record[key] is not None:
            return True, record[key]
    return bool(present), None


def renamed(record: dict[str, Any]) -> dict[str, Any]:
    """An employee or shift of the English policy with §4.1's names and values: each fact the
    engine would read (a decoy spelling beside it is left behind)."""
    found: dict[str, Any] = {key: value for key, value in record.items() if key in ENGINE_KEYS}
    for english, indonesian in NAMES.items():
        present, value = read(record, english)
        if present:
            found[indonesian] = VALUES.get(value, value) if isinstance(value, str) else value
    return found
