"""The columnar path: whole tables of shifts decided a column at a time (shared/SCALE.md §1).

Needs the optional extra `flexrules[columnar]` (numpy and pyarrow). `Policy.decide_table` and
`Policy.check_table` are the entry points; `decide_batches` is the per-batch function that
Spark's `mapInArrow` or Ray Data's `map_batches` can call as it is.
"""

from __future__ import annotations

from .tables import DEFAULT_BATCH_SIZE, decide_batches, decide_table, result_schema

__all__ = ["DEFAULT_BATCH_SIZE", "decide_batches", "decide_table", "result_schema"]
