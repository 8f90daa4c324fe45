"""How a diagnostic is rendered: the source line with a caret under the span, cut to a window
around the caret when the line is long, with characters a reader cannot see escaped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flexrules.core.diagnostics import SNIPPET_WIDTH, Diagnostic, Severity, error
from flexrules.core.source import SourceFile, Span


def rendered(text: str, start: int, end: int) -> str:
    source = SourceFile("long.rules", text)
    return error("syntax", "a message", Span(source, start, end), hint="a hint").render()


def test_short_line_is_shown_whole() -> None:
    """A line up to the snippet width is shown as it is, the caret under the span."""
    text = "rule R1: employees mst be on-site."
    assert rendered(text, 19, 22) == (
        "error[syntax]: a message\n"
        " --> long.rules:1:20\n"
        "  |\n"
        "1 | rule R1: employees mst be on-site.\n"
        "  |                    ^^^\n"
        "  = help: a hint"
    )


def test_long_line_is_cut_to_a_window_around_the_caret() -> None:
    """Near the end of a long line, the window is its last 200 characters, `...` before."""
    text = "rule R1: employees may work " + "x" * 30_000 + " mst be on-site."
    start = text.index("mst")
    shown = rendered(text, start, start + 3)
    assert shown == (
        "error[syntax]: a message\n"
        " --> long.rules:1:30030\n"
        "  |\n"
        "1 | ... " + "x" * 184 + " mst be on-site." + "\n"
        "  |     " + " " * 185 + "^^^\n"
        "  = help: a hint"
    )


def test_long_line_cut_on_both_sides() -> None:
    """In the middle of a long line, the window is cut before and after, `...` on each side."""
    text = "a" * 10_000 + "bad" + "c" * 10_000
    shown = rendered(text, 10_000, 10_003).splitlines()
    assert shown[3] == "1 | ... " + "a" * 40 + "bad" + "c" * 157 + " ..."
    assert shown[4] == "  |     " + " " * 40 + "^^^"


def test_long_caret_is_cut_with_its_line() -> None:
    """A span longer than the window gets a caret to the window's end, no further."""
    text = "rule R1: " + "y" * 5_000 + "."
    shown = rendered(text, 9, 5_009).splitlines()
    assert shown[3] == "1 | rule R1: " + "y" * (SNIPPET_WIDTH - 9) + " ..."
    assert shown[4] == "  |          " + "^" * (SNIPPET_WIDTH - 9)


def test_span_over_many_lines_shows_five() -> None:
    """A span over many lines shows its first five lines and `...`."""
    text = "\n".join(f"line {i}" for i in range(1, 21))
    shown = rendered(text, 0, len(text)).splitlines()
    assert shown[3:14] == [
        " 1 | line 1",
        "   | ^^^^^^",
        " 2 | line 2",
        "   | ^^^^^^",
        " 3 | line 3",
        "   | ^^^^^^",
        " 4 | line 4",
        "   | ^^^^^^",
        " 5 | line 5",
        "   | ^^^^^^",
        "   | ...",
    ]


def test_invisible_characters_are_shown_escaped_under_their_caret() -> None:
    """A zero-width space is shown as `\\u200b`, its caret under the escape, and the caret
    of a later span still under its text."""
    text = 'rule R1: employees whose role is "service\u200b desk" mst be on-site.'
    at = text.index("\u200b")
    assert rendered(text, at, at + 1).splitlines()[3:5] == [
        '1 | rule R1: employees whose role is "service\\u200b desk" mst be on-site.',
        "  | " + " " * 41 + "^^^^^^",
    ]
    after = text.index("mst")
    assert rendered(text, after, after + 3).splitlines()[3:5] == [
        '1 | rule R1: employees whose role is "service\\u200b desk" mst be on-site.',
        "  | " + " " * 54 + "^^^",
    ]


@pytest.mark.parametrize(
    ("character", "escaped"),
    [
        ("\u00a0", "\\u00a0"),  # no-break space
        ("\u202e", "\\u202e"),  # right-to-left override
        ("\u2066", "\\u2066"),  # left-to-right isolate
        ("\u00ad", "\\u00ad"),  # soft hyphen
        ("\ufeff", "\\ufeff"),  # byte order mark
        ("\u0085", "\\u0085"),  # next line, a C1 control
        ("\U000e0041", "\\U000e0041"),  # tag latin capital letter a
        ("\x1b", "\u241b"),  # escape, shown as its picture
        ("\t", " "),  # tab, one column
    ],
)
def test_hidden_characters_are_shown(character: str, escaped: str) -> None:
    """Characters that cannot be seen, or would act on a terminal, are shown so they can."""
    text = f"a{character}b"
    assert rendered(text, 0, 3).splitlines()[3] == f"1 | a{escaped}b"


@settings(max_examples=100, deadline=None)
@given(
    st.text(st.characters(codec="utf-8"), min_size=0, max_size=3000),
    st.integers(0, 3000),
    st.integers(0, 3000),
)
def test_rendering_is_bounded_whatever_the_text(text: str, start: int, length: int) -> None:
    """Whatever the line and the span, a rendered diagnostic stays within a fixed size."""
    start = min(start, len(text))
    end = min(len(text), start + length)
    assert len(rendered(text * 20, start, end)) < 5 * 2 * 10 * (SNIPPET_WIDTH + 20) + 200


@pytest.mark.parametrize(
    ("name", "shown"),
    [("evil\x1b[2J.rules", "evil\u241b[2J.rules"), ("a\u202eb.rules", "a\\u202eb.rules")],
)
def test_file_names_are_shown_safely(name: str, shown: str) -> None:
    """A file name is shown like source text: it cannot act on the terminal or hide text."""
    source = SourceFile(name, "x")
    assert error("syntax", "m", Span(source, 0, 1)).render().splitlines()[1] == (
        f" --> {shown}:1:1"
    )
    spanless = Diagnostic(Severity.ERROR, "cannot-read", "m", None, file_name=name)
    assert spanless.render().splitlines()[1] == f"  --> {shown}"
