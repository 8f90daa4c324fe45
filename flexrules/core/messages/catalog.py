"""The catalog itself: every entry by key, and `Text`, a message kept as its key and values
until it is read, so one report can be read in either language."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import string
from collections.abc import Callable, Iterator, Mapping
from fractions import Fraction
from typing import Any

from . import (
    authoring,
    commands,
    decisions,
    diagnostics,
    files,
    inputs,
    languages,
    lint,
    near_misses,
    pages,
    reports,
    rosters,
    service,
    translation,
    usage,
    values,
    versions,
)

#: the languages a text can be asked for
LANGUAGES = ("en", "id")
#: the languages every entry is written in (`tests/core/test_messages.py` holds them to it)
COMPLETE = ("en", "id")

_AREAS: tuple[Mapping[str, Mapping[str, str]], ...] = (
    rosters.ENTRIES,
    decisions.ENTRIES,
    near_misses.ENTRIES,
    reports.ENTRIES,
    commands.ENTRIES,
    pages.ENTRIES,
    diagnostics.ENTRIES,
    authoring.ENTRIES,
    languages.ENTRIES,
    lint.ENTRIES,
    service.ENTRIES,
    files.ENTRIES,
    versions.ENTRIES,
    translation.ENTRIES,
    inputs.ENTRIES,
    usage.ENTRIES,
)


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
#: language -> key -> template, English where a language lacks an entry (rendering's look-up)
_TEMPLATES = {
    language: {key: texts.get(language) or texts["en"] for key, texts in CATALOG.items()}
    for language in LANGUAGES
}
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


def chosen_language(language: str | None, metadata: Mapping[str, Any] | None) -> str:
    """The language to render in: `language` when given (`en` or `id`, else a ValueError), or
    else the policy's, as its metadata names it (English when it names none)."""
    default = (metadata or {}).get("language") or "en"
    return check_language(language, default)


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
        return _filled(_TEMPLATES[language][self.key], self.args, language)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Text({self.key!r}, **{dict(self.args)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.key, self.args) == (other.key, other.args)

    __hash__ = None  # type: ignore[assignment]


class Code(Text):
    """Policy text inside a message (`hari libur: nasional.`, a keyword's phrase): written in
    the language of the file the message is about (`policy_text_in`), whatever language its
    prose is read in, because that is the language the author must write it in
    (LANGUAGE-ID.md §6.1). A template names a fixed piece of policy text as `{code_NAME}`,
    filled from the entry `code.NAME` the same way."""

    __slots__ = ()

    def render(self, language: str = "en") -> str:
        return super().render(_CODE_LANGUAGE.get() or language)

    def __repr__(self) -> str:
        return f"Code({self.key!r}, **{dict(self.args)!r})"


#: the language policy text inside a message is written in, while one is being rendered
_CODE_LANGUAGE: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "flexrules_code_language", default=None
)


@contextlib.contextmanager
def policy_text_in(language: str) -> Iterator[None]:
    """While inside, `Code` values and `{code_NAME}` placeholders render in `language`."""
    token = _CODE_LANGUAGE.set(language)
    try:
        yield
    finally:
        _CODE_LANGUAGE.reset(token)


#: the language a text read without one (an `InputError` as `str`) is rendered in
_SPOKEN: contextvars.ContextVar[str] = contextvars.ContextVar("flexrules_spoken", default="en")


def spoken() -> str:
    """The language texts read without a language are rendered in: English, unless inside
    `speaking`."""
    return _SPOKEN.get()


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """While inside, texts read without a language (`str(error)`, `error.message`) are in
    `language` (`en`, `id`; anything else is a ValueError). The command line speaks `--lang`
    (by default the policy's language); `speak` changes it within the block."""
    token = _SPOKEN.set(check_language(language))
    try:
        yield
    finally:
        _SPOKEN.reset(token)


