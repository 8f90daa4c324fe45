"""The ASGI application: `create_app(policy_path, ...)`, on Starlette.

Each endpoint reads its query and body (`bodies`), takes the policy serving now once
(`holder`), makes its answer (`answers`), writes the decision log's lines, counts what it did
(`metrics`) and answers JSON; every refusal is an error body (`errors`), never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..core.diagnostics import render_text
from ..core.messages import Count, say
from ..pages import available as pages_available
from ..versions import PolicySet
from . import answers
from .auth import BearerAuth, read_token
from .bodies import (
    DEFAULT_MAX_BATCH,
    DEFAULT_MAX_BODY,
    check_body,
    decide_body,
    flag,
    language_of,
    read_json,
    roster_body,
)
from .decisionlog import DecisionLog, Masker, policy_line, reload_failed_line, timestamp
from .errors import ServiceError
from .holder import PolicyHolder, Watcher, now
from .metrics import CONTENT_TYPE, Metrics
from .openapi import openapi_document
from .responses import JSON, error_response
from .ui import UI

LOGGER = logging.getLogger("flexrules.service")
#: a batch up to this many requests is decided in the event loop; bigger ones in a thread
INLINE_BATCH = 16
#: ... and holding at most this many keys in all (each undeclared key costs a look-up)
INLINE_KEYS = 500

Handler = Callable[[Request], Awaitable[Response]]


@attrs.frozen
class Settings:
    """How a service runs; `create_app`'s arguments, `flexrules serve`'s options."""

    policy_path: Path | tuple[Path, ...]
    watch: bool = False
    log: str | None = None
    token: str | None = None
    mask: tuple[str, ...] = ()
    id_key: bytes | None = None
    max_body_size: int = DEFAULT_MAX_BODY
    max_batch: int = DEFAULT_MAX_BATCH
    cors_origins: tuple[str, ...] = ()
    cache_size: int | None = None
    reopen_log_on_sighup: bool = False


class Service:
    """The state one application keeps: the policy, the log, the counters."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.holder = PolicyHolder(settings.policy_path, cache_size=settings.cache_size)
        self.log = DecisionLog(settings.log)
        self.masker = Masker(settings.mask, settings.id_key)
        self.metrics = Metrics()
        self.metrics.serving(self.holder.current.policy)
        self.watcher: Watcher | None = None
        self.holder.listen(self._reloaded)

    # ---- lifetime ----------------------------------------------------------------------

    def start(self) -> None:
        self.log.open()
        self._note([policy_line(self.holder.current.policy, now(), "opened")])
        if self.settings.watch:
            self.watcher = Watcher(self.holder)
            self.watcher.start()
        if self.settings.reopen_log_on_sighup and self.settings.log not in (None, "-"):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.reopen_log)

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
        self.log.close()

    def reopen_log(self) -> None:
        try:
            self.log.reopen([policy_line(self.holder.current.policy, now(), "reopened")])
        except OSError as exc:  # kept as the log's problem, which /ready shows
            LOGGER.error(say("service.log_failed", "en", problem=exc.strerror or str(exc)))

    def _note(self, lines: list[dict[str, Any]]) -> None:
        """Lines about the policy: a failure to write them is the log's problem (/ready says
        so, and decisions are refused until it is fixed), not the reload's or the start's."""
        try:
            self.log.write(lines)
        except OSError as exc:
            LOGGER.error(say("service.log_failed", "en", problem=exc.strerror or str(exc)))

    def _reloaded(self, holder: PolicyHolder, ok: bool) -> None:
        policy = holder.current.policy
        if ok:
            self.metrics.reloads.inc()
            self.metrics.serving(policy)
            self._note([policy_line(policy, now(), "reloaded")])
            LOGGER.info(
                say("serve.reloaded", "en", name=policy.name, fingerprint=policy.fingerprint)
            )
            return
        self.metrics.failed_reloads.inc()
        problem = holder.problem
        assert problem is not None
        diagnostics = [d.to_dict() for d in problem.diagnostics]
        self._note(
            [reload_failed_line(policy.fingerprint, problem.at, diagnostics, problem.reason)]
        )
        errors = Count(problem.errors, "noun.error") if problem.reason is None else problem.reason
        message = say("serve.reload_failed", "en", errors=errors, fingerprint=policy.fingerprint)
        LOGGER.warning("%s\n%s", message, render_text(problem.diagnostics))

    # ---- endpoints ---------------------------------------------------------------------

    async def decide(self, request: Request) -> Response:
        query = request.query_params
        language = language_of(query, None)
        said = language or "en"
        options = answers.DecideOptions(
            explain=flag(query, "explain", said),
            pieces=flag(query, "pieces", said, default=True),
            language=language,
            why_not=flag(query, "why_not", said),
        )
        document = await self._body(request, said)
        body = decide_body(document, said, self.settings.max_batch)
        policy = self.holder.current.policy  # one policy for the whole request
        args = (policy, body, options, self.masker, now())
        keys = sum(len(employee) + len(shift) for employee, shift in body.pairs)
        if len(body.pairs) <= INLINE_BATCH and keys <= INLINE_KEYS:
            answer = _library(answers.decide, *args)
        else:
            answer = await run_in_threadpool(_library, answers.decide, *args)
        return self._answered(answer)

    async def check(self, request: Request) -> Response:
        options, said = self._report_options(request)
        body = check_body(await self._body(request, said), said)
        policy = self.holder.current.policy
        args = (policy, body, options, self.masker, now())
        return self._answered(await run_in_threadpool(_library, answers.check, *args))

    async def roster(self, request: Request) -> Response:
        options, said = self._report_options(request)
        body = roster_body(await self._body(request, said), said)
        policy = self.holder.current.policy
        args = (policy, body, options, self.masker, now())
        return self._answered(await run_in_threadpool(_library, answers.roster, *args))

    async def policy(self, request: Request) -> Response:
        return JSON(answers.policy_document(self.holder.current.policy))

    async def health(self, request: Request) -> Response:
        return JSON({"status": "ok"})

    async def ready(self, request: Request) -> Response:
        said = language_of(request.query_params, None) or "en"
        loaded, problem = self.holder.current, self.holder.problem
        policy = loaded.policy
        version = say("service.version", said, version=policy.version) if policy.version else ""
        found: dict[str, Any] = {
            "ready": True,
            "policy": {
                "name": policy.name,
                "version": policy.version,
                "fingerprint": policy.fingerprint,
            },
            "loaded_at": timestamp(loaded.at),
            "message": say(
                "service.ready",
                said,
                name=policy.name,
                version=version,
                fingerprint=policy.fingerprint,
            ),
            "stale": problem is not None,
            "reload_error": None,
            "log_error": None,
        }
        if isinstance(policy, PolicySet):  # a set of versions: each, with its days
            found["policy"]["versions"] = [m.metadata() for m in policy.members]
        if self.log.problem is not None:
            found["ready"] = False
            found["log_error"] = say("service.log_failed", said, problem=self.log.problem)
        if problem is not None:
            if problem.reason is None:
                errors = Count(problem.errors, "noun.error")
                message = say(
                    "service.stale",
                    said,
                    time=timestamp(problem.at),
                    errors=errors,
                    loaded=timestamp(loaded.at),
                )
            else:
                message = say(
                    "service.unreadable",
                    said,
                    time=timestamp(problem.at),
                    problem=problem.reason,
                    loaded=timestamp(loaded.at),
                )
            found["reload_error"] = {
                "time": timestamp(problem.at),
                "message": message,
                "diagnostics": [d.to_dict() for d in problem.diagnostics],
            }
        return JSON(found, status_code=200 if found["ready"] else 503)

    async def metrics_text(self, request: Request) -> Response:
        return Response(self.metrics.text(), media_type=CONTENT_TYPE)

    async def openapi(self, request: Request) -> Response:
        return JSON(openapi_document(self.settings.token is not None, self.settings.max_body_size))

    # ---- shared steps ------------------------------------------------------------------

    async def _body(self, request: Request, language: str) -> Any:
        length = request.headers.get("content-length")
        return await read_json(request.stream(), length, self.settings.max_body_size, language)

    def _report_options(self, request: Request) -> tuple[answers.ReportOptions, str]:
        query = request.query_params
        language = language_of(query, None)
        said = language or "en"
        options = answers.ReportOptions(
            pieces=flag(query, "pieces", said),
            violations_only=flag(query, "violations_only", said),
            summary=flag(query, "summary", said),
            language=language,
        )
        return options, said

    def _answered(self, answer: answers.Answer) -> Response:
        """The log's lines written before the answer goes out; a decision that cannot be
        logged is not answered (503 `not-ready`)."""
        try:
            self.log.write(answer.lines)
        except OSError as exc:
            message = say("service.log_failed", "en", problem=exc.strerror or str(exc))
            raise ServiceError("not-ready", message) from None
        self.metrics.counted(answer.allowed, answer.denied)
        return JSON(answer.document)

    def endpoint(self, name: str, handler: Handler) -> Handler:
        """A handler timed, and its refusals turned into error bodies."""
        latency = self.metrics.latency.labels(name)

        async def run(request: Request) -> Response:
            started = time.perf_counter()
            try:
                return await handler(request)
            except ServiceError as error:
                self.metrics.errors.labels(error.code).inc()
                return error_response(error)
            finally:
                latency.observe(time.perf_counter() - started)

        return run


