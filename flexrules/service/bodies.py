"""Request bodies and query parameters read into what the library takes, or refused.

Only the envelope is checked here (objects where objects go, lists where lists go, no unknown
keys beside them): the employees' and shifts' values are handed to the library as JSON gave
them, so they are typed by the same code as every other caller (SETTLED.md, "Input values").
A body that is not JSON, or not this shape, is a 422 `bad-shape`; one over the size limit a
413 `too-large`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any, NoReturn

import attrs

from ..core.messages import LANGUAGES, say
from ..files.records import TableError, load_json
from ..rosters.records import Schedule
from .errors import ServiceError, shape_error

#: what a request body may hold, by default (`create_app(max_body_size=...)`, `--max-body-size`)
DEFAULT_MAX_BODY = 10 << 20
#: requests in one `/v1/decide` batch, by default (`create_app(max_batch=...)`)
DEFAULT_MAX_BATCH = 10_000
#: keys in one employee or shift: an HR record has tens, not thousands
MAX_KEYS = 1_000


async def read_json(
    chunks: AsyncIterator[bytes], length: str | None, limit: int, language: str
) -> Any:
    """The body as a JSON document, read no further than `limit` bytes."""
    if length is not None and length.strip().isdigit() and int(length) > limit:
        _too_large(limit, language)
    parts: list[bytes] = []
    size = 0
    async for chunk in chunks:
        size += len(chunk)
        if size > limit:
            _too_large(limit, language)
        parts.append(chunk)
    data = b"".join(parts)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise shape_error("service.not_text", language, None, at=exc.start) from None

    def refuse(constant: str) -> NoReturn:
        raise shape_error("service.not_finite", language, None, constant, constant=constant)

    try:
        return load_json("request body", text, parse_constant=refuse)
    except TableError as exc:
        raise shape_error("service.not_json", language, None, problem=exc.message) from None


def _too_large(limit: int, language: str) -> NoReturn:
    raise ServiceError("too-large", say("service.too_large", language, limit=limit))


# ---- the shape of each endpoint's body ------------------------------------------------------


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


def _object(value: Any, field: str, language: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise shape_error(
            "service.expected_object", language, field, value, field=field, kind=_kind(value)
        )
    return value


def _facts(value: Any, field: str, language: str) -> dict[str, Any]:
    """An employee or a shift: an object of at most `MAX_KEYS` keys. Each undeclared key costs
    the library a did-you-mean look-up (SETTLED.md, "Input values"), so a record of a
    hundred thousand keys would hold a worker for seconds."""
    found = _object(value, field, language)
    if len(found) > MAX_KEYS:
        message = say(
            "service.too_many_keys", language, field=field, count=len(found), limit=MAX_KEYS
        )
        raise ServiceError("too-large", message, field, len(found))
    return found


def _list(value: Any, field: str, language: str) -> list[Any]:
    if not isinstance(value, list):
        raise shape_error(
            "service.expected_list", language, field, value, field=field, kind=_kind(value)
        )
    return value


def _keys(
    body: Mapping[str, Any],
    required: Sequence[str],
    optional: Sequence[str],
    where: str,
    language: str,
) -> None:
    """The envelope has its required keys and nothing it does not know (a misspelt `shifts`
    would otherwise be silently left out)."""
    known = (*required, *optional)
    for key in body:
        if key not in known:
            field = f"{where}.{key}" if where else key
            names = ", ".join(f"`{k}`" for k in known)
            raise shape_error("service.unexpected", language, field, key, field=field, known=names)
    for key in required:
        if key not in body:
            field = f"{where}.{key}" if where else key
            raise shape_error("service.missing", language, field, None, field=field)


@attrs.frozen
class DecideBody:
    """`/v1/decide`: (employee, shift) pairs, and whether they came as a batch."""

    pairs: list[tuple[dict[str, Any], dict[str, Any]]]
    batch: bool


def decide_body(document: Any, language: str, max_batch: int) -> DecideBody:
    body = _object(document, "body", language)
    if "requests" not in body:
        return DecideBody([_pair(body, "", language)], batch=False)
    _keys(body, ("requests",), (), "", language)
    items = _list(body["requests"], "requests", language)
    if len(items) > max_batch:
        message = say("service.too_many", language, limit=max_batch, count=len(items))
        raise ServiceError("too-large", message, "requests", len(items))
    pairs = [
        _pair(_object(item, f"requests[{n}]", language), f"requests[{n}]", language)
        for n, item in enumerate(items)
    ]
    return DecideBody(pairs, batch=True)


def _pair(body: dict[str, Any], where: str, language: str) -> tuple[dict[str, Any], dict[str, Any]]:
    _keys(body, ("employee", "shift"), (), where, language)
    prefix = f"{where}." if where else ""
    return (
        _facts(body["employee"], prefix + "employee", language),
        _facts(body["shift"], prefix + "shift", language),
    )


@attrs.frozen
class CheckBody:
    """`/v1/check`: one employee's schedule."""

    employee: dict[str, Any]
    shifts: list[dict[str, Any]]
    period: tuple[Any, Any] | None
    absences: list[Any]


