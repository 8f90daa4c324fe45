"""A shift's start or end column as local seconds, read a column at a time the way `decide`
reads one value.

`decide` turns a start or end into whole seconds of local wall-clock time since 0001-01-01
(`engine.facts.local_seconds`): naive times are local wall time in the employee's zone, aware
ones are converted to it. Here a whole column does the same: a naive timestamp column by adding
one constant, an aware one by each distinct instant's offset in each distinct zone (worked out
once, with the same `zoneinfo` data `decide` uses), ISO text by parsing each distinct text once.
A value this cannot read the same way for certain (null, a fraction of a second, a date without
a time, text that is not a time, any other type) is marked, and its row goes to `decide`,
which gives the answer or the error.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import numpy as np
import pyarrow as pa

from ..clock.calendar import DAY
from ..core.errors import InputError
from ..engine.facts import parse_time
from ..engine.runtime import Decider

#: local seconds of 1970-01-01T00:00 (the Unix epoch) on flexrules' count from 0001-01-01
EPOCH = dt.date(1970, 1, 1).toordinal() * DAY
_PER_SECOND = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}


class TimeColumn:
    """One time column, read: per row its local seconds (for aware values, in the row's
    zone), its instant in Unix seconds (aware values only), whether it was aware, and whether
    it was read at all (`ok`: False sends the row to `decide`); and, for the whole column,
    whether every row was read and whether some row was aware (so a caller can skip a pass).
    """

    __slots__ = ("aware", "every_ok", "instant", "local", "ok", "some_aware")

    def __init__(
        self, local: np.ndarray, instant: np.ndarray, aware: np.ndarray, ok: np.ndarray
    ) -> None:
        self.local, self.instant, self.aware, self.ok = local, instant, aware, ok
        self.every_ok = False
        self.some_aware = True


def read_times(
    decider: Decider,
    column: pa.Array | None,
    rows: int,
    zones: list[zoneinfo.ZoneInfo | None],
    zone_of_row: np.ndarray | None,
) -> TimeColumn:
    """A start or end column read (see the module); `zones[zone_of_row[i]]` is row i's zone
    (None where the row's zone is not usable: those rows go to `decide` anyway; every row's
    zone is `zones[0]` where `zone_of_row` is None)."""
    if column is not None and _plain_seconds(column):  # the common case: one add
        unaware = np.zeros(rows, dtype=bool)
        local = column.view(pa.int64()).to_numpy() + EPOCH
        read = TimeColumn(local, np.zeros(rows, dtype=np.int64), unaware, ~unaware)
        read.every_ok, read.some_aware = True, False
        return read
    local = np.zeros(rows, dtype=np.int64)
    instant = np.zeros(rows, dtype=np.int64)
    aware = np.zeros(rows, dtype=bool)
    ok = np.zeros(rows, dtype=bool)
    read = TimeColumn(local, instant, aware, ok)
    if column is None:
        return read
    kind = column.type
    if pa.types.is_dictionary(kind):
        column = column.cast(kind.value_type)
        kind = column.type
    if pa.types.is_timestamp(kind):
        _timestamps(column, read, zones, zone_of_row)
    elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
        _texts(decider, column, read, zones, zone_of_row)
    return read


def _plain_seconds(column: pa.Array) -> bool:
    """Whether a column is naive timestamps in whole seconds without nulls."""
    kind = column.type
    return bool(
        pa.types.is_timestamp(kind)
        and kind.tz is None
        and kind.unit == "s"
        and not column.null_count
    )


def _timestamps(
    column: pa.Array,
    read: TimeColumn,
    zones: list[zoneinfo.ZoneInfo | None],
    zone_of_row: np.ndarray | None,
) -> None:
    per_second = _PER_SECOND[column.type.unit]
    if column.null_count:
        valid = ~np.asarray(column.is_null().to_numpy(zero_copy_only=False), dtype=bool)
        seconds = column.cast(pa.int64()).fill_null(0).to_numpy()
    else:  # the ticks as they are: a view, no cast
        valid = None
        seconds = column.view(pa.int64()).to_numpy()
    if per_second == 1:
        read.ok[:] = True if valid is None else valid
        read.every_ok = valid is None
    else:
        seconds, fraction = np.divmod(seconds, per_second)
        read.ok[:] = fraction == 0 if valid is None else valid & (fraction == 0)
    if column.type.tz is None:
        read.local = seconds + EPOCH
        read.some_aware = False
        return
    read.every_ok = False  # an instant no zone can show is unread
    read.aware[:] = True
    read.instant = seconds
    _localise(read, zones, zone_of_row)


def _localise(
    read: TimeColumn, zones: list[zoneinfo.ZoneInfo | None], zone_of_row: np.ndarray | None
) -> None:
    """Local seconds of the aware rows that are ok, each distinct instant converted once per
    distinct zone, as `local_seconds` converts one."""
    todo = read.ok & read.aware
    for code, where in enumerate(zones):
        rows = np.flatnonzero(todo if zone_of_row is None else todo & (zone_of_row == code))
        if not rows.size:
            continue
        if where is None:
            read.ok[rows] = False
            continue
        distinct, inverse = np.unique(read.instant[rows], return_inverse=True)
        offsets = np.zeros(distinct.size, dtype=np.int64)
        good = np.ones(distinct.size, dtype=bool)
        for index, value in enumerate(distinct.tolist()):
            offset = _offset(value, where)
            if offset is None:
                good[index] = False
            else:
                offsets[index] = offset
        read.local[rows] = read.instant[rows] + offsets[inverse] + EPOCH
        read.ok[rows] = good[inverse]


def _offset(instant: int, where: zoneinfo.ZoneInfo) -> int | None:
    """The zone's offset from UTC at an instant, in seconds; None where no date holds it."""
    try:
        moment = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=instant)
        offset = moment.astimezone(where).utcoffset()
    except (OverflowError, ValueError):
        return None
    return None if offset is None else int(offset.total_seconds())


