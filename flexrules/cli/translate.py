"""`flexrules translate PATH --to id|en`: policy files in the other language (LANGUAGE-ID.md
§7), each checked to read back as the same policy before anything is printed or written.

Exit 0 done; 1 a file does not parse (its diagnostics printed, nothing written); 2 called
wrongly; 3 a translation did not read back alike (a bug: nothing written)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..authoring.translation import TARGETS, Translated, TranslationError, translate_text
from ..core.diagnostics import render_text
from ..core.messages import Text, say
from ..language.sources import decode
from .authoring import MAX_FILE_BYTES, STDIN, _rules_files
from .common import EXIT_ERRORS, EXIT_INTERNAL, EXIT_OK, Subparsers, UsageError, print_err
from .options import add_language


def add_translate(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "translate",
        help="write policy files in the other language (Bahasa Indonesia or English)",
        description="Write each .rules file (a file, the .rules files under a folder, or `-` "
        "for standard input) in the language --to names, from its syntax tree: keywords, word "
        "order, times, dates and decimals in the target's own form, names, quoted texts, rule "
        "ids and comments as they are. The output is parsed again and compared with the input "
        "before it is printed or written. Without --out or --write the translation is printed. "
        "Exit 0 when done, 1 when a file does not parse (nothing is written), 2 when called "
        "wrongly, 3 when a translation does not read back as the same policy (a bug).",
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help="a .rules file, a folder or -")
    command.add_argument("--to", required=True, choices=TARGETS, help="id or en")
    place = command.add_mutually_exclusive_group()
    place.add_argument(
        "--out",
        metavar="PATH",
        help="write here: a file for one file, a folder for a folder (relative paths mirrored)",
    )
    place.add_argument(
        "--write", "-w", action="store_true", help="replace each file with its translation"
    )
    add_language(command)
    command.set_defaults(run=run_translate)


def run_translate(args: argparse.Namespace) -> int:
    language = args.lang or "en"
    if args.write and STDIN in args.paths:
        raise UsageError(Text("usage.stdin_write"))
    folders = [p for p in args.paths if p != STDIN and Path(p).is_dir()]
    if args.out is None and folders and not args.write:
        raise UsageError(say("translate.out_for_folder", language))
    if args.out is not None and not folders and len(args.paths) > 1:
        raise UsageError(say("translate.one_path_out", language))
    names = _rules_files(args.paths)
    results = _translate_all(names, args.to, language)
    if results is None:
        return EXIT_INTERNAL
    failed = [r for r in results if r.text is None]
    for result in failed:
        if result.diagnostics:
            print_err(render_text(result.diagnostics, args.lang))
        print_err(say("translate.not_parsed", language, file=result.name))
    if failed:
        return EXIT_ERRORS
    for result in results:
        assert result.text is not None
        target = _target(result.name, args, folders)
        if target is None:
            sys.stdout.write(result.text)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(result.text, encoding="utf-8")
        print_err(say("translate.written", language, file=str(target)))
    return EXIT_OK


def _translate_all(names: list[str], to: str, language: str) -> list[Translated] | None:
    """Every file's translation before any is written; None (said why) if one is a bug."""
    results: list[Translated] = []
    for name in names:
        result = _translate_one(name, to)
        if result is None:
            print_err(say("translate.not_same", language, file=name))
            return None
        results.append(result)
    return results


def _target(name: str, args: argparse.Namespace, folders: list[str]) -> Path | None:
    """Where one file's translation goes (None: standard output)."""
    if args.write:
        return Path(name)
    if args.out is None:
        return None
    if not folders:
        return Path(args.out)
    for folder in folders:
        try:
            return Path(args.out) / Path(name).relative_to(folder)
        except ValueError:
            continue
    return Path(args.out) / Path(name).name


def _translate_one(name: str, to: str) -> Translated | None:
    """One file's translation or syntax errors; None when it did not read back alike."""
    if name == STDIN:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    else:
        with open(name, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    source, problems = decode("<stdin>" if name == STDIN else name, data)
    if problems:
        return Translated(name, "en", None, tuple(problems))
    try:
        return translate_text(source.text, to, source.name)
    except TranslationError:
        return None
