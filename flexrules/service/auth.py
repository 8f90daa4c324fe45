"""Bearer-token access: with a token, every request but `/health` needs
`Authorization: Bearer <token>`, compared in constant time (`hmac.compare_digest`)."""

from __future__ import annotations

import hmac
from pathlib import Path

from starlette.types import ASGIApp, Receive, Scope, Send

from ..core.messages import say
from .errors import ServiceError
from .metrics import Metrics
from .responses import error_response

#: the one path that answers without a token, so a load balancer can probe liveness
OPEN_PATHS = frozenset({"/health"})


def read_token(path: str | Path) -> str:
    """The token in a file (its first line, spaces around it dropped); ValueError when empty."""
    text = Path(path).read_text(encoding="utf-8")
    token = text.strip().splitlines()[0].strip() if text.strip() else ""
    if not token:
        raise ValueError("empty")
    return token


class BearerAuth:
    """ASGI middleware: refuses with 401 `unauthorized` before the request reaches the app."""

    def __init__(self, app: ASGIApp, token: str, metrics: Metrics | None = None) -> None:
        self.app = app
        self.expected = b"Bearer " + token.encode("utf-8")
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        given = next((v for k, v in scope["headers"] if k == b"authorization"), b"")
        if hmac.compare_digest(given, self.expected):
            await self.app(scope, receive, send)
            return
        error = ServiceError("unauthorized", say("service.unauthorized", "en"))
        if self.metrics is not None:
            self.metrics.errors.labels(error.code).inc()
        response = error_response(error, headers={"WWW-Authenticate": 'Bearer realm="flexrules"'})
        await response(scope, receive, send)
