"""Every memory is bounded and thread-safe (flexrules/core/memory.py), and a policy decides
alike whatever its memories hold: with one entry each, under threads, after a long run."""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
import threading
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from casegen import generate
from longrun import long_run_pairs

import flexrules
from flexrules.core.memory import Memory

CHECKOUT = Path(__file__).resolve().parents[2]
EXAMPLE = CHECKOUT / "examples" / "disdukcapil.rules"


def _outcome(decision: flexrules.Decision) -> tuple[Any, ...]:
    return decision.allowed, tuple((r.rule, r.start, r.end) for r in decision.reasons)


def _decisions(policy: flexrules.Policy, cases: list[tuple[Any, Any]]) -> list[Any]:
    found = []
    for employee, shift in cases:
        try:
            found.append(_outcome(policy.decide(employee, shift)))
        except flexrules.InputError as exc:
            found.append(("error", exc.field))
    return found


# ---- the memory itself --------------------------------------------------------------------


def test_a_memory_keeps_at_most_two_generations() -> None:
    """However many entries are put, at most twice its size are kept."""
    memory: Memory[int, int] = Memory(10)
    for n in range(1000):
        memory.put(n, n)
        assert len(memory) <= 20
    assert memory.get(999) == 999 and memory.get(0) is None


def test_an_entry_in_use_is_never_forgotten() -> None:
    """An entry read at least once per `size` writes stays (it moves up when read)."""
    memory: Memory[str, int] = Memory(5)
    memory.put("kept", 1)
    for n in range(500):
        memory.put(f"other {n}", n)
        if n % 4 == 0:
            assert memory.get("kept") == 1


def test_racing_writers_agree_on_one_value() -> None:
    """Threads putting different values for one key all get back the one kept."""
    memory: Memory[str, object] = Memory(1000)
    kept: list[object] = []
    barrier = threading.Barrier(8)

    def put() -> None:
        barrier.wait()
        kept.append(memory.put("key", object()))

    threads = [threading.Thread(target=put) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(kept) == 8 and len({id(value) for value in kept}) == 1


def test_a_memory_needs_room_for_one_entry_and_pickles_empty() -> None:
    """Size 0 is refused; a pickled memory comes back empty, with its size."""
    with pytest.raises(ValueError):
        Memory(0)
    memory: Memory[int, int] = Memory(3)
    memory.put(1, 1)
    copy = pickle.loads(pickle.dumps(memory))
    assert (len(copy), copy.size) == (0, 3)


def test_cache_size_is_a_whole_number() -> None:
    """`cache_size` is checked when the policy is compiled."""
    for bad in (0, -1):
        with pytest.raises(ValueError, match="cache_size"):
            flexrules.compile_policy('policy "p".', cache_size=bad)
    for wrong in (2.5, True, "10"):
        with pytest.raises(TypeError, match="cache_size"):
            flexrules.compile_policy('policy "p".', cache_size=wrong)  # type: ignore[arg-type]
    policy = flexrules.load_policy(EXAMPLE, cache_size=7)
    assert policy.cache_size == 7
    assert pickle.loads(pickle.dumps(policy)).cache_size == 7


# ---- deciding with small memories -----------------------------------------------------------


@pytest.mark.slow
def test_one_entry_per_memory_decides_as_the_default_does() -> None:
    """With every memory keeping one entry, each of 2,000 generated cases (holidays, zones,
    unknown facts, midnight) is decided exactly as with the default sizes."""
    cases = list(generate(4242, 2000))
    small = flexrules.load_policy(EXAMPLE, cache_size=1)
    assert _decisions(small, cases) == _decisions(flexrules.load_policy(EXAMPLE), cases)


@pytest.mark.slow
def test_threads_sharing_small_memories_decide_as_one_thread_does() -> None:
    """Eight threads deciding through one policy whose memories keep 20 entries each give
    what one thread gives."""
    cases = list(generate(77, 1600))
    expected = _decisions(flexrules.load_policy(EXAMPLE), cases)
    shared = flexrules.load_policy(EXAMPLE, cache_size=20)
    results: dict[int, list[Any]] = {}
    barrier = threading.Barrier(8)

    def work(index: int) -> None:
        barrier.wait()
        mine = cases[index::8]
        results[index] = _decisions(shared, mine)

    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, so the memories race
    try:
        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        sys.setswitchinterval(previous)
    for index in range(8):
        assert results[index] == expected[index::8]


@pytest.mark.slow
def test_a_long_run_on_random_dates_and_employees_stays_bounded() -> None:
    """Every memory of a policy holds at most twice its size after 30,000 decisions on random
    dates over 300 years and new employees, and the heap stops growing once they are full (the
    million-decision run is benchmarks/memory.py; figures in docs/performance.md)."""
    size = 300
    policy = flexrules.load_policy(EXAMPLE, cache_size=size)
    decider = policy._decider
    pairs = long_run_pairs(30_000, 5)
    _decide_all(policy, pairs[:10_000])
    tracemalloc.start()
    try:
        _decide_all(policy, pairs[10_000:20_000])
        halfway = tracemalloc.get_traced_memory()[0]
        _decide_all(policy, pairs[20_000:])
        end = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    memories = [value for value in vars(decider).values() if isinstance(value, Memory)]
    memories.append(decider.calendar._bits)
    assert len(memories) >= 9
    assert all(len(memory) <= 2 * size for memory in memories)
    # what the full memories hold is replaced, not added to: no trend from half-way to the end
    assert end < 2_500_000 and end - halfway < 700_000, (halfway, end)


def _decide_all(policy: flexrules.Policy, pairs: list[tuple[Any, Any]]) -> None:
    for employee, shift in pairs:
        assert policy.decide(employee, shift).reasons
    gc.collect()


def test_no_collector_pause_anywhere() -> None:
    """Compiling, deciding in bulk and checking a roster never switch the garbage collector
    off: that would switch it off for every thread of the program embedding flexrules."""
    real_disable = gc.disable

    def refuse() -> None:
        raise AssertionError("gc.disable() was called")

    gc.disable = refuse  # type: ignore[assignment]
    try:
        policy = flexrules.load_policy(EXAMPLE)
        pairs = [
            (
                employee,
                {
                    **shift,
                    "start": f"2025-07-{1 + n % 28:02d}T08:00",
                    "end": f"2025-07-{1 + n % 28:02d}T16:00",
                },
            )
            for n, (employee, shift) in enumerate(long_run_pairs(200, 9))
        ]
        assert len(policy.decide_many(pairs).allowed) == len(pairs)
        assert policy.check_roster([(e, [s]) for e, s in pairs[:50]]).decisions
    finally:
        gc.disable = real_disable  # type: ignore[assignment]
    assert gc.isenabled()


@pytest.mark.slow
def test_the_decision_and_roster_suites_pass_with_every_memory_at_one_entry() -> None:
    """tests/engine and tests/rosters (fast part) pass when every policy's memories keep one
    entry per generation (FLEXRULES_TEST_CACHE_SIZE=1, read by tests/conftest.py)."""
    env = {**os.environ, "FLEXRULES_TEST_CACHE_SIZE": "1"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-x",
            "-m",
            "not slow",
            "-p",
            "no:cacheprovider",
            "tests/engine",
            "tests/rosters",
        ],
        cwd=CHECKOUT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout
