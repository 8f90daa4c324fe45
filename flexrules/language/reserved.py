"""The reserved words of each kind of name, read from the parser's tables, never typed by hand.

Lark's contextual lexer only tries the terminals that the parser state it is in can take, so
a keyword is a keyword only where the grammar could take it, and a plain word everywhere else.
A name therefore cannot contain, after its first word, a keyword that the states inside that
kind of name accept (for a group name: `must`, `or`, `whose`, ...), nor start with a keyword
that the states before it accept (a group name cannot start with `employees`). This module
finds those states in the LALR table, lists their keywords as authors write them, and renders
the section of docs/language.md that says so.

    python -m flexrules.language.reserved           # rewrite that section of docs/language.md
    python -m flexrules.language.reserved --print   # print it instead
    python -m flexrules.language.reserved --lang id # from the Indonesian grammar, into
                                                    # docs/language-id.md
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from . import indonesian, keywords
from .parser import parser

START_MARKER = "<!-- reserved:start -->"
END_MARKER = "<!-- reserved:end -->"

#: The terminals that spell the words of a name; everything else in a state is reserved.
_NAME_TERMINALS = ("WORD", "QUOTED_NAME")


@attrs.frozen
class NameKind:
    """One kind of name: the grammar rule that reads it and how authors know it."""

    key: str
    rule: str
    title: str
    where: str


#: Every kind of name in the grammar, in the order the documentation shows them.
NAME_KINDS: tuple[NameKind, ...] = (
    NameKind(
        "group",
        "group_name",
        "group names",
        "at the start of a rule and of a group's definition, after `or`, `at least N` and "
        "`at most P% of`",
    ),
    NameKind(
        "attribute",
        "attribute_name",
        "attribute names",
        "after `whose`, `their`, `the shift's` and `in each`",
    ),
    NameKind(
        "flag",
        "flag_name",
        "yes-or-no attribute names",
        "after `who are`, `they are` and `the shift is` (each with or without `not`)",
    ),
    NameKind(
        "span",
        "span_name",
        "hours and dates names",
        "after `during`, `outside` and `work within`",
    ),
    NameKind(
        "declared",
        "decl_name",
        "names being declared",
        "after `group`, `hours` and `dates`, and before the `:` of each attribute in "
        "`employees have:` and `shifts have:`",
    ),
)

#: The same kinds, as the Indonesian reference names them (LANGUAGE-ID.md §3.8).
NAME_KINDS_ID: tuple[NameKind, ...] = (
    NameKind(
        "group",
        "group_name",
        "nama kelompok",
        "di awal aturan dan definisi kelompok, sesudah `atau`, `paling sedikit N [orang]` dan "
        "`paling banyak P% [dari]`",
    ),
    NameKind(
        "attribute",
        "attribute_name",
        "nama atribut",
        "sesudah `dengan` dan `di setiap`; sebelum `-nya`, `mereka`, `yang bersangkutan` dan "
        "`sif` dalam syarat",
    ),
    NameKind(
        "flag",
        "flag_name",
        "nama atribut ya atau tidak, dan nama atribut sesudah `yang`",
        "sesudah `yang`, `dan`, `mereka`, `yang bersangkutan` dan `sif` (masing-masing dengan "
        "atau tanpa `tidak`)",
    ),
    NameKind(
        "span",
        "span_name",
        "nama jam dan tanggal",
        "sesudah `selama`, `di luar` dan `bekerja di dalam`",
    ),
    NameKind(
        "declared",
        "decl_name",
        "nama yang sedang dinyatakan",
        "sesudah `kelompok`, `jam`, `pola jam` dan `tanggal`, dan sebelum `:` tiap atribut "
        "dalam `pegawai memiliki:` dan `sif memiliki:`",
    ),
)
_KINDS = {"en": NAME_KINDS, "id": NAME_KINDS_ID}


@attrs.frozen
class ReservedWords:
    """The keywords that a kind of name cannot start with, and cannot hold after its first word.

    Each entry is a keyword phrase as authors write it (`who are`, `in each`); the words of a
    longer phrase are reserved only together (`who` alone is an ordinary word).
    """

    kind: NameKind
    start: tuple[str, ...]
    after_first: tuple[str, ...]
    start_terminals: frozenset[str]
    after_first_terminals: frozenset[str]


def _parse_table(language: str = "en") -> Any:
    """The LALR table of a language's parser, as its interactive parser sees it."""
    interactive = parser(language).parse_interactive("")
    return interactive.parser_state.parse_conf.parse_table


