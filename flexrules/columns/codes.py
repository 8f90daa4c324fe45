"""Integer codes for columns and combinations of columns: the groups the columnar path works
out once each.

A column's values become codes into its distinct values (Arrow's hash dictionary); several
columns' codes combine into one code per distinct combination, kept dense (0 to n - 1) so the
next combination stays small. Where the codes' range is small, dense codes come from a table
(one pass, no sort); else from a sort (`numpy.unique`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def encode(column: pa.Array) -> tuple[np.ndarray, list[Any]]:
    """Each row's code into the column's distinct values (null is one of them), and those
    values as Python gives them (`as_py`). A dictionary column (Parquet's, a pandas
    categorical) is used as it is: its indices are the codes, null the code after its values
    (a value twice in a dictionary gets two codes, which only costs a group more). Booleans
    and integers of a small range need no hashing: their values are their codes."""
    if pa.types.is_boolean(column.type):  # no hashing: false 0, true 1, null 2
        codes = column.cast(pa.int8()).fill_null(2).to_numpy(zero_copy_only=False)
        return codes.astype(np.int64), [False, True, None]
    if pa.types.is_integer(column.type) and len(column) > column.null_count:
        bounds = pc.min_max(column)
        low, high = bounds["min"].as_py(), bounds["max"].as_py()
        if high - low < 4096:  # a small range: each value's offset from the lowest is its code
            offsets = column.cast(pa.int64()).fill_null(high + 1).to_numpy(zero_copy_only=False)
            return offsets - low, [*range(low, high + 1), None]
    if pa.types.is_dictionary(column.type):
        values = column.dictionary.to_pylist()
        indices = column.indices.fill_null(len(values)).to_numpy(zero_copy_only=False)
        return indices.astype(np.int64, copy=False), [*values, None]
    encoded = column.dictionary_encode(null_encoding="encode")
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    return codes, encoded.dictionary.to_pylist()


def last_index(names: list[str], name: str) -> int:
    """The place of a column by name, the last where a table has two of that name: `decide`
    reads a row as a dict, in which the last one wins."""
    return len(names) - 1 - names[::-1].index(name)


def bool_bytes(column: pa.Array) -> np.ndarray:
    """A boolean column without nulls as bytes 0 and 1, unpacked from its bitmap by numpy
    (Arrow's own conversion costs several times more on a short column)."""
    rows, offset = len(column), column.offset
    if not rows:
        return np.zeros(0, dtype=np.uint8)
    bitmap = np.frombuffer(column.buffers()[1], dtype=np.uint8)
    found: np.ndarray = np.unpackbits(bitmap, count=offset + rows, bitorder="little")[offset:]
    return found


def bool_array(values: np.ndarray) -> pa.Array:
    """A numpy bool array as an Arrow boolean array, its bitmap packed by numpy."""
    bits = np.packbits(values, bitorder="little")
    return pa.Array.from_buffers(pa.bool_(), values.size, [None, pa.py_buffer(bits)])


def dense(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each key's group, numbered from 0 in the keys' order of size, and each group's first
    row: `numpy.unique(keys, return_index=True, return_inverse=True)`, without a sort where
    the keys are small non-negative integers."""
    size = keys.size
    if size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    top = int(keys.max())
    if int(keys.min()) >= 0 and top <= 4 * size + 4096:
        first = np.full(top + 1, size, dtype=np.int64)
        _firsts(first, keys)
        present = first < size
        number = np.cumsum(present) - 1
        return number[keys], first[present]
    _, firsts, groups = np.unique(keys, return_index=True, return_inverse=True)
    return groups.reshape(-1).astype(np.int64, copy=False), firsts.astype(np.int64, copy=False)


def _firsts(first: np.ndarray, keys: np.ndarray) -> None:
    """Each key's first row, written into `first`: of repeated indices numpy keeps the last
    value assigned, so assigning in reverse order keeps the earliest row."""
    rows = np.arange(keys.size - 1, -1, -1, dtype=np.int64)
    first[keys[::-1]] = rows


def combine(*parts: tuple[np.ndarray, int]) -> tuple[np.ndarray, np.ndarray]:
    """The dense group of each row's combination of codes, and each group's first row; each
    part is (codes, how many codes there may be)."""
    groups: np.ndarray | None = None
    firsts = np.zeros(0, dtype=np.int64)
    for codes, size in parts:
        if groups is None:
            groups, firsts = dense(codes)
        else:
            groups, firsts = dense(groups * max(size, 1) + codes)
    if groups is None:
        raise ValueError("combine needs at least one column of codes")
    return groups, firsts


def distinct(keys: np.ndarray) -> np.ndarray:
    """The distinct keys, sorted: `numpy.unique` by a sort (numpy's hashed unique is several
    times slower on tens of millions of distinct integers)."""
    ordered = np.sort(keys)
    keep = np.ones(ordered.size, dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    found: np.ndarray = ordered[keep]
    return found


def distinct_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys, sorted, and how many times each is there."""
    ordered = np.sort(keys)
    keep = np.ones(ordered.size, dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(keep)
    return ordered[starts], np.diff(np.append(starts, ordered.size))


def group_sums(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys, sorted, and the sum of the values of each (integers)."""
    if not keys.size:
        return keys, values[:0].astype(np.int64)
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    keep = np.ones(ordered.size, dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(keep)
    sums = np.add.reduceat(values[order].astype(np.int64), starts)
    return ordered[starts], sums
