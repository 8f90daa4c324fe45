"""Employee attributes named like the keys the engine reads itself (DATA.md §2).

An employee mapping holds its declared attributes next to `id`, `name`, `timezone` and
`changes`, which flexrules reads itself; an attribute declared by one of these names could
never be given, so the policy is refused at load. The engine takes its list from here
(`engine.changes`), so the check and what deciding reads never disagree.
"""

from __future__ import annotations

import re

from ...core.diagnostics import Diagnostic, error
from ...core.messages import Text
from ..symbols import Symbols

#: keys the engine reads itself in an employee mapping, besides the declared attributes
ENGINE_EMPLOYEE_KEYS = ("id", "name", "timezone", "changes")


def check_engine_keys(symbols: Symbols) -> list[Diagnostic]:
    """An error for each employee attribute whose name is a key the engine reads itself."""
    found = []
    for attribute in symbols.employee_attributes.values():
        name = attribute.name
        if re.sub(r"[\s\-]+", "_", name.text.strip("`").casefold()) in ENGINE_EMPLOYEE_KEYS:
            found.append(
                error(
                    "engine-key",
                    Text("diag.engine_key", name=name.text.strip("`")),
                    name.span,
                    Text("diag.engine_key.hint"),
                )
            )
    return found
