"""Generated Python for the hottest step: reading and typing an employee's or shift's facts.

One small function per policy reads every declared attribute from a mapping and types it, with
no loop and no closure call for the common types; the expressions come from the one table of
value types (`engine.values`). Policy text never reaches the generated source as code:
attribute keys go in through `repr` of checked names, and everything else the code calls is
passed in its namespace. The source is registered with `linecache` under a readable name
(`<flexrules facts of employees, sha256:...>`), so a traceback through it shows its lines.
"""

from __future__ import annotations

import hashlib
import linecache
import threading
from collections.abc import Callable, Sequence
from typing import Any

from ..language import ast
from .facts import UNKNOWN, attribute_keys
from .values import declared_type

#: read(mapping) -> (typed values, {index: value as given} for the unusable ones, or None)
MappingReader = Callable[[Any], tuple[tuple[Any, ...], dict[int, Any] | None]]
#: key(employee mapping, shift mapping) -> the values as given, or None
KeyReader = Callable[[Any, Any], "tuple[Any, ...] | None"]
#: per declared attribute: the keys it is read by, and the types its value may have in a key
KeyTypes = tuple[tuple[tuple[str, ...], frozenset[type]], ...]
#: at most this many generated sources stay in `linecache` (the newest; see `_define`)
LINECACHE_LIMIT = 64


def key_types(declarations: Sequence[ast.AttributeDecl]) -> KeyTypes:
    """What `key_reader` accepts of each attribute, for code reading many mappings at once: its
    type's `key_types`, or a missing value (None)."""
    return tuple(
        (
            attribute_keys(decl.name.text),
            frozenset((*declared_type(decl.type).key_types, type(None))),
        )
        for decl in declarations
    )


def mapping_reader(declarations: Sequence[ast.AttributeDecl], label: str) -> MappingReader:
    """A function reading and typing these attributes from a mapping (see `MappingReader`).

    The values given for unusable facts are kept, so an explanation can later say what was
    wrong with them even if the caller's object has changed since.
    """
    namespace: dict[str, Any] = {"UNKNOWN": UNKNOWN}
    lines = ["def read(source):", "    get = source.get", "    bad = None"]
    for index, decl in enumerate(declarations):
        reading = declared_type(decl.type)
        namespace[f"c{index}"] = reading.read
        lines.extend(_lookup("v", attribute_keys(decl.name.text)))
        lines.append(f"    a{index} = {reading.inline('v', f'c{index}')}")
        lines.append(f"    if a{index} is UNKNOWN:")
        lines.append("        if bad is None:")
        lines.append("            bad = {}")
        lines.append(f"        bad[{index}] = v")
    values = "".join(f"a{i}, " for i in range(len(declarations)))
    lines.append(f"    return ({values}), bad")
    reader: MappingReader = _define(lines, namespace, f"facts of {label}")["read"]
    return reader


def key_reader(
    employee_declarations: Sequence[ast.AttributeDecl],
    shift_declarations: Sequence[ast.AttributeDecl],
) -> KeyReader:
    """A function giving the declared attributes of an employee and a shift mapping exactly as
    given, as one tuple; or None when a value is of a type whose equal values may be read
    differently (a float, a bool for a number, a subclass of str: see `ValueType.key_types`).

    Equal keys mean equal typed facts and equal values given for unusable ones, so what a key's
    facts mean for the policy can be remembered and shared, and the typing skipped.
    """
    lines = ["def key(employee, shift):"]
    names: list[str] = []
    tests: list[str] = []
    namespace: dict[str, Any] = {}
    for owner, declarations in (
        ("employee", employee_declarations),
        ("shift", shift_declarations),
    ):
        if declarations:
            lines.append(f"    get = {owner}.get")
        for decl in declarations:
            name = f"a{len(names)}"
            names.append(name)
            lines.extend(_lookup(name, attribute_keys(decl.name.text)))
            kinds = declared_type(decl.type).key_types
            namespace.update((kind.__name__, kind) for kind in kinds)
            other_type = (
                f"{name} is not True and {name} is not False"
                if kinds == (bool,)
                else " and ".join(f"type({name}) is not {kind.__name__}" for kind in kinds)
            )
            tests.append(f"({other_type} and {name} is not None)")
    if tests:  # one test after all the reads: most keys pass it
        lines.append(f"    if {' or '.join(tests)}:")
        lines.append("        return None")
    lines.append(f"    return ({''.join(n + ', ' for n in names)})")
    reader: KeyReader = _define(lines, namespace, "fact keys")["key"]
    return reader


def _lookup(name: str, keys: tuple[str, ...]) -> list[str]:
    """Lines reading an attribute into `name` by the first of its keys that holds a value."""
    lines = [f"    {name} = get({keys[0]!r})"]
    for key in keys[1:]:
        lines.append(f"    if {name} is None:")
        lines.append(f"        {name} = get({key!r})")
    return lines


_registered: list[str] = []  # generated file names in linecache, oldest first
_lock = threading.Lock()


def _define(lines: list[str], namespace: dict[str, Any], label: str) -> dict[str, Any]:
    """Run generated source (no policy text in it but `repr`s of checked names), registered in
    `linecache` under a name that says what it reads and which source it is; the newest
    `LINECACHE_LIMIT` sources stay registered, so a long-running process does not grow."""
    source = "\n".join(lines) + "\n"
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]
    filename = f"<flexrules {label}, {digest}>"
    with _lock:
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        if filename in _registered:
            _registered.remove(filename)
        _registered.append(filename)
        while len(_registered) > LINECACHE_LIMIT:
            linecache.cache.pop(_registered.pop(0), None)
    code = compile(source, filename, "exec")
    exec(code, namespace)
    return namespace
