"""Why not, and what would be allowed instead (LANGUAGE.md section 11): for a denied shift,
the smallest changes that the policy would allow, each found by deciding it.

Three kinds of change are tried: the same span at another place; the same span moved on the
30-minute grid, the nearest allowed start earlier and later the same day; and one fact
changed, each attribute a rule reads set to each class of its values (`value_classes`: the
constants the rules compare it with and the gaps between them), one attribute at a time.
Every suggestion is a decision the engine made; they come ordered by the size of the change
(one place or one fact is 1, a ranked value counts its steps, a move counts its half hours),
at most ten.

The decision's decider is used through what a `Decider` offers (`decide_in_full`, its slots
and symbols); this module imports neither the runtime nor the decision, which import it.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterator
from typing import Any

import attrs

from ..clock.calendar import DAY
from ..core.messages import Clock, Text
from ..language import ast
from .facts import quoted
from .value_classes import Classes, SlotClasses, value_classes

#: the grid moves are tried on, in seconds
GRID = 1800
#: the most alternatives given
LIMIT = 10
_PLACES = {1: "office", 2: "home", 4: "anywhere"}
_DOING = {1: "doing.on_site", 2: "doing.home", 4: "doing.anywhere"}
_MOVES = {"earlier": "whynot.earlier", "later": "whynot.later"}
_ORDER = {"place": 0, "fact": 1, "earlier": 2, "later": 3}
#: each decider's value classes, worked out once (a decider is immutable once built)
_CLASSES: weakref.WeakKeyDictionary[Any, Classes] = weakref.WeakKeyDictionary()


@attrs.frozen(eq=False)
class Alternative:
    """One change that the policy would allow: what changes, how big a change it is, the
    employee and shift as they would be (JSON-ready records), and the decision of them."""

    kind: str  # place, fact, earlier or later
    size: int
    change: Text
    employee: dict[str, Any]
    shift: dict[str, Any]
    decision: Any  # the Decision of the changed employee and shift
    attribute: str | None = None  # the fact changed, for a fact change

    def describe(self, language: str = "en") -> str:
        return self.change.render(language)

    def to_dict(self, language: str = "en") -> dict[str, Any]:
        return {
            "kind": self.kind,
            "size": self.size,
            "change": self.change.render(language),
            "employee": _jsonable(self.employee),
            "shift": _jsonable(self.shift),
            "decision": self.decision.to_dict(policy=False, pieces=False, language=language),
            "attribute": self.attribute,
        }


def _jsonable(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in record.items()}


def classes_of(decider: Any) -> Classes:
    found = _CLASSES.get(decider)
    if found is None:
        symbols = decider.context.symbols
        roots = [*symbols.rule_list(), *symbols.groups.values()]
        found = value_classes([[*decider.employee_slots, *decider.shift_slots]], roots)
        _CLASSES[decider] = found
    return found


def local_text(seconds: int) -> str:
    """Local seconds as naive ISO time (`2025-07-07T08:00`)."""
    moment = dt.datetime(1, 1, 1) + dt.timedelta(seconds=seconds - DAY)
    return moment.isoformat(timespec="minutes")


@attrs.frozen
class Request:
    """A denied decision's employee and shift, as records the decider reads again."""

    employee: dict[str, Any]
    shift: dict[str, Any]
    start: int
    end: int
    location: int


def request_of(decider: Any, decision: Any) -> Request:
    ident, name = decision._who
    employee: dict[str, Any] = {"id": ident}
    if name is not None:
        employee["name"] = name
    if decision.zone.key != decider.timezone_name:
        employee["timezone"] = decision.zone.key
    shift: dict[str, Any] = {
        "start": local_text(decision.start_seconds),
        "end": local_text(decision.end_seconds),
        "location": _PLACES[decision.location],
    }
    for slots, record in ((decider.employee_slots, employee), (decider.shift_slots, shift)):
        for slot in slots:
            value = decision.raw_fact(slot)
            if value is not None:
                record[slot.name] = value
    return Request(employee, shift, decision.start_seconds, decision.end_seconds, decision.location)


def alternatives(decider: Any, decision: Any, limit: int | None = LIMIT) -> tuple[Alternative, ...]:
    """The changes that would be allowed, smallest first, at most `limit` (None: all)."""
    if decision.allowed:
        return ()
    request = request_of(decider, decision)
    found = [
        *_places(decider, request),
        *_facts(decider, request),
        *_moves(decider, request),
    ]
    found.sort(key=lambda a: (a.size, _ORDER[a.kind]))
    return tuple(found if limit is None else found[:limit])