#: grammar terminal -> keyword of the Indonesian table, where the grammar filters it (`_EACH`)
_FILTERED_KEYWORDS = {name: keyword for keyword, name in indonesian.FILTERED.items()}


def _keyword_terminals(row: Mapping[str, Any], language: str = "en") -> set[str]:
    """The keyword terminals a state accepts: what the contextual lexer tries there (by the
    keyword table's names: `EACH` for the Indonesian grammar's `_EACH`)."""
    table = keywords.table_of(language)
    found = {_FILTERED_KEYWORDS.get(t, t) for t in row} if language == "id" else set(row)
    return {t for t in found if t in table}


def reserved_terminals(rule: str, language: str = "en") -> tuple[frozenset[str], frozenset[str]]:
    """For a name rule of the grammar: keyword terminals reserved at its start, and after it.

    The start states are those with a transition on the rule; the states inside a name are
    those reached by shifting a name word from a start state, or from the state reached after
    reading a whole name (where the next word extends it).
    """
    table = _parse_table(language)
    states: Mapping[int, Mapping[str, Any]] = table.states
    starts = [state for state, row in states.items() if rule in row]
    if not starts:
        raise ValueError(f"the grammar has no rule `{rule}`")
    at_start: set[str] = set()
    inside: set[str] = set()
    for state in starts:
        row = states[state]
        at_start |= _keyword_terminals(row, language)
        _action, after_name = row[rule]
        for origin in (row, states[after_name]):
            for terminal in _NAME_TERMINALS:
                if terminal in origin:
                    _action, word_state = origin[terminal]
                    inside |= _keyword_terminals(states[word_state], language)
    return frozenset(at_start), frozenset(inside)


def _phrases(terminals: Iterable[str], language: str = "en") -> tuple[str, ...]:
    """Keyword phrases in keyword-table order, without those a shorter phrase already covers.

    `must not` need not be listed when `must` is: any name holding `must not` holds `must`.
    """
    chosen = set(terminals)
    phrases = [
        phrase
        for terminal, spelled in keywords.table_of(language).items()
        if terminal in chosen
        for phrase in spelled
    ]
    folded = [tuple(p.casefold().split()) for p in phrases]
    kept: list[str] = []
    for phrase, words in zip(phrases, folded, strict=True):
        covered = any(other != words and words[: len(other)] == other for other in folded)
        if not covered and phrase not in kept:
            kept.append(phrase)
    return tuple(kept)


def reserved_words(language: str = "en") -> dict[str, ReservedWords]:
    """Each kind of name (by key: group, attribute, flag, span, declared) and its reserved
    words in a language (`en`, `id`). In Indonesian a group name may begin with `pegawai` when
    more words follow (`pegawai administrasi`: LANGUAGE-ID.md §3.3), so `pegawai` is not
    reserved at a group name's start."""
    found: dict[str, ReservedWords] = {}
    for kind in _KINDS[language]:
        at_start, inside = reserved_terminals(kind.rule, language)
        if language == "id" and kind.key == "group":
            at_start = at_start - {"EMPLOYEES"}
        found[kind.key] = ReservedWords(
            kind,
            _phrases(at_start, language),
            _phrases(inside, language),
            at_start,
            inside,
        )
    return found


@functools.lru_cache(maxsize=2)
def _phrase_words(
    language: str = "en",
) -> dict[str, tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]]:
    """For each kind of name, the reserved phrases (as case-folded word tuples) at its start
    and after its first word, in a language."""
    return {
        key: (
            tuple(tuple(p.casefold().split()) for p in words.start),
            tuple(tuple(p.casefold().split()) for p in words.after_first),
        )
        for key, words in reserved_words(language).items()
    }


