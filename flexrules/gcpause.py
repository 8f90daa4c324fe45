"""Pausing Python's cyclic garbage collector around work that builds many long-lived objects.

Compiling a policy and checking a roster allocate hundreds of thousands of small objects that
all stay alive until the work is done; the collector would walk them again and again for
nothing, which makes the work grow faster than linearly. Nothing they build holds a cycle that
needs collecting meanwhile.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block, restoring its previous state after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