def check_body(document: Any, language: str) -> CheckBody:
    body = _object(document, "body", language)
    _keys(body, ("employee", "shifts"), ("period", "absences"), "", language)
    return CheckBody(
        _facts(body["employee"], "employee", language),
        _objects(body["shifts"], "shifts", language),
        period(body.get("period"), language),
        _list(body.get("absences") or [], "absences", language),
    )


def _objects(value: Any, field: str, language: str) -> list[dict[str, Any]]:
    return [
        _facts(item, f"{field}[{n}]", language)
        for n, item in enumerate(_list(value, field, language))
    ]


def period(value: Any, language: str) -> tuple[Any, Any] | None:
    """`[FROM, TO]` or null; the dates themselves are the library's to read."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise shape_error("service.period", language, "period", value)
    return value[0], value[1]


@attrs.frozen
class RosterBody:
    """`/v1/roster`: every employee's schedule, the period and the groups' real sizes."""

    schedules: list[Schedule]
    period: tuple[Any, Any] | None
    headcount: dict[str, Any] | None


def roster_body(document: Any, language: str) -> RosterBody:
    body = _object(document, "body", language)
    _keys(body, ("schedules",), ("period", "headcount"), "", language)
    schedules = []
    for n, item in enumerate(_list(body["schedules"], "schedules", language)):
        where = f"schedules[{n}]"
        schedule = _object(item, where, language)
        _keys(schedule, ("employee", "shifts"), ("absences",), where, language)
        schedules.append(
            Schedule(
                _facts(schedule["employee"], f"{where}.employee", language),
                _objects(schedule["shifts"], f"{where}.shifts", language),
                _list(schedule.get("absences") or [], f"{where}.absences", language),
            )
        )
    headcount = body.get("headcount")
    return RosterBody(
        schedules,
        period(body.get("period"), language),
        None if headcount is None else _object(headcount, "headcount", language),
    )


# ---- query parameters -----------------------------------------------------------------------

_TRUE = ("true", "1", "yes", "")
_FALSE = ("false", "0", "no")


def flag(query: Mapping[str, str], name: str, language: str, default: bool = False) -> bool:
    """`?explain=true`: true, false (also 1, 0, yes, no; a bare `?explain` is true)."""
    value = query.get(name)
    if value is None:
        return default
    folded = value.strip().casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise shape_error("service.flag", language, name, value, name=name, value=value)


def language_of(query: Mapping[str, str], default: str | None) -> str | None:
    """`?lang=en|id`: the language of messages and explanations; None is the policy's."""
    value = query.get("lang")
    if value is None or value == "":
        return default
    if value not in LANGUAGES:
        choices = " or ".join(f"`{code}`" for code in LANGUAGES)
        raise shape_error("service.language", "en", "lang", value, choices=choices, value=value)
    return value
