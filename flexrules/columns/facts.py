"""A batch's fact sets: each row's combination of the values of the columns a declared
attribute may be read from, as one integer per row, with one row of each set as the mapping
`decide` would read."""

from __future__ import annotations

import threading
import weakref
from typing import Any

import numpy as np
import pyarrow as pa

from ..engine.facts import LOCATIONS, attribute_keys
from ..engine.runtime import Decider
from .codes import combine, encode, last_index

#: the engine's location code (1, 2, 4) of locations numbered 0, 1, 2 (office, home, anywhere)
LOCATION_CODES = tuple(LOCATIONS.values())
#: errors Arrow raises for a column type it cannot hash (a list, a struct)
UNHASHABLE = (pa.ArrowNotImplementedError, pa.ArrowInvalid, pa.ArrowTypeError, TypeError)

#: per decider, per tuple of a batch's column names: the fact columns (bounded)
_WANTED: weakref.WeakKeyDictionary[Decider, dict[tuple[str, ...], list[str]]]
_WANTED = weakref.WeakKeyDictionary()
_WANTED_LOCK = threading.Lock()
_MAX_LAYOUTS = 64


def fact_columns(decider: Decider, names: list[str]) -> list[str]:
    """The columns a declared attribute that some rule reads may be read from, in the order
    `decide` looks them up (remembered per decider and column names)."""
    key = tuple(names)
    with _WANTED_LOCK:
        known = _WANTED.setdefault(decider, {})
        found = known.get(key)
    if found is not None:
        return found
    wanted: list[str] = []
    # only the attributes some rule reads: the others cannot change a standing's rule
    # bits, so fact sets that differ in them alone are one set here
    read = {slot for rule in decider.rules for slot in rule.slots}
    for slot in (*decider.employee_slots, *decider.shift_slots):
        if slot not in read:
            continue
        for name in attribute_keys(slot.decl.name.text):
            if name in names and name not in wanted:
                wanted.append(name)
    with _WANTED_LOCK:
        if len(known) >= _MAX_LAYOUTS:
            known.clear()
        known[key] = wanted
    return wanted


class FactSets:
    """Each row's fact set: the combination of the values of every column a declared
    attribute that some rule reads may be read from; with one row of each set as the dict of
    those attributes `decide` would read (a standing made from it has the rule bits of the
    row's own facts). The columns are coded on first use (`encode`): a warm batch reads them
    through the table memory's stable codes instead (`columns.remembered`)."""

    def __init__(self, decider: Decider, batch: pa.RecordBatch, names: list[str]) -> None:
        self.names = fact_columns(decider, names)
        self.columns = [batch.column(last_index(names, name)) for name in self.names]
        rows = batch.num_rows
        self._rows = rows
        #: False where a fact column cannot be hashed: every row then goes to `decide`
        self.readable = True
        self._encoded: tuple[list[np.ndarray], list[list[Any]]] | None = None
        self._groups: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def ok(self) -> np.ndarray:
        """Per row, whether its facts can be read a column at a time."""
        return np.full(self._rows, self.readable, dtype=bool)

    def encode(self) -> None:
        """Code each column within the batch (Arrow's hash dictionary)."""
        if self._encoded is not None:
            return
        codes: list[np.ndarray] = []
        values: list[list[Any]] = []
        for column in self.columns:
            try:
                found, known = encode(column)
            except UNHASHABLE:
                self.readable = False
                found, known = np.zeros(self._rows, dtype=np.int64), [None]
            codes.append(found)
            values.append(known)
        self._encoded = codes, values

    @property
    def codes(self) -> list[np.ndarray]:
        self.encode()
        assert self._encoded is not None
        return self._encoded[0]

    @property
    def values(self) -> list[list[Any]]:
        self.encode()
        assert self._encoded is not None
        return self._encoded[1]

    def _grouped(self) -> tuple[np.ndarray, np.ndarray]:
        if self._groups is None:
            if self.columns:
                self._groups = combine(
                    *(
                        (codes, len(values))
                        for codes, values in zip(self.codes, self.values, strict=True)
                    )
                )
            else:
                rows = self._rows
                self._groups = np.zeros(rows, np.int64), np.zeros(1 if rows else 0, np.int64)
        return self._groups

    @property
    def of_row(self) -> np.ndarray:
        """Each row's fact set, numbered from 0 within the batch."""
        return self._grouped()[0]

    @property
    def firsts(self) -> np.ndarray:
        """Each fact set's first row."""
        return self._grouped()[1]

    @property
    def count(self) -> int:
        return int(self._grouped()[1].size)

    def mapping(self, row: int) -> dict[str, Any]:
        """The declared attributes of a row, as `decide` would read them from it."""
        return {
            name: values[codes[row]]
            for name, values, codes in zip(self.names, self.values, self.codes, strict=True)
        }
