"""Test setup: import flexrules from this checkout, and the helpers in tests/support/.

The tests' folders mirror the package's (language/, engine/, rosters/, files/, cli/), with
project/ for the code's shape, the docs and the wheel. Tests that take seconds are marked
`slow`: `pytest -m "not slow"` runs the rest in under a minute.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
for _path in (_HERE.parent, _HERE / "support"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

# FLEXRULES_TEST_CACHE_SIZE=1 runs the suite with every memory of every policy keeping one
# entry per generation (tests/engine/test_memory.py runs the decision and roster suites so)
if "FLEXRULES_TEST_CACHE_SIZE" in os.environ:
    from flexrules.core import memory

    memory.DEFAULT_CACHE_SIZE = int(os.environ["FLEXRULES_TEST_CACHE_SIZE"])
