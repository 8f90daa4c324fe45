"""Entries for diagnostics: what `flexrules check` and `PolicyError` say about a policy, the
labels around it (`error[code]`, `= help:`) and the closing count (LANGUAGE-ID.md §6).

The English texts are the messages as they were before the catalog, byte for byte. Policy
text inside a message (a keyword, an example to write) is a `Code` value, so it stays in the
language of the file the diagnostic points into whatever language the prose is read in.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- the frame around every diagnostic ------------------------------------------------
    "diag.label.error": {"en": "error", "id": "kesalahan"},
    "diag.label.warning": {"en": "warning", "id": "peringatan"},
    "diag.label.help": {"en": "help", "id": "saran"},
    "diag.found": {"en": "{counts} found", "id": "{counts} ditemukan"},
    "diag.and": {"en": "{first} and {second}", "id": "{first} dan {second}"},
    "noun.warning.one": {"en": "{n} warning", "id": "{n} peringatan"},
    "noun.warning.other": {"en": "{n} warnings", "id": "{n} peringatan"},
}