def _library(make: Callable[..., answers.Answer], *args: Any) -> answers.Answer:
    """`make(*args)`, with a TypeError or ValueError from the library (a value of a kind the
    envelope cannot see, such as a period of two numbers) as a 422."""
    try:
        return make(*args)
    except ServiceError:
        raise
    except (TypeError, ValueError) as exc:
        raise answers.library_error(exc) from None


def ui_routes(service: Service, route: Callable[[str, str, Handler, str], Route]) -> list[Route]:
    """`/ui/`: the policy page, a decide form and a roster upload (docs/reports.md); none when
    Jinja2 (the `pages` extra) is not installed."""
    if not pages_available():
        return []
    ui = UI(service)
    return [
        route("/ui", "ui", ui.root, "GET"),
        route("/ui/", "ui-policy", ui.policy_page, "GET"),
        route("/ui/decide", "ui-decide-form", ui.decide_form, "GET"),
        route("/ui/decide", "ui-decide", ui.decide, "POST"),
        route("/ui/roster", "ui-roster-form", ui.roster_form, "GET"),
        route("/ui/roster", "ui-roster", ui.roster, "POST"),
    ]


def create_app(
    policy_path: str | Path | Sequence[str | Path],
    *,
    watch: bool = False,
    log: str | None = None,
    token: str | None = None,
    token_file: str | Path | None = None,
    mask: Iterable[str] = (),
    id_key: bytes | None = None,
    max_body_size: int = DEFAULT_MAX_BODY,
    max_batch: int = DEFAULT_MAX_BATCH,
    cors_origins: Iterable[str] = (),
    cache_size: int | None = None,
    reopen_log_on_sighup: bool = False,
) -> Starlette:
    """The decision service for the policy at `policy_path` (a `.rules` file or a folder), as
    an ASGI application for any ASGI server. Raises `PolicyError` when the policy has errors.
    Several paths, or a folder of versions, serve a set of versions (`flexrules.PolicySet`,
    docs/versions.md), reloaded and swapped whole.

    `watch` reloads the policy when its files change; `log` is a JSON-lines decision log (a
    path, or `-` for standard output); `token` (or the first line of `token_file`) is the
    bearer token every request but `/health` must carry; `mask` names attributes the log
    leaves out, and `id_key` makes the log keep an HMAC-SHA256 of each employee id (and of
    the masked attributes) instead; `cors_origins` allows browsers on those origins (none by
    default). docs/service.md describes each.
    """
    if token_file is not None:
        token = read_token(token_file)
    paths = (
        Path(policy_path)
        if isinstance(policy_path, (str, Path))
        else tuple(Path(p) for p in policy_path)
    )
    settings = Settings(
        paths,
        watch=watch,
        log=log,
        token=token,
        mask=tuple(mask),
        id_key=id_key,
        max_body_size=max_body_size,
        max_batch=max_batch,
        cors_origins=tuple(cors_origins),
        cache_size=cache_size,
        reopen_log_on_sighup=reopen_log_on_sighup,
    )
    service = Service(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        service.start()
        try:
            yield
        finally:
            service.stop()

    def route(path: str, name: str, handler: Handler, method: str) -> Route:
        return Route(path, service.endpoint(name, handler), methods=[method], name=name)

    routes = [
        route("/v1/decide", "decide", service.decide, "POST"),
        route("/v1/check", "check", service.check, "POST"),
        route("/v1/roster", "roster", service.roster, "POST"),
        route("/v1/policy", "policy", service.policy, "GET"),
        route("/health", "health", service.health, "GET"),
        route("/ready", "ready", service.ready, "GET"),
        route("/metrics", "metrics", service.metrics_text, "GET"),
        route("/openapi.json", "openapi", service.openapi, "GET"),
        *ui_routes(service, route),
    ]
    middleware = []
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
            )
        )
    if settings.token is not None:
        middleware.append(Middleware(BearerAuth, token=settings.token, metrics=service.metrics))
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: _http_error, Exception: _internal_error},
        lifespan=lifespan,
    )
    app.state.service = service
    return app


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own refusals (no such path, a method the path does not take) in our shape."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    path = request.url.path
    if status == 405:
        message = say("service.method", "en", path=path, method=request.method)
        return error_response(ServiceError("method-not-allowed", message))
    if status == 404:
        return error_response(ServiceError("not-found", say("service.not_found", "en", path=path)))
    return await _internal_error(request, exc)


async def _internal_error(request: Request, exc: Exception) -> Response:
    """A bug: the server's log has the traceback; the answer says only that it happened."""
    return error_response(ServiceError("internal-error", say("service.internal", "en")))