def _texts(
    decider: Decider,
    column: pa.Array,
    read: TimeColumn,
    zones: list[zoneinfo.ZoneInfo | None],
    zone_of_row: np.ndarray | None,
) -> None:
    """ISO text: each distinct text parsed once, naive or aware, as `decide` parses it."""
    encoded = column.dictionary_encode(null_encoding="encode")
    texts = encoded.dictionary.to_pylist()
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    kinds = np.zeros(len(texts), dtype=np.int8)  # 0 unread, 1 naive, 2 aware
    values = np.zeros(len(texts), dtype=np.int64)
    for index, text in enumerate(texts):
        kinds[index], values[index] = _text_value(decider, text)
    kind = kinds[codes]
    read.ok[:] = kind != 0
    read.aware[:] = kind == 2
    value = values[codes]
    read.local[:] = np.where(kind == 1, value, 0)
    read.instant[:] = np.where(kind == 2, value, 0)
    if read.aware.any():
        _localise(read, zones, zone_of_row)


def _text_value(decider: Decider, text: Any) -> tuple[int, int]:
    """(1, local seconds) for naive ISO text with whole seconds, (2, Unix seconds) for aware
    text with whole seconds, (0, 0) for anything `decide` must read itself."""
    local = decider.naive_seconds(text)
    if local is not None:
        return 1, local
    if not isinstance(text, str):
        return 0, 0
    try:
        parsed = parse_time(text, "start")
    except InputError:
        return 0, 0
    if parsed.tzinfo is None or parsed.microsecond:
        return 0, 0
    offset = parsed.utcoffset()
    if offset is None:
        return 0, 0
    naive = parsed.replace(tzinfo=None) - offset
    return 2, (naive.toordinal() * DAY + naive.hour * 3600 + naive.minute * 60 + naive.second) - (
        EPOCH
    )