def _places(decider: Any, request: Request) -> Iterator[Alternative]:
    for place, name in _PLACES.items():
        if place == request.location:
            continue
        shift = {**request.shift, "location": name}
        decided = decider.decide_in_full(request.employee, shift)
        if decided.allowed:
            change = Text("whynot.place", doing=Text(_DOING[place]))
            yield Alternative("place", 1, change, request.employee, shift, decided)


def _moves(decider: Any, request: Request) -> Iterator[Alternative]:
    """The nearest allowed start on the grid, earlier and later, the same local day."""
    start, end = request.start, request.end
    day = start // DAY
    if (end - 1) // DAY != day:
        return
    length = end - start
    for kind, step in (("earlier", -GRID), ("later", GRID)):
        moved = start + step
        while day * DAY <= moved and moved + length <= (day + 1) * DAY:
            shift = {
                **request.shift,
                "start": local_text(moved),
                "end": local_text(moved + length),
            }
            decided = decider.decide_in_full(request.employee, shift)
            if decided.allowed:
                span = Text(
                    "whynot.span",
                    start=Clock(moved - day * DAY),
                    end=Clock(moved + length - day * DAY),
                )
                change = Text(_MOVES[kind], span=span)
                size = abs(moved - start) // GRID or 1
                yield Alternative(kind, size, change, request.employee, shift, decided)
                break
            moved += step


def _facts(decider: Any, request: Request) -> Iterator[Alternative]:
    """For each attribute a rule reads, the nearest value of it that would be allowed."""
    classes = classes_of(decider)
    day = request.start // DAY
    for slot in (*decider.employee_slots, *decider.shift_slots):
        found = classes.get((slot.owner, slot.decl.name.key))
        if found is not None:
            yield from _fact(decider, request, slot, found, day)


def _fact(
    decider: Any, request: Request, slot: Any, found: SlotClasses, day: int
) -> Iterator[Alternative]:
    employee = slot.owner is ast.Owner.EMPLOYEE
    record = request.employee if employee else request.shift
    current = record.get(slot.name)
    allowing: list[tuple[int, Any, Any, dict[str, Any]]] = []
    for index in range(found.size - 1):
        value = found.given(day, index)
        if value == current and type(value) is type(current):
            continue
        changed = {**record, slot.name: value}
        pair = (changed, request.shift) if employee else (request.employee, changed)
        decided = decider.decide_in_full(*pair)
        if decided.allowed:
            allowing.append((_distance(found, current, value, day), value, decided, changed))
    if not allowing:
        return
    distance, value, decided, changed = min(allowing, key=lambda item: item[0])
    change = _fact_text(slot, found, current, value, [v for _, v, _, _ in allowing])
    pair = (changed, request.shift) if employee else (request.employee, changed)
    yield Alternative("fact", distance, change, *pair, decided, slot.name)


def _distance(found: SlotClasses, current: Any, value: Any, day: int) -> int:
    """How big a change from `current` to `value` is: a ranked value's steps, else 1."""
    type_ = found.decl.type
    if isinstance(type_, ast.RankedType) and current is not None:
        names = [v.value for v in type_.values]
        if current in names:
            return abs(names.index(value) - names.index(current))
    return 1


def _fact_text(
    slot: Any, found: SlotClasses, current: Any, value: Any, allowing: list[Any]
) -> Text:
    employee = slot.owner is ast.Owner.EMPLOYEE
    if value is True or value is False:
        key = {
            (True, True): "whynot.they_were",
            (True, False): "whynot.they_were_not",
            (False, True): "whynot.shift_was",
            (False, False): "whynot.shift_was_not",
        }[(employee, value)]
        return Text(key, attribute=slot.name)
    shown = quoted(value.isoformat() if isinstance(value, dt.date) else value)
    if _at_least(found, value, allowing):
        key = "whynot.their_at_least" if employee else "whynot.shift_at_least"
    else:
        key = "whynot.their" if employee else "whynot.shifts"
    return Text(key, attribute=slot.name, value=shown)


def _at_least(found: SlotClasses, value: Any, allowing: list[Any]) -> bool:
    """Whether every ranked value from `value` up is allowed (and some is above it)."""
    type_ = found.decl.type
    if not isinstance(type_, ast.RankedType):
        return False
    names = [v.value for v in type_.values]
    above = names[names.index(value) :]
    return len(above) > 1 and all(name in allowing for name in above)
