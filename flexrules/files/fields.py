"""The cells of the columns the readers know themselves (not declared attributes): dates,
times of day, dates with times, absence kinds. Each reads a CSV cell (or an xlsx text cell) by
the one table (`engine.text_cells`), an xlsx date or time as it is, and a JSON value as the
API would (ISO text), and raises the row's `TableError` naming the column."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from typing import Any

from ..core.messages import Listing, Text
from ..engine import text_cells
from ..engine.values import TextProblem, as_date, shown
from .cells import excel_text
from .reading import Reading
from .records import Record


def date_of(record: Record, column: str | None, value: Any) -> dt.date:
    """A date cell: `2025-07-07`, `07/07/2025`, `7 Juli 2025`; an xlsx date (or a date-time's
    date); in JSON, ISO text or a date."""
    if record.excel and isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if isinstance(value, str) and not record.is_json:
        try:
            return text_cells.date(value.strip())
        except TextProblem as problem:
            raise record.error(column, value, problem.text) from None
    date = as_date(value)
    if not isinstance(date, dt.date):
        raise record.error(column, value, Text("input.file.not_date", value=shown(value)))
    return date


def clock_of(record: Record, column: str | None, value: Any) -> int:
    """A time-of-day cell as seconds after midnight: `08:00`, `08.00`; an xlsx time (or a
    date-time's time)."""
    if record.excel and isinstance(value, (dt.time, dt.datetime)):
        found = value.time() if isinstance(value, dt.datetime) else value
        return found.hour * 3600 + found.minute * 60 + found.second
    text = value.strip() if isinstance(value, str) else None
    try:
        if text is None:
            raise text_cells.TextProblem(Text("cell.not_time", value=shown(value)))
        return text_cells.clock(text)
    except TextProblem as problem:
        raise record.error(column, value, problem.text) from None


def date_time_of(record: Record, column: str | None, value: Any) -> Any:
    """A shift's `start` or `end` cell: a date, a space or `T`, a time (as ISO text); an xlsx
    date-time as ISO text; a JSON value as it is (the engine checks it)."""
    if record.excel and isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, str) and not record.is_json:
        try:
            return text_cells.date_time(value.strip())
        except TextProblem as problem:
            raise record.error(column, value, problem.text) from None
    return value


def text_of(record: Record, column: str | None, value: Any) -> str | None:
    """A text cell (a kind, a code) trimmed, or None when empty; an xlsx number as its
    digits."""
    if value is None:
        return None
    if record.excel and isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return excel_text(value)
        except TextProblem as problem:
            raise record.error(column, value, problem.text) from None
    if not isinstance(value, str):
        raise record.error(column, value, Text("input.file.not_text", value=shown(value)))
    return value.strip() or None


def kind_of(record: Record, column: str | None, value: str, reading: Reading) -> str:
    """An absence's kind: with `--absence-codes`, a code (`CT`) or a kind it names (`cuti
    tahunan`), any case, as its kind; without, the text as it is."""
    codes = reading.absence_codes
    if not codes:
        return value
    folded = value.casefold()
    code = codes.get(folded)
    if code is not None:
        return code
    kinds = {kind.casefold(): kind for kind in codes.values()}
    if folded in kinds:
        return kinds[folded]
    names = [*(k.upper() for k in codes), *codes.values()]
    close = difflib.get_close_matches(value, names, n=1, cutoff=0.5)
    listed = Listing([f"{code.upper()}={kind}" for code, kind in codes.items()])
    raise record.error(
        column,
        value,
        Text(
            "file.unknown_code",
            value=shown(value),
            codes=listed,
            close=Text("file.close", name=close[0]) if close else "",
        ),
    )


def declared_kind(
    record: Record,
    column: str | None,
    kind: str,
    declared: Mapping[str, bool] | None,
    reading: Reading,
) -> str:
    """A kind the policy declares (DATA.md §3), else a bad cell of its file, with the closest
    declared kind and, without `--absence-codes`, the hint to map an app's codes: the
    library would refuse it anyway, but without the file, row and column."""
    if declared is None or kind in declared:
        return kind
    close = difflib.get_close_matches(kind, list(declared), n=1, cutoff=0.6)
    problem = Text(
        "file.undeclared_kind",
        value=shown(kind),
        close=Text("file.kind_close", name=shown(close[0]))
        if close
        else Text("file.declared_kinds", kinds=Listing([shown(k) for k in declared])),
        hint="" if reading.absence_codes else Text("file.kinds_codes_hint"),
    )
    raise record.error(column, kind, problem)
