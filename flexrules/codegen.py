"""Generated Python for the hottest step: reading and typing an employee's or shift's facts.

One small function per policy reads every declared attribute from a mapping and types it, with
no loop and no closure call for the common types. Policy text never reaches the generated source
as code: attribute keys go in through `repr` of checked names, and everything else the code
calls is passed in its namespace.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from . import ast
from .facts import UNKNOWN, attribute_keys

#: read(mapping) -> (typed values, {index: value as given} for the unusable ones, or None)
MappingReader = Callable[[Any], tuple[list[Any], dict[int, Any] | None]]


def mapping_reader(
    declarations: Sequence[ast.AttributeDecl], coercers: Sequence[Callable[[Any], Any]],
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
    values = ", ".join(f"a{i}" for i in range(len(declarations)))
    lines.append(f"    return [{values}], bad")
    source = "\n".join(lines) + "\n"
    code = compile(source, f"<flexrules facts of {label}>", "exec")
    exec(code, namespace)
    reader: MappingReader = namespace["read"]
    return reader
