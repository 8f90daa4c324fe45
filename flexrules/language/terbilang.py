"""Numbers spelled in Indonesian, as regulations write them after the digits: `2 (dua)`,
`7,5 (tujuh koma lima)`, `30% (tiga puluh persen)` (LANGUAGE-ID.md §2.4). The spelling carries
no meaning; the check `number-words` holds it to the digits."""

from __future__ import annotations

_ONES = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
#: the largest whole number whose spelling is checked
LARGEST = 999_999


def terbilang(n: int) -> str:
    """A whole number from 0 to `LARGEST` in words: 11 `sebelas`, 21 `dua puluh satu`,
    100 `seratus`, 1000 `seribu`, 2025 `dua ribu dua puluh lima`."""
    if not 0 <= n <= LARGEST:
        raise ValueError(f"terbilang spells 0 to {LARGEST}, not {n}")
    if n < 10:
        return _ONES[n]
    return _spelled(n)


def _spelled(n: int) -> str:
    """`n` (1 or more) in words, with nothing for zero parts."""
    if n >= 1000:
        thousands, rest = divmod(n, 1000)
        head = "seribu" if thousands == 1 else f"{_spelled(thousands)} ribu"
        return _join(head, rest)
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        head = "seratus" if hundreds == 1 else f"{_ONES[hundreds]} ratus"
        return _join(head, rest)
    if n >= 20:
        tens, rest = divmod(n, 10)
        return _join(f"{_ONES[tens]} puluh", rest)
    if n >= 12:
        return f"{_ONES[n - 10]} belas"
    if n == 11:
        return "sebelas"
    if n == 10:
        return "sepuluh"
    return _ONES[n]


def _join(head: str, rest: int) -> str:
    return f"{head} {_spelled(rest)}" if rest else head


def spelled(text: str) -> str | None:
    """How a number written as digits (`7.5` or `7,5`) is spelled: the whole part in words,
    then `koma` and one word per decimal digit; None for a number too large to check."""
    whole, _, decimals = text.replace(",", ".").partition(".")
    if not whole.isdigit() or (decimals and not decimals.isdigit()) or int(whole) > LARGEST:
        return None
    words = terbilang(int(whole))
    if decimals:
        words += " koma " + " ".join(_ONES[int(digit)] for digit in decimals)
    return words


def matches(text: str, words: str, percent: bool = False) -> bool:
    """Whether `words` (as written in parentheses) spell the number `text`: case and runs of
    white space aside, and after a share the spelling may end in `persen`."""
    expected = spelled(text)
    if expected is None:
        return True
    written = " ".join(words.casefold().split())
    if percent and written.endswith(" persen"):
        written = written[: -len(" persen")]
    return written == expected