def speak(language: str) -> None:
    """Speak `language` from now on, within the `speaking` block around the call (which
    puts the language before it back when it ends): a command that learns the policy's
    language after it started."""
    _SPOKEN.set(check_language(language))


def shown(value: Any, language: str = "en") -> str:
    """One value as `language` writes it in running text."""
    if isinstance(value, str):
        return value
    writer = _WRITERS.get(type(value))
    if writer is not None:
        return writer(value, language)
    if isinstance(value, bool):  # before int: a bool is an int
        return values.yes_no(value, language)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return values.day(value, language)
    raise TypeError(f"a message cannot show a {type(value).__name__}")


def _listing(value: values.Listing, language: str) -> str:
    return value.separator.join(shown(item, language) for item in value.items)


def _count(value: values.Count, language: str) -> str:
    form = ".one" if value.n == 1 else ".other"
    return _TEMPLATES[language][value.key + form].format(n=value.n)


#: the most choices a list names before it counts the rest
MAX_CHOICES = 12


def _choices(value: values.Choices, language: str) -> str:
    items = [shown(item, language) for item in value.items]
    templates = _TEMPLATES[language]
    nothing, counted, two, many = value.words
    if not items:
        return templates[nothing]
    if len(items) == 1:
        return items[0]
    if len(items) > MAX_CHOICES:
        more = templates[counted].format(n=len(items) - (MAX_CHOICES - 1))
        items = [*items[: MAX_CHOICES - 1], more]
    key = two if len(items) == 2 else many
    return templates[key].format(first=", ".join(items[:-1]), last=items[-1])


def _week(value: values.Week, language: str) -> str:
    return values.day_range(value.monday, value.monday + dt.timedelta(days=6), language)


#: how each kind of value is written, by its exact type
_WRITERS: dict[type, Callable[[Any, str], str]] = {
    Text: Text.render,
    Code: Code.render,
    bool: values.yes_no,
    int: lambda value, language: str(value),
    Fraction: values.number,
    float: values.number,
    dt.date: values.day,
    values.Listing: _listing,
    values.Count: _count,
    values.Ordinal: lambda value, language: values.ordinal(value.n, language),
    values.Clock: lambda value, language: values.clock(value.seconds, language),
    values.Hours: lambda value, language: values.number(Fraction(value.seconds) / 3600, language),
    values.Week: _week,
    values.Month: lambda value, language: values.month(value.first, language),
    values.MonthName: lambda value, language: values.month_name(value.first, language),
    values.Choices: _choices,
    values.Thousands: lambda value, language: values.thousands(value.n, language),
    values.Date: lambda value, language: values.date_text(value.date, language),
    values.Weekday: lambda value, language: values.weekday(value.index, language),
    values.Zone: lambda value, language: values.zone(value.name, language),
    values.Exact: lambda value, language: values.exact(value.text, language),
    values.AsWritten: lambda value, language: (
        value.text if language == value.language else shown(value.other, language)
    ),
}


def say(key: str, language: str = "en", /, **args: Any) -> str:
    """A message rendered at once: `say("limit.binds", "en", facts=...)`."""
    if key not in CATALOG:
        raise KeyError(f"no message `{key}` in the catalog")
    return _filled(_TEMPLATES[language][key], args, language)


class _Values(dict[str, str]):
    """A template's values; a `{code_NAME}` not among them is the entry `code.NAME`."""

    def __init__(self, values: Mapping[str, str], language: str) -> None:
        super().__init__(values)
        self.language = language

    def __missing__(self, name: str) -> str:
        if not name.startswith("code_"):
            raise KeyError(name)
        return _TEMPLATES[_CODE_LANGUAGE.get() or self.language]["code." + name[5:]]


def _filled(template: str, args: Mapping[str, Any], language: str) -> str:
    """A template with its values written in `language` (text as given)."""
    values = {name: v if type(v) is str else shown(v, language) for name, v in args.items()}
    return template.format_map(_Values(values, language))
