"""Warnings on a decision: things the caller should know that do not change it.

`unknown-fact-name`: an input key the policy does not declare, close to a declared name the
input lacks (`aproved` for `approved`). Keys the policy does not declare never change a
decision; agency systems send whole HR records, so other undeclared keys are ignored silently
(SETTLED.md, "Input values"). With `strict=True` such a key is an `InputError` instead.

`estimated-holiday`: a piece falls on one of the policy's holidays whose date the `holidays`
package estimates rather than takes from a decree (DATA.md §4); the decision may change when
the decree is out, and the policy can pin the date by naming it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..clock.calendar import Calendar
from ..core.messages import Text
from ..core.text import printable
from .facts import attribute_keys

#: the did-you-mean distance the checks use for names in policies
CUTOFF = 0.6
#: keys the engine reads itself, besides the declared attributes
ENGINE_KEYS = frozenset({"id", "name", "timezone", "start", "end", "location", "note"})


@attrs.frozen
class DecisionWarning:
    """A warning on a decision: a stable code, a message (in English), and what it is about;
    `text`, when given, is the message as a catalog text, to read in any language."""

    code: str
    message: str
    field: str | None = None
    suggestion: str | None = None
    text: Text | None = attrs.field(default=None, eq=False, repr=False)
    #: `unknown-values` (the roster report): each value, how often, and a close declared one
    values: tuple[tuple[str, int, str | None], ...] = attrs.field(default=(), repr=False)

    def message_for(self, language: str) -> str:
        """The message in `language` (`en`, `id`)."""
        return self.message if self.text is None else self.text.render(language)

    def to_dict(self, language: str = "en") -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message_for(language),
            "field": self.field,
            "suggestion": self.suggestion,
        } | (
            {"values": [{"value": v, "count": n, "suggestion": s} for v, n, s in self.values]}
            if self.values
            else {}
        )


def misspelled_keys(
    given: Mapping[Any, Any], declared: Iterable[str], missing: Iterable[str]
) -> tuple[DecisionWarning, ...]:
    """A warning for each key of `given` that is neither declared nor read by the engine but
    close to a declared name in `missing` (those the input lacks)."""
    known = set(ENGINE_KEYS)
    for name in declared:
        known.update(key.casefold() for key in attribute_keys(name))
    lacking = {key: name for name in missing for key in attribute_keys(name)}
    # difflib's ratio is at most 2*min/(len a + len b): a key this much longer than every name
    # cannot reach the cutoff, and comparing a key of megabytes would take seconds
    longest = max(map(len, lacking), default=0) * 2 / CUTOFF
    found = []
    for key in given:
        if not isinstance(key, str) or len(key) > longest:
            continue
        if key.casefold() in known or key in known:
            continue
        close = difflib.get_close_matches(key.casefold(), list(lacking), 1, CUTOFF)
        if close:
            name = lacking[close[0]]
            text = Text("warning.unknown_fact_name", key=printable(key), name=name)
            found.append(DecisionWarning("unknown-fact-name", text.render("en"), key, name, text))
    return tuple(found)


def estimated_holidays(calendar: Calendar, days: Iterable[dt.date]) -> tuple[DecisionWarning, ...]:
    """A warning for each of `days` that is one of the policy's holidays only by estimate."""
    found = []
    for day in days:
        if calendar.is_estimated(day):
            text = Text("warning.estimated_holiday", day=day)
            found.append(
                DecisionWarning("estimated-holiday", text.render("en"), day.isoformat(), None, text)
            )
    return tuple(found)
