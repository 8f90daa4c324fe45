"""JSON answers: compact, UTF-8, never NaN; errors in their one shape."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from .errors import ServiceError


class JSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(
            content, ensure_ascii=False, allow_nan=False, separators=(",", ":")
        ).encode("utf-8")


def error_response(error: ServiceError, headers: Mapping[str, str] | None = None) -> JSON:
    return JSON(error.body(), status_code=error.status, headers=headers)
