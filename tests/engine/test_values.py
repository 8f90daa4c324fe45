"""The one table of value types (flexrules/engine/values.py) is the only reading of values:
the generated fact readers, the general readers (mappings and objects), the memory keys and the
file loaders all agree with it, on many random values."""

from __future__ import annotations

import datetime as dt
import linecache
import traceback
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flexrules
from flexrules.engine import fact_readers
from flexrules.engine.facts import UNKNOWN
from flexrules.engine.values import TextProblem, declared_type, problem, value_type
from flexrules.files.cells import BadCell, type_value

DECLARED = {
    "text": "text",
    "number": "number",
    "flag": "yes or no",
    "day": "date",
    "kind": 'one of "a", "B", "b c"',
    "level": 'ranked "low" < "mid" < "High"',
}
POLICY_TEXT = (
    'policy "values".\n\nemployees have:\n'
    + ",\n".join(f"  {name}: {kind}" for name, kind in DECLARED.items())
    + ".\n\nrule R1: employees may work.\n"
)
POLICY = flexrules.compile_policy(POLICY_TEXT)
DECIDER = POLICY._decider
SLOTS = {slot.name: slot for slot in DECIDER.employee_slots}


class Str(str):
    """A str subclass: read as text, but never a memory key."""


class Int(int):
    """An int subclass: read as a number, but never a memory key."""


values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["a", "B", "b", "b c", "low", "mid", "High", "high", "yes", "9", "7.5"]),
    st.dates().map(dt.date.isoformat),
    st.dates(),
    st.datetimes(),
    st.text(max_size=5).map(Str),
    st.integers(-5, 5).map(Int),
    st.just(["a"]),
    st.just({"a": 1}),
)


def _same(a: Any, b: Any) -> bool:
    """Equal, with equal types (so 1 and 1.0, or 1 and True, are not the same reading)."""
    return a is b or (type(a) is type(b) and a == b) or (a != a and b != b)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({name: values for name in DECLARED}))
def test_generated_and_general_readers_read_as_the_table_does(given: dict[str, Any]) -> None:
    """A dict (the generated reader), a read-only mapping and an object (the general
    readers) are each typed exactly as `ValueType.read` types the value."""
    expected = tuple(declared_type(SLOTS[name].decl.type).read(given[name]) for name in DECLARED)
    from_dict, _ = DECIDER.employee_facts(dict(given))
    from_mapping, _ = DECIDER.employee_facts(MappingProxyType(given))
    from_object, _ = DECIDER.employee_facts(type("Person", (), dict(given))())
    for found in (from_dict, from_mapping, from_object):
        assert all(_same(a, b) for a, b in zip(found, expected, strict=True)), (found, expected)


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries({name: values for name in DECLARED}),
    st.fixed_dictionaries({name: values for name in DECLARED}),
)
def test_equal_keys_mean_equal_readings(first: dict[str, Any], second: dict[str, Any]) -> None:
    """Two employees whose memory keys are equal have equal typed facts, and equal values
    given for the unusable ones: the memory may share what one means for the other."""
    key_one, key_two = DECIDER.fact_key(first, {}), DECIDER.fact_key(second, {})
    if key_one is None or key_two is None or key_one != key_two:
        return
    (one, bad_one), (two, bad_two) = DECIDER.employee_facts(first), DECIDER.employee_facts(second)
    assert all(_same(a, b) for a, b in zip(one, two, strict=True))
    assert (bad_one or {}) == (bad_two or {})


@pytest.mark.parametrize("value", [1, 1.0, True, Int(1), "1", Str("a"), "a"])
def test_look_alike_values_never_share_a_key(value: Any) -> None:
    """1, 1.0 and True compare equal but are read differently: only exact key types key."""
    for name in DECLARED:
        reading = declared_type(SLOTS[name].decl.type)
        key = DECIDER.fact_key({name: value}, {})
        if key is not None:
            assert type(value) in reading.key_types or value is None


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(list(DECLARED)), st.text(max_size=14))
def test_a_cell_that_reads_is_a_usable_value(name: str, text: str) -> None:
    """A file cell that the table reads gives a value the engine can use; one it cannot read
    is a `TextProblem` with a message, never another error."""
    info = next(a for a in POLICY.attributes if a.name == name)
    reading = value_type(info.type, info.values)
    try:
        value = reading.from_text(text)
    except TextProblem as exc:
        assert exc.problem
        return
    assert declared_type(SLOTS[name].decl.type).read(value) is not UNKNOWN
    assert problem(value, SLOTS[name].decl.type) is None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(DECLARED)), values)
def test_file_loaders_type_through_the_table(name: str, value: Any) -> None:
    """`files.cells.type_value` gives None, a usable value, or a `BadCell`: text by
    `from_text`, JSON values only when they already have the type."""
    info = next(a for a in POLICY.attributes if a.name == name)
    try:
        typed = type_value(value, info)
    except BadCell as exc:
        assert exc.problem
        return
    if typed is not None:
        assert declared_type(SLOTS[name].decl.type).read(typed) is not UNKNOWN


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(DECLARED)), values)
def test_problem_is_none_exactly_when_the_value_reads(name: str, value: Any) -> None:
    """What an explanation says is wrong with a fact agrees with whether it reads."""
    type_ = SLOTS[name].decl.type
    usable = value is not None and declared_type(type_).read(value) is not UNKNOWN
    assert (problem(value, type_) is None) == usable


class _Exploding(Mapping[str, Any]):
    """A mapping whose every read fails, to make a traceback pass through generated code."""

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("no reading today")

    def get(self, key: str, default: Any = None) -> Any:
        raise RuntimeError("no reading today")

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def test_a_traceback_through_generated_code_shows_its_lines() -> None:
    """Generated readers are in `linecache` under a readable name, so tracebacks show them."""
    # compiled here, so its reader is among the newest in the bounded linecache whatever
    # other tests compiled since this module was imported
    decider = flexrules.compile_policy(POLICY_TEXT)._decider
    with pytest.raises(RuntimeError) as caught:
        decider.employee_facts(_Exploding())
    text = "".join(traceback.format_exception(caught.value))
    assert "<flexrules facts of employees, " in text
    assert "v = get('text')" in text


def test_generated_sources_in_linecache_are_bounded() -> None:
    """Compiling many policies keeps at most `LINECACHE_LIMIT` generated sources."""
    for n in range(fact_readers.LINECACHE_LIMIT + 8):
        flexrules.compile_policy(
            f'policy "p{n}".\nemployees have: a{n}: text.\nrule R: employees may work.\n'
        )
    ours = [name for name in linecache.cache if name.startswith("<flexrules ")]
    assert len(ours) <= fact_readers.LINECACHE_LIMIT
