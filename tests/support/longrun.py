"""Seeded (employee, shift) pairs for long runs: each a new employee on a random day of 300
years, the worst case for a policy's memories (tests/engine/test_memory.py,
benchmarks/memory.py). Plain dicts for examples/disdukcapil.rules."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

__all__ = ["long_run_pair", "long_run_pairs"]


def long_run_pair(rng: random.Random, n: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The `n`th pair: employee `E{n}`, a four-and-a-half-hour shift on a random day."""
    day = date(1900, 1, 1) + timedelta(days=rng.randrange(300 * 365))
    hour = rng.randrange(5, 18)
    employee = {
        "id": f"E{n}",
        "role": rng.choice(["service desk", "clerk"]),
        "job type": rng.choice(["finance", "technical", "public service"]),
        "performance": rng.choice(["good", "poor", "very good"]),
        "grade": rng.randrange(1, 17),
        "unit": f"U{n % 50}",
        "position start": (day - timedelta(days=rng.randrange(900))).isoformat(),
        "on probation": rng.random() < 0.1,
        "under sanction": False,
        "in special circumstances": False,
    }
    shift = {
        "start": f"{day.isoformat()}T{hour:02d}:00",
        "end": f"{day.isoformat()}T{hour + 4:02d}:30",
        "location": rng.choice(["office", "home", "anywhere"]),
        "approved": rng.random() < 0.5,
    }
    return employee, shift


def long_run_pairs(count: int, seed: int) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    rng = random.Random(seed)
    return [long_run_pair(rng, n) for n in range(count)]
