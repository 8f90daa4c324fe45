"""What `compile_policy` and `load_policy` are given: a caller who passes the wrong kind of
object gets a `TypeError` that says which and what to pass, never an error from deep inside
(issue 13: `compile_policy({"a.rules": 5})` was an AttributeError)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flexrules

GOOD = "rule R1: employees may work.\n"

#: The messages of the TypeErrors flexrules raises for wrong arguments.
OUR_TYPE_ERRORS = re.compile(
    r"policy file names must be text \(str\), not |the policy file .* is given as |"
    r"compile_policy takes policy text, bytes or a mapping of file names|"
    r"load_policy takes the path \(str or os\.PathLike\) of a \.rules file or a folder, not ",
    re.DOTALL,
)


def test_a_number_for_a_text_names_the_file() -> None:
    """`compile_policy({"a.rules": 5})`: a TypeError naming the file and what to give."""
    with pytest.raises(TypeError) as raised:
        flexrules.compile_policy({"a.rules": 5})  # type: ignore[dict-item]
    assert str(raised.value) == (
        "the policy file 'a.rules' is given as int; give its text as str, or its contents as bytes"
    )


@pytest.mark.parametrize(("key", "shown"), [(5, "int: 5"), (None, "NoneType: None")])
def test_a_name_that_is_not_text(key: object, shown: str) -> None:
    """A mapping with a name that is not a str, alone or beside str names (where sorting the
    names raised its own TypeError): our TypeError, naming the key."""
    for texts in ({key: GOOD}, {"a.rules": GOOD, key: GOOD}):
        with pytest.raises(TypeError) as raised:
            flexrules.compile_policy(texts)  # type: ignore[arg-type]
        assert str(raised.value) == f"policy file names must be text (str), not {shown}"


def test_a_file_name_that_is_not_text() -> None:
    """`filename=` takes text too."""
    with pytest.raises(TypeError, match=r"^policy file names must be text \(str\), not int: 7$"):
        flexrules.compile_policy(GOOD, filename=7)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", [5, None, b"policy.rules", 2.5, ["a.rules"]])
def test_load_policy_of_something_that_is_no_path(path: object) -> None:
    """`load_policy` takes a str or an os.PathLike; anything else is our TypeError."""
    with pytest.raises(TypeError, match=r"^load_policy takes the path \(str or os\.PathLike\)"):
        flexrules.load_policy(path)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", ["", "a\0b.rules"])
def test_load_policy_of_an_empty_path_or_one_with_nul(path: str) -> None:
    """An empty path (which read every .rules file under the working directory) and one that
    holds NUL are no policy: FileNotFoundError, as for a missing path."""
    with pytest.raises(FileNotFoundError, match="no policy file or folder at"):
        flexrules.load_policy(path)


def test_str_and_bytes_subclasses_are_read_as_plain_text() -> None:
    """A str subclass whose hash or str() misbehaves is read as the text it holds."""

    class Odd(str):
        def __hash__(self) -> int:
            raise RuntimeError("no hash")

        def __str__(self) -> str:
            raise RuntimeError("no str")

    class OddBytes(bytes):
        def decode(self, *args: Any, **kwargs: Any) -> str:
            raise RuntimeError("no decode")

    policy = flexrules.compile_policy(
        {"a.rules": Odd(GOOD), "b.rules": OddBytes(b"rule R2: employees may work.\n")}
    )
    assert [rule.id for rule in policy.rules] == ["R1", "R2"]
    assert flexrules.compile_policy(Odd(GOOD)).rules[0].id == "R1"


class _Mapping(Mapping[Any, Any]):
    """A mapping that is not a dict."""

    def __init__(self, items: dict[Any, Any]) -> None:
        self._items = items

    def __getitem__(self, key: Any) -> Any:
        return self._items[key]

    def __iter__(self) -> Any:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.binary(max_size=40),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.builds(bytearray, st.binary(max_size=10)),
    st.builds(object),
    st.just(GOOD),
    st.just(GOOD.encode()),
)


def _outcome(call: Any) -> object:
    """What the call gives: a policy, a PolicyError, or our TypeError; nothing else."""
    try:
        return call()
    except flexrules.PolicyError as error:
        assert str(error)
        return error
    except TypeError as error:
        assert OUR_TYPE_ERRORS.search(str(error)), str(error)
        return error


@settings(max_examples=300, deadline=None)
@given(ODD)
def test_compile_policy_of_anything(value: object) -> None:
    """Whatever `compile_policy` is given as its text, the answer is a policy, a
    PolicyError, or a TypeError of ours."""
    _outcome(lambda: flexrules.compile_policy(value))  # type: ignore[arg-type]


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.dictionaries(ODD.filter(lambda v: _hashable(v)), ODD, max_size=4), st.booleans())
def test_compile_policy_of_any_mapping(texts: dict[Any, Any], plain: bool) -> None:
    """Any mapping, of any names to any values, as a dict or another Mapping."""
    given_texts = texts if plain else _Mapping(texts)
    _outcome(lambda: flexrules.compile_policy(given_texts))


@settings(max_examples=200, deadline=None)
@given(ODD)
def test_compile_policy_with_any_file_name(name: object) -> None:
    """Any `filename=`."""
    if isinstance(name, (list, dict, bytearray)):
        return  # unhashable, as a mapping's key would be
    _outcome(lambda: flexrules.compile_policy(GOOD, filename=name))  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(ODD.filter(lambda v: not isinstance(v, str)))
def test_load_policy_of_anything_but_text(path: object) -> None:
    """Any `load_policy` argument that is not a path string (a string could name a real
    folder): our TypeError."""
    _outcome(lambda: flexrules.load_policy(path))  # type: ignore[arg-type]


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def test_load_policy_of_a_path_like(tmp_path: Path) -> None:
    """An os.PathLike works as well as a str."""
    (tmp_path / "p.rules").write_text(GOOD)
    assert flexrules.load_policy(tmp_path / "p.rules").rules[0].id == "R1"


def test_a_policy_path_that_is_a_fifo_or_a_device_says_what_it_is(tmp_path: Path) -> None:
    """load_policy never reads a FIFO (it could block) or a device (it could not end)."""
    import os

    fifo = tmp_path / "p.rules"
    os.mkfifo(fifo)
    with pytest.raises(FileNotFoundError, match="is a named pipe"):
        flexrules.load_policy(fifo)
    with pytest.raises(FileNotFoundError, match="is a character device"):
        flexrules.load_policy("/dev/null")
