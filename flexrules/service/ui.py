"""`/ui/`: the service's pages for people. The policy as a page, a form that decides one shift
(answered by the same code as `/v1/decide`, logged and counted the same way), and a roster
upload answered with the roster's page. Behind the same bearer token as the API (the
middleware guards every path but `/health`); no page changes the policy.

Forms are read here; deciding and checking are the library's and `answers`'; the HTML is
`flexrules.pages`'."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from .. import files
from ..core.errors import Error
from ..core.messages import LANGUAGES, say
from ..files.by_version import Typing
from ..files.cells import BadCell, type_value
from ..pages import decide_page, roster_page, roster_upload_page, ui_policy_page
from ..pages.ui_view import field_name
from ..policy import Policy
from ..versions import PolicySet, reading_policy
from . import answers
from .bodies import DecideBody, _too_large, language_of
from .decisionlog import DecisionLog, Masker
from .errors import ServiceError
from .holder import PolicyHolder, now
from .metrics import Metrics


class Serving(Protocol):
    """What the pages use of the app's `Service` (a protocol: `app` imports this module)."""

    holder: PolicyHolder
    masker: Masker
    log: DecisionLog
    metrics: Metrics
    settings: Any


#: what a page may load: nothing from anywhere; the forms post to this service only
HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def _page(html: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def _language(value: Any) -> str | None:
    return value if value in LANGUAGES else None


class FormProblem(Exception):
    """A form field that cannot be read; the message names it."""


def request_of(
    policy: Policy | PolicySet, form: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The employee and the shift a decide form describes. Each attribute's text is read as a
    file's cell is (`files.cells.type_value`: `9` is 9, `yes` is yes); an empty field is not
    known."""
    employee: dict[str, Any] = {}
    shift: dict[str, Any] = {}
    for key in ("id", "name"):
        text = str(form.get(key) or "").strip()
        if text:
            employee[key] = text
    for key in ("start", "end", "location"):
        shift[key] = str(form.get(key) or "").strip()
    typing = Typing(policy)  # a set's: the version in force on the shift's first day
    try:
        day: dt.date | None = dt.date.fromisoformat(shift["start"][:10])
    except ValueError:
        day = None
    for attribute in [
        *typing.attributes_on("employee", day).values(),
        *typing.attributes_on("shift", day).values(),
    ]:
        text = str(form.get(field_name(attribute)) or "")
        try:
            value = type_value(text, attribute)
        except BadCell as exc:
            raise FormProblem(f"{attribute.name}: {exc}") from None
        if value is not None:
            (employee if attribute.owner == "employee" else shift)[attribute.name] = value
    return employee, shift


class UI:
    """The `/ui/` endpoints of one service."""

    def __init__(self, service: Serving) -> None:
        self.service = service

    @property
    def policy(self) -> Policy | PolicySet:
        return self.service.holder.current.policy

    async def root(self, request: Request) -> Response:
        return RedirectResponse("/ui/", status_code=308)

    async def policy_page(self, request: Request) -> Response:
        language = language_of(request.query_params, None)
        policy = self.policy
        return _page(
            await run_in_threadpool(ui_policy_page, reading_policy(policy), language=language)
        )

    async def decide_form(self, request: Request) -> Response:
        language = language_of(request.query_params, None)
        return _page(decide_page(reading_policy(self.policy), language=language))

    async def decide(self, request: Request) -> Response:
        """The form decided as `/v1/decide?explain=true&why_not=true` decides it: the same
        answer, logged and counted; the page shows its explanation and, for a denied shift,
        what would be allowed instead, as `flexrules decide --why-not` prints them."""
        self._check_size(request)
        async with request.form(max_files=0, max_fields=1000) as form:
            values = {key: str(value) for key, value in form.items() if isinstance(value, str)}
        language = _language(values.get("lang"))
        policy = self.policy
        try:
            pair = request_of(policy, values)
            body = DecideBody([pair], batch=False)
            options = answers.DecideOptions(
                explain=True, pieces=False, language=language, why_not=True
            )
            answer = answers.decide(policy, body, options, self.service.masker, _now())
        except (FormProblem, ServiceError) as exc:
            message = exc.message if isinstance(exc, ServiceError) else str(exc)
            page = decide_page(
                reading_policy(policy), language=language, values=values, problem=message
            )
            return _page(page, 422)
        try:
            self.service.log.write(answer.lines)
        except OSError as exc:  # fail closed, as /v1/decide does: no answer that is not logged
            message = say("service.log_failed", language or "en", problem=exc.strerror or str(exc))
            return _page(
                decide_page(
                    reading_policy(policy), language=language, values=values, problem=message
                ),
                503,
            )
        self.service.metrics.counted(answer.allowed, answer.denied)
        document = answer.document
        page = decide_page(
            reading_policy(policy),
            language=language,
            values=values,
            explanation=document["explanation"],
            allowed=bool(document["allowed"]),
        )
        return _page(page)

    async def roster_form(self, request: Request) -> Response:
        language = language_of(request.query_params, None)
        return _page(roster_upload_page(reading_policy(self.policy), language=language))

    async def roster(self, request: Request) -> Response:
        """The uploaded files read as `flexrules roster` reads them, the roster checked, and
        its page returned; a problem with the files is shown on the form."""
        self._check_size(request)
        limit = self.service.settings.max_body_size
        language: str | None = None
        policy = self.policy
        try:
            async with request.form(max_files=3, max_fields=10, max_part_size=limit) as form:
                language = _language(form.get("lang"))
                html = await self._checked(form, policy, language, limit)
        except (FormProblem, Error, ValueError, MultiPartException) as exc:
            page = roster_upload_page(reading_policy(policy), language=language, problem=str(exc))
            return _page(page, 422)
        return _page(html)

    async def _checked(
        self, form: Any, policy: Policy | PolicySet, language: str | None, limit: int
    ) -> str:
        """The uploaded files saved where the file readers read them, then checked."""
        with tempfile.TemporaryDirectory(prefix="flexrules-ui-") as folder:
            paths = {}
            for name in ("employees", "shifts", "absences"):
                upload = form.get(name)
                if isinstance(upload, UploadFile) and upload.filename:
                    paths[name] = await _saved(upload, Path(folder), name)
            if "employees" not in paths or "shifts" not in paths:
                raise FormProblem(self._missing(language))
            period = _period(form.get("first"), form.get("last"))
            return await run_in_threadpool(_roster_html, policy, paths, period, language, limit)

    def _missing(self, language: str | None) -> str:
        return say("page.ui.files_missing", language or "en")

    def _check_size(self, request: Request) -> None:
        """A form bigger than the service's body limit is refused (413) before it is read."""
        length = request.headers.get("content-length")
        limit = self.service.settings.max_body_size
        if length is not None and length.isdigit() and int(length) > limit:
            _too_large(limit, "en")


async def _saved(upload: UploadFile, folder: Path, name: str) -> Path:
    """An uploaded file written to `folder`, keeping its kind (`.json`, else `.csv`)."""
    suffix = ".json" if (upload.filename or "").lower().endswith(".json") else ".csv"
    path = folder / (name + suffix)
    path.write_bytes(await upload.read())
    return path


def _period(first: Any, last: Any) -> tuple[str, str] | None:
    first, last = str(first or "").strip(), str(last or "").strip()
    if not first and not last:
        return None
    if not first or not last:
        raise FormProblem("a period needs its first and its last day")
    dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return first, last


def _roster_html(
    policy: Policy | PolicySet,
    paths: Mapping[str, Path],
    period: tuple[str, str] | None,
    language: str | None,
    limit: int,
) -> str:
    with files.size_limit(limit):
        roster = files.read_roster(
            paths["employees"], paths["shifts"], policy, paths.get("absences")
        )
    report = policy.check_roster(roster.schedules(), period)
    return roster_page(report, language=language, calendar=policy.calendar)


def _now() -> dt.datetime:
    return now()
