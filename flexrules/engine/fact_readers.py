"""Generated Python for the hottest step: reading and typing an employee's or shift's facts.

One small function per policy reads every declared attribute from a mapping and types it, with
no loop and no closure call for the common types. Policy text never reaches the generated source
as code: attribute keys go in through `repr` of checked names, and everything else the code
calls is passed in its namespace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from ..language import ast
from .facts import UNKNOWN, attribute_keys

#: read(mapping) -> (typed values, {index: value as given} for the unusable ones, or None)
MappingReader = Callable[[Any], tuple[tuple[Any, ...], dict[int, Any] | None]]
#: key(employee mapping, shift mapping) -> the values as given, or None
KeyReader = Callable[[Any, Any], "tuple[Any, ...] | None"]

#: the exact types a value may have and still key a memory of what those facts mean: two
#: values of these types that compare equal are typed alike (`1 == 1.0 == True` are not here);
#: a missing value (None) may key one too
_KEY_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "number": (int,),
    "bool": (bool,),
    "date": (str, dt.date),
}
#: per declared attribute: the keys it is read by, and the types its value may have in a key
KeyTypes = tuple[tuple[tuple[str, ...], frozenset[type]], ...]


def key_types(declarations: Sequence[ast.AttributeDecl]) -> KeyTypes:
    """What `key_reader` accepts of each attribute, for code reading many mappings at once."""
    return tuple(
        (attribute_keys(decl.name.text), frozenset((*_KEY_TYPES[_key_kind(decl)], type(None))))
        for decl in declarations
    )


def _key_kind(decl: ast.AttributeDecl) -> str:
    type_ = decl.type
    return type_.kind if isinstance(type_, ast.SimpleType) else "text"


def mapping_reader(
    declarations: Sequence[ast.AttributeDecl],
    coercers: Sequence[Callable[[Any], Any]],
    label: str,
) -> MappingReader:
    """A function reading and typing these attributes from a mapping (see `MappingReader`).

    The values given for unusable facts are kept, so an explanation can later say what was
    wrong with them even if the caller's object has changed since.
    """
    namespace: dict[str, Any] = {"UNKNOWN": UNKNOWN}
    lines = ["def read(source):", "    get = source.get", "    bad = None"]
    for index, (decl, coerce) in enumerate(zip(declarations, coercers, strict=False)):
        keys = attribute_keys(decl.name.text)
        namespace[f"c{index}"] = coerce
        lines.append(f"    v = get({keys[0]!r})")
        for key in keys[1:]:
            lines.append("    if v is None:")
            lines.append(f"        v = get({key!r})")
        type_ = decl.type
        if isinstance(type_, ast.SimpleType) and type_.kind == "text":
            lines.append(f"    a{index} = v if type(v) is str else c{index}(v)")
        elif isinstance(type_, ast.SimpleType) and type_.kind == "number":
            lines.append(f"    a{index} = v if type(v) is int else c{index}(v)")
        elif isinstance(type_, ast.SimpleType) and type_.kind == "bool":
            lines.append(f"    a{index} = v if v is True or v is False else UNKNOWN")
        else:
            lines.append(f"    a{index} = c{index}(v)")
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
    given, as one tuple; or None when a value is of a type whose equal
    values may be typed differently (a float, a bool for a number, a subclass of str).

    Equal keys mean equal typed facts and equal values given for unusable ones, so what a key's
    facts mean for the policy can be remembered and shared, and the typing skipped.
    """
    lines = ["def key(employee, shift):"]
    names: list[str] = []
    tests: list[str] = []
    for owner, declarations in (("employee", employee_declarations), ("shift", shift_declarations)):
        if declarations:
            lines.append(f"    get = {owner}.get")
        for decl in declarations:
            name = f"a{len(names)}"
            names.append(name)
            keys = attribute_keys(decl.name.text)
            lines.append(f"    {name} = get({keys[0]!r})")
            for key in keys[1:]:
                lines.append(f"    if {name} is None:")
                lines.append(f"        {name} = get({key!r})")
            kinds = _KEY_TYPES[_key_kind(decl)]
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
    namespace = {kind.__name__: kind for kinds in _KEY_TYPES.values() for kind in kinds}
    reader: KeyReader = _define(lines, namespace, "fact keys")["key"]
    return reader


def _define(lines: list[str], namespace: dict[str, Any], label: str) -> dict[str, Any]:
    """Run generated source (no policy text in it but `repr`s of checked names)."""
    code = compile("\n".join(lines) + "\n", f"<flexrules {label}>", "exec")
    exec(code, namespace)
    return namespace
