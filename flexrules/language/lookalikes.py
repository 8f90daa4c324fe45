"""Letters that look alike: the script of a word's letters, and a skeleton under which names
that look the same are equal (`grаde` with a Cyrillic `а`, and `grade`).

A small table of the Cyrillic and Greek letters that are drawn like Latin ones, after Unicode
compatibility normalisation (fullwidth letters, ligatures) and case folding. Enough to catch a
letter pasted from another keyboard layout; not the whole of Unicode's confusables list.
"""

from __future__ import annotations

import functools
import unicodedata

from ..core.messages import Text
from ..core.source import INVISIBLE

#: Cyrillic and Greek letters that look like Latin letters, by the Latin letter they look like.
_LATIN_LOOKALIKES = {
    "a": "аα",
    "b": "ВΒ",
    "c": "сϲС",
    "d": "ԁ",
    "e": "еЕΕ",
    "h": "һНΗ",
    "i": "іІιΙӏ",
    "j": "јЈ",
    "k": "кКκΚ",
    "l": "ӏ",
    "m": "МΜ",
    "n": "Ν",
    "o": "оОοΟ",
    "p": "рРρΡ",
    "q": "ԛԚ",
    "s": "ѕЅ",
    "t": "ТΤ",
    "u": "υ",
    "v": "ν",
    "w": "ԝԜ",
    "x": "хХχΧ",
    "y": "уУγΥ",
    "z": "Ζ",
}
_TO_LATIN = {ord(other): latin for latin, others in _LATIN_LOOKALIKES.items() for other in others}
#: Scripts counted as one, because one language writes them together (Japanese, Korean).
_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "BOPOMOFO": "CJK"}
#: Words of a character's name before its script's (`FULLWIDTH LATIN ...`, `MATHEMATICAL ...`).
_PREFIXES = ("FULLWIDTH", "HALFWIDTH", "MATHEMATICAL", "CIRCLED", "PARENTHESIZED")


@functools.lru_cache(maxsize=4096)
def script(char: str) -> str | None:
    """The script a letter belongs to, in capitals (`LATIN`, `CYRILLIC`, `GREEK`); a prefix
    such as `FULLWIDTH` kept (`FULLWIDTH LATIN`); None for anything that is not a letter."""
    if not char.isalpha() or INVISIBLE.match(char):
        return None
    words = unicodedata.name(char, "").split()
    if not words:
        return None
    prefix = []
    while len(words) > 1 and words[0] in _PREFIXES:
        prefix.append(words.pop(0))
    first = _SCRIPT_FAMILY.get(words[0], words[0])
    return " ".join([*prefix, first])


def scripts(word: str) -> list[str]:
    """The scripts of a word's letters, the commonest first (ties in order of appearance)."""
    counts: dict[str, int] = {}
    for char in word:
        name = script(char)
        if name is not None:
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda name: -counts[name])


def skeleton(text: str) -> str:
    """The text as it looks: compatibility-normalised, case-folded, look-alike letters as the
    Latin letter they look like. Texts with one skeleton cannot be told apart on the page."""
    return unicodedata.normalize("NFKC", text).translate(_TO_LATIN).casefold()


def in_one_script(word: str) -> str | None:
    """The word with letters of other scripts replaced by the look-alikes of its commonest
    script, when there is one for each; else None. Only Latin look-alikes are known, so a
    mostly Latin word can be mended (`grаde` to `grade`), and a mostly Cyrillic one too."""
    found = scripts(word)
    if len(found) < 2:
        return None
    main = found[0]
    mended: list[str] = []
    for char in word:
        name = script(char)
        if name is None or name == main:
            mended.append(char)
            continue
        like = _look_alike(char, main)
        if like is None:
            return None
        mended.append(like)
    return "".join(mended)


def _look_alike(char: str, target: str) -> str | None:
    """A letter of `target`'s script drawn like `char`, keeping its case, if one is known."""
    latin = unicodedata.normalize("NFKC", char).translate(_TO_LATIN)
    upper = char.isupper()
    if target == "LATIN":
        if len(latin) != 1 or script(latin) != "LATIN":
            return None
        return latin.upper() if upper else latin.lower()
    lower = latin.lower()
    for other in _LATIN_LOOKALIKES.get(lower, ""):
        if script(other) == target and other.isupper() == upper:
            return other
    return None


def differing_letter(name: str, other: str) -> str | None:
    """The first letter of `name` whose look-alike in `other` is another character."""
    for mine, theirs in zip(name, other, strict=False):
        if mine.casefold() != theirs.casefold():
            return mine
    return None


def letter_note(written: str, meant: str) -> Text | str:
    """` (its `а` is U+0430, cyrillic small letter a)`: the first letter of `written` that is
    not the one of `meant` it looks like, named; empty when there is none."""
    letter = differing_letter(written, meant)
    if letter is None:
        return ""
    name = unicodedata.name(letter, "").lower()
    return Text(
        "diag.letter_note",
        letter=letter,
        code=f"U+{ord(letter):04X}",
        name=f", {name}" if name else "",
    )


def is_mixed(text: str) -> bool:
    """Whether a word of the text mixes letters of two scripts."""
    return any(len(scripts(word)) > 1 for word in text.split())
