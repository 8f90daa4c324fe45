"""A batch's fact sets: each row's combination of the values of the columns a declared
attribute may be read from, as one integer per row, with one row of each set as the mapping
`decide` would read."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from ..engine.facts import LOCATIONS, attribute_keys
from ..engine.runtime import Decider
from .codes import combine, encode

#: the engine's location code (1, 2, 4) of locations numbered 0, 1, 2 (office, home, anywhere)
LOCATION_CODES = tuple(LOCATIONS.values())


class FactSets:
    """Each row's fact set: the combination of the values of every column a declared
    attribute that some rule reads may be read from; with one row of each set as the dict of
    those attributes `decide` would read (a standing made from it has the rule bits of the
    row's own facts)."""

    def __init__(self, decider: Decider, batch: pa.RecordBatch, names: list[str]) -> None:
        wanted: list[str] = []
        # only the attributes some rule reads: the others cannot change a standing's rule
        # bits, so fact sets that differ in them alone are one set here
        read = {slot for rule in decider.rules for slot in rule.slots}
        for slot in (*decider.employee_slots, *decider.shift_slots):
            if slot not in read:
                continue
            for key in attribute_keys(slot.decl.name.text):
                if key in names and key not in wanted:
                    wanted.append(key)
        rows = batch.num_rows
        self.ok = np.ones(rows, dtype=bool)
        self.names = wanted
        self.values: list[list[Any]] = []
        #: each column's Arrow type, as text (values of different types are told apart)
        self.kinds: list[str] = []
        self._rows = rows
        self._groups: tuple[np.ndarray, np.ndarray] | None = None
        codes: list[np.ndarray] = []
        for name in wanted:
            column = batch.column(names.index(name))
            self.kinds.append(str(column.type))
            try:
                found, values = encode(column)
            except (pa.ArrowNotImplementedError, pa.ArrowInvalid, TypeError):
                # a type Arrow cannot hash (a list, a struct): every row goes to `decide`
                self.ok[:] = False
                found, values = np.zeros(rows, dtype=np.int64), [None]
            codes.append(found)
            self.values.append(values)
        self.codes = codes

    def _grouped(self) -> tuple[np.ndarray, np.ndarray]:
        if self._groups is None:
            if self.codes:
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
