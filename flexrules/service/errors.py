"""The service's errors: each a status, a stable code and a catalog message, answered as
`{"error": {"code", "message", "field", "value"}}` and never as a traceback."""

from __future__ import annotations

import math
from typing import Any

from ..core.errors import InputError
from ..core.messages import say
from ..engine.facts import jsonable

#: every code an error body can carry, and its HTTP status (docs/service.md lists them)
CODES = {
    "input-error": 400,
    "unauthorized": 401,
    "not-found": 404,
    "method-not-allowed": 405,
    "too-large": 413,
    "bad-shape": 422,
    "internal-error": 500,
    "not-ready": 503,
}


class ServiceError(Exception):
    """A request the service refuses: its code (one of `CODES`), a message already in the
    asker's language, and the field and value at fault when there is one."""

    def __init__(self, code: str, message: str, field: str | None = None, value: Any = None):
        super().__init__(message)
        self.code = code
        self.status = CODES[code]
        self.message = message
        self.field = field
        self.value = value

    def body(self) -> dict[str, Any]:
        return {
            "error": {
                "code": self.code,
                "message": self.message,
                "field": self.field,
                "value": shown_value(self.value),
            }
        }


def shape_error(
    key: str, language: str, field: str | None, value: Any = None, /, **args: Any
) -> ServiceError:
    """A 422 `bad-shape` error from a catalog entry (`args` fill its placeholders)."""
    return ServiceError("bad-shape", say(key, language, **args), field, value)


def input_error(exc: InputError, prefix: str = "", language: str | None = None) -> ServiceError:
    """A library `InputError` as a 400, its field named within the request (`requests[2].start`),
    its message in `language` (`?lang=`; English when None, as every error body)."""
    field = f"{prefix}.{exc.field}" if prefix else exc.field
    return ServiceError("input-error", exc.problem_for(language or "en"), field, exc.value)


#: a value shown in an error body is cut to this many characters of JSON-ready text
VALUE_CHARACTERS = 200


def shown_value(value: Any) -> Any:
    """The value at fault as JSON can hold it: plain values as they are, anything bigger (a
    whole object, a long text) as a short text."""
    if value is None or isinstance(value, (bool, int, float)):
        plain = jsonable(value)
        return repr(plain) if isinstance(plain, float) and not math.isfinite(plain) else plain
    text = value if isinstance(value, str) else repr(jsonable_deep(value))
    return text if len(text) <= VALUE_CHARACTERS else text[: VALUE_CHARACTERS - 1] + "…"


def jsonable_deep(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): jsonable_deep(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable_deep(v) for v in value]
    return jsonable(value)
