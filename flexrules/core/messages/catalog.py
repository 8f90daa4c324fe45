"""The catalog itself: every entry by key, and `Text`, a message kept as its key and values
until it is read, so one report can be read in either language."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from . import rosters, values

#: the languages a text can be asked for
LANGUAGES = ("en", "id")
#: the languages every entry is written in; Bahasa Indonesia joins with its issue (16), until
#: then a text asked for in it reads in English
COMPLETE = ("en",)

_AREAS: tuple[Mapping[str, Mapping[str, str]], ...] = (rosters.ENTRIES,)


def _merged() -> dict[str, dict[str, str]]:
    catalog: dict[str, dict[str, str]] = {}
    for area in _AREAS:
        for key, texts in area.items():
            if key in catalog:
                raise RuntimeError(f"message key `{key}` is written twice")
            catalog[key] = dict(texts)
    return catalog


#: key -> {language: template}; templates name their values `{like_this}`
CATALOG: Mapping[str, Mapping[str, str]] = _merged()
_FORMATTER = string.Formatter()


def check_language(language: str | None, default: str = "en") -> str:
    """`language` as the renderers take it: None is `default`; anything but a known language
    is a ValueError naming the choices."""
    if language is None:
        return default
    if language not in LANGUAGES:
        choices = " or ".join(f"`{code}`" for code in LANGUAGES)
        raise ValueError(f"language must be {choices}, not {language!r}")
    return language


def placeholders(template: str) -> set[str]:
    """The names a template fills: `{day} is the {nth}` -> {"day", "nth"}."""
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name}


class Text:
    """A message as its catalog key and its values (dates, numbers, `Ordinal`, nested `Text`,
    text shown as given), rendered in a language only when read."""

    __slots__ = ("args", "key")

    def __init__(self, key: str, /, **args: Any) -> None:
        if key not in CATALOG:
            raise KeyError(f"no message `{key}` in the catalog")
        self.key = key
        self.args: Mapping[str, Any] = args

    def render(self, language: str = "en") -> str:
        entry = CATALOG[self.key]
        template = entry.get(language) or entry["en"]
        return template.format_map({name: shown(v, language) for name, v in self.args.items()})

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Text({self.key!r}, **{dict(self.args)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.key, self.args) == (other.key, other.args)

    __hash__ = None  # type: ignore[assignment]


def shown(value: Any, language: str = "en") -> str:
    """One value as `language` writes it in running text."""
    if isinstance(value, str):
        return value
    if isinstance(value, Text):
        return value.render(language)
    if isinstance(value, bool):
        return values.yes_no(value, language)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (Fraction, float)):
        return values.number(value, language)
    if isinstance(value, dt.date):
        return values.day(value, language)
    if isinstance(value, values.Listing):
        return value.separator.join(shown(item, language) for item in value.items)
    if isinstance(value, values.Count):
        form = ".one" if value.n == 1 else ".other"
        entry = CATALOG[value.key + form]
        return (entry.get(language) or entry["en"]).format(n=value.n)
    return _shown_time(value, language)


def _shown_time(value: Any, language: str) -> str:
    if isinstance(value, values.Ordinal):
        return values.ordinal(value.n, language)
    if isinstance(value, values.Clock):
        return values.clock(value.seconds, language)
    if isinstance(value, values.Hours):
        return values.number(Fraction(value.seconds) / 3600, language)
    if isinstance(value, values.Week):
        return values.day_range(value.monday, value.monday + dt.timedelta(days=6), language)
    if isinstance(value, values.Month):
        return values.month(value.first, language)
    raise TypeError(f"a message cannot show a {type(value).__name__}")


def say(key: str, language: str = "en", /, **args: Any) -> str:
    """A message rendered at once: `say("limit.binds", "en", facts=...)`."""
    return Text(key, **args).render(language)