def culprit(words: Sequence[str], kind: str, language: str = "en") -> tuple[str, bool] | None:
    """The reserved phrase a name of `kind` (group, attribute, flag, span) holds in
    `language`, as written, and whether it is at the name's start; None when it holds none
    (so it can be written bare there)."""
    start, after_first = _phrase_words(language)[kind]
    folded = tuple(word.casefold() for word in words)
    for phrase in start:
        if folded[: len(phrase)] == phrase:
            return " ".join(words[: len(phrase)]), True
    for index in range(1, len(folded)):
        for phrase in after_first:
            if folded[index : index + len(phrase)] == phrase:
                return " ".join(words[index : index + len(phrase)]), False
    return None


_NONE = {"en": "none", "id": "tidak ada"}
_HEADINGS = {
    "en": "| kind of name | where it stands | cannot start with "
    "| cannot hold after its first word |",
    "id": "| jenis nama | letaknya | tidak dapat diawali "
    "| tidak dapat memuat sesudah kata pertamanya |",
}
_COMMANDS = {
    "en": "python -m flexrules.language.reserved",
    "id": "python -m flexrules.language.reserved --lang id",
}
#: the reference page each language's section is written into
DOCUMENTS = {"en": "language.md", "id": "language-id.md"}


def _code_list(phrases: Sequence[str], language: str = "en") -> str:
    return ", ".join(f"`{p}`" for p in phrases) if phrases else _NONE[language]


def render_markdown(language: str = "en") -> str:
    """The generated reserved-words section of a language's reference page (docs/language.md,
    docs/language-id.md), markers included."""
    lines = [
        START_MARKER,
        f"<!-- generated from the grammar by `{_COMMANDS[language]}`; do not edit -->",
        "",
        _HEADINGS[language],
        "| --- | --- | --- | --- |",
    ]
    for reserved in reserved_words(language).values():
        kind = reserved.kind
        lines.append(
            f"| {kind.title} | {kind.where} | {_code_list(reserved.start, language)} "
            f"| {_code_list(reserved.after_first, language)} |"
        )
    lines.append(END_MARKER)
    return "\n".join(lines) + "\n"


def replace_section(document: str, section: str) -> str:
    """The document with the text between the markers (markers included) replaced."""
    begin = document.find(START_MARKER)
    end = document.find(END_MARKER)
    if begin < 0 or end < begin:
        raise ValueError(f"the document has no `{START_MARKER}` ... `{END_MARKER}` section")
    after = end + len(END_MARKER)
    if document.startswith("\n", after):
        after += 1
    return document[:begin] + section + document[after:]


def extract_section(document: str) -> str:
    """The reserved-words section of a document as it stands, markers included."""
    begin = document.find(START_MARKER)
    end = document.find(END_MARKER)
    if begin < 0 or end < begin:
        raise ValueError(f"the document has no `{START_MARKER}` ... `{END_MARKER}` section")
    return document[begin : end + len(END_MARKER)] + "\n"


def default_document(language: str = "en") -> Path:
    """docs/language.md (docs/language-id.md) of the source checkout this module runs from."""
    return Path(__file__).resolve().parent.parent.parent / "docs" / DOCUMENTS[language]


def main(argv: Sequence[str] | None = None) -> int:
    cli = argparse.ArgumentParser(
        prog="python -m flexrules.language.reserved",
        description="Regenerate the reserved-words section of the language reference.",
    )
    cli.add_argument(
        "document",
        nargs="?",
        type=Path,
        default=None,
        help="the Markdown file to update (default: docs/language.md, or docs/language-id.md "
        "with --lang id)",
    )
    cli.add_argument(
        "--lang",
        choices=sorted(DOCUMENTS),
        default="en",
        help="the grammar to read: en (English, the default) or id (Bahasa Indonesia)",
    )
    cli.add_argument(
        "--print",
        action="store_true",
        dest="print_only",
        help="print the section instead of writing it",
    )
    args = cli.parse_args(argv)
    section = render_markdown(args.lang)
    if args.print_only:
        sys.stdout.write(section)
        return 0
    path: Path = args.document or default_document(args.lang)
    try:
        document = path.read_text(encoding="utf-8")
        updated = replace_section(document, section)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if updated != document:
        path.write_text(updated, encoding="utf-8")
        print(f"updated {path}")
    else:
        print(f"{path} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
