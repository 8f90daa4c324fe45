"""`--format html` and its short form `--html FILE` (SETTLED.md, "One set of roster flags"):
the options, their checks before any work, and the page written."""

from __future__ import annotations

import argparse

from .. import pages
from ..core.messages import Text
from .common import UsageError


def add_html(command: argparse.ArgumentParser, what: str) -> None:
    """`--html FILE`: the same as `--format html --out FILE`."""
    command.add_argument(
        "--html",
        metavar="FILE",
        help=f"write {what} as one self-contained HTML page to FILE (the same as "
        f"--format html --out FILE; needs the pages extra: {pages.INSTALL_HINT})",
    )


def html_arguments(args: argparse.Namespace) -> None:
    """Fold `--html FILE` into `--format html --out FILE`, refusing a clash; and, when HTML is
    asked for, say how to install what it needs before any work is done."""
    chosen = getattr(args, "html", None)
    if chosen is not None:
        if args.format not in (None, "html"):
            raise UsageError(Text("usage.html_and_format", chosen=str(args.format)))
        if args.out not in (None, chosen):
            raise UsageError(Text("usage.html_and_out"))
        args.format, args.out = "html", chosen
    if args.format != "html":
        return
    if getattr(args, "json", False):
        raise UsageError(Text("usage.json_and_format", chosen="html"))
    for flag in ("summary", "violations_only"):
        if getattr(args, flag, False):
            name = "--" + flag.replace("_", "-")
            raise UsageError(Text("usage.html_option", name=name))
    if not pages.available():
        raise UsageError(Text("usage.html_jinja", hint=pages.INSTALL_HINT))
