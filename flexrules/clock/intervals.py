"""Sets of half-open intervals [start, end) of seconds, as sorted tuples of pairs."""

from __future__ import annotations

from collections.abc import Iterable

Intervals = tuple[tuple[int, int], ...]


def normalise(items: Iterable[tuple[int, int]]) -> Intervals:
    """Sorted, merged, without empty intervals."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(i for i in items if i[1] > i[0]):
        if result and start <= result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
        else:
            result.append((start, end))
    return tuple(result)


def intersect(a: Intervals, b: Intervals) -> Intervals:
    result: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if start < end:
            result.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tuple(result)


def complement(a: Intervals, low: int, high: int) -> Intervals:
    result: list[tuple[int, int]] = []
    cursor = low
    for start, end in a:
        if start > cursor:
            result.append((cursor, min(start, high)))
        cursor = max(cursor, end)
        if cursor >= high:
            break
    if cursor < high:
        result.append((cursor, high))
    return tuple(i for i in result if i[1] > i[0])


def shift(a: Intervals, by: int) -> Intervals:
    return tuple((s + by, e + by) for s, e in a)


def clip(a: Intervals, low: int, high: int) -> Intervals:
    return tuple((max(s, low), min(e, high)) for s, e in a if e > low and s < high)
