"""Entries for the diagnostics about which language a policy is written in (LANGUAGE-ID.md
§1.1 and §6.3): a sentence in the other language than its file's, and a folder policy whose
files are not all in one language."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    "language.wrong.en_in_id": {
        "en": "this sentence is in English, but this file is in Bahasa Indonesia",
        "id": "kalimat ini berbahasa Inggris, sedangkan berkas ini berbahasa Indonesia",
    },
    "language.wrong.id_in_en": {
        "en": "this sentence is in Bahasa Indonesia, but this file is in English",
        "id": "kalimat ini berbahasa Indonesia, sedangkan berkas ini berbahasa Inggris",
    },
    "language.wrong.hint": {
        "en": "a file's language is set by its first sentence (line {line}); write this "
        "sentence in that language, or put it in a file of its own",
        "id": "bahasa berkas ditentukan oleh kalimat pertamanya (baris {line}); tulis kalimat "
        "ini dalam bahasa itu, atau pindahkan ke berkas tersendiri",
    },
    "language.wrong.hint.rewritten": {
        "en": "a file's language is set by its first sentence (line {line}); write: {sentence}",
        "id": "bahasa berkas ditentukan oleh kalimat pertamanya (baris {line}); tulis: {sentence}",
    },
    "language.mixed.en_in_id": {
        "en": "this file is in English, but the policy's header is in Bahasa Indonesia",
        "id": "berkas ini berbahasa Inggris, sedangkan kepala kebijakan berbahasa Indonesia",
    },
    "language.mixed.id_in_en": {
        "en": "this file is in Bahasa Indonesia, but the policy's header is in English",
        "id": "berkas ini berbahasa Indonesia, sedangkan kepala kebijakan berbahasa Inggris",
    },
    "language.mixed.en_in_id_first": {
        "en": "this file is in English, but the policy's first file (`{file}`) is in Bahasa "
        "Indonesia",
        "id": "berkas ini berbahasa Inggris, sedangkan berkas pertama kebijakan (`{file}`) "
        "berbahasa Indonesia",
    },
    "language.mixed.id_in_en_first": {
        "en": "this file is in Bahasa Indonesia, but the policy's first file (`{file}`) is in "
        "English",
        "id": "berkas ini berbahasa Indonesia, sedangkan berkas pertama kebijakan (`{file}`) "
        "berbahasa Inggris",
    },
    "language.mixed.hint": {
        "en": "the policy reads the same either way, but its explanations and reports follow "
        "the language of `{file}`; write every file of a policy in one language",
        "id": "kebijakan tetap berlaku sama, tetapi penjelasan dan laporannya mengikuti bahasa "
        "`{file}`; tulis semua berkas satu kebijakan dalam satu bahasa",
    },
    "language.keyword.en_in_id": {
        "en": "`{word}` is an English keyword; in this file write `{keyword}`",
        "id": "`{word}` adalah kata kunci bahasa Inggris; dalam berkas ini tulis `{keyword}`",
    },
    "language.keyword.id_in_en": {
        "en": "`{word}` is a Bahasa Indonesia keyword; in this file write `{keyword}`",
        "id": "`{word}` adalah kata kunci bahasa Indonesia; dalam berkas ini tulis `{keyword}`",
    },
}
