"""Entries for `flexrules translate` (LANGUAGE-ID.md §7)."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    "translate.not_parsed": {
        "en": "error: `{file}` does not parse; nothing was translated",
        "id": "kesalahan: `{file}` tidak dapat diurai; tidak ada yang diterjemahkan",
    },
    "translate.not_same": {
        "en": "internal error: the translation of `{file}` does not read back as the same "
        "policy; nothing was written (please report this file)",
        "id": "kesalahan internal: terjemahan `{file}` tidak terbaca kembali sebagai kebijakan "
        "yang sama; tidak ada yang ditulis (mohon laporkan berkas ini)",
    },
    "translate.written": {
        "en": "wrote `{file}`",
        "id": "`{file}` ditulis",
    },
    "translate.out_for_folder": {
        "en": "translating a folder needs --out DIR (the translated files go there)",
        "id": "menerjemahkan folder memerlukan --out DIR (berkas terjemahan ditulis di sana)",
    },
    "translate.one_path_out": {
        "en": "--out FILE takes one file to translate",
        "id": "--out FILE hanya untuk satu berkas",
    },
    "translate.stray_value": {
        "en": "this value follows no `one of`; correct it before translating",
        "id": "nilai ini tidak mengikuti `one of`; perbaiki sebelum menerjemahkan",
    },
}
