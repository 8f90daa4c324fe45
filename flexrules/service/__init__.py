"""The decision service: flexrules over HTTP for systems that are not Python.

    app = create_app("policy.rules", log="decisions.jsonl", token_file="token")

An ASGI application (Starlette) to run under uvicorn (`flexrules serve`) or any ASGI server:
`/v1/decide`, `/v1/check`, `/v1/roster`, `/v1/policy`, `/health`, `/ready`, `/metrics`,
`/openapi.json`. It needs the `service` extra: `pip install 'flexrules[service]'`.
docs/service.md is its reader's page.
"""

from __future__ import annotations

from .app import Settings, create_app

__all__ = ["Settings", "create_app"]
