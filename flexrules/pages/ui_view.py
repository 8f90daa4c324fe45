"""The service's pages for people (`/ui/`): a form to decide one shift, a form to upload a
roster, and the links between them and the policy page. HTML only: the service reads the
forms, decides and checks with the library, and hands the outcome here to show."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.messages import LANGUAGES, check_language, say
from ..policy import AttributeInfo, Policy
from .policy_view import policy_page
from .render import render

#: where each page of the service's UI is, as its links name them
PATHS = {"policy": "/ui/", "decide": "/ui/decide", "roster": "/ui/roster"}
LOCATIONS = ("office", "home", "anywhere")


def field_name(attribute: AttributeInfo) -> str:
    """A form field's name for an attribute: `employee.performance`, `shift.approved`."""
    return f"{attribute.owner}.{attribute.name}"


def _nav(language: str, here: str) -> list[dict[str, Any]]:
    keys = {"policy": "page.ui.policy", "decide": "page.ui.decide", "roster": "page.ui.roster"}
    return [
        {
            "href": f"{PATHS[name]}?lang={language}",
            "label": say(key, language),
            "here": here == name,
        }
        for name, key in keys.items()
    ]


def _input(attribute: AttributeInfo, value: str, language: str) -> dict[str, Any]:
    """How an attribute is asked for: a choice for `one of`, ranked and yes-or-no values, a
    number, a date or a text box otherwise."""
    choices: list[tuple[str, str]] = []
    kind = "text"
    if attribute.values:
        kind, choices = "select", [(v, v) for v in attribute.values]
    elif attribute.type == "yes or no":
        kind = "select"
        choices = [
            ("yes", say("page.policy.yes", language)),
            ("no", say("page.policy.no", language)),
        ]
    elif attribute.type == "number":
        kind = "number"
    elif attribute.type == "date":
        kind = "date"
    return {
        "name": field_name(attribute),
        "label": attribute.name,
        "type": attribute.type,
        "kind": kind,
        "choices": choices,
        "value": value,
    }


def _common(policy: Policy, language: str, here: str, title: str) -> dict[str, Any]:
    return {
        "lang": language,
        "title": title,
        "ui_nav": _nav(language, here),
        "languages": LANGUAGES,
        "made_by": say(
            "page.ui.serving", language, name=policy.name, fingerprint=policy.fingerprint[:19]
        ),
        "words": {
            "skip": say("page.skip", language),
            "contents": say("page.contents", language),
            "employee": say("page.employee", language),
            "shift": say("page.ui.shift", language),
            "id": say("page.ui.id", language),
            "name": say("page.policy.name", language),
            "start": say("page.ui.start", language),
            "end": say("page.ui.end", language),
            "location": say("page.ui.location", language),
            "unknown": say("page.ui.unknown", language),
            "language": say("page.ui.language", language),
            "submit_decide": say("page.ui.submit_decide", language),
            "submit_roster": say("page.ui.submit_roster", language),
            "employees": say("page.ui.employees_file", language),
            "shifts": say("page.ui.shifts_file", language),
            "absences": say("page.ui.absences_file", language),
            "period": say("page.ui.period", language),
            "files_note": say("page.ui.files_note", language),
            "problem": say("page.ui.problem", language),
        },
    }


def decide_page(
    policy: Policy,
    *,
    language: str | None = None,
    values: Mapping[str, str] | None = None,
    explanation: str | None = None,
    allowed: bool | None = None,
    problem: str | None = None,
) -> str:
    """The form to decide one shift, filled with `values` (form field to text), and, after a
    decision, its explanation as `flexrules decide` prints it (or the problem with the
    input)."""
    chosen = check_language(language, policy.language)
    given = values or {}
    employee = [a for a in policy.attributes if a.owner == "employee"]
    shift = [a for a in policy.attributes if a.owner == "shift"]
    context = _common(
        policy, chosen, "decide", say("page.ui.decide_title", chosen, name=policy.name)
    )
    context.update(
        {
            "employee_fields": [_input(a, given.get(field_name(a), ""), chosen) for a in employee],
            "shift_fields": [_input(a, given.get(field_name(a), ""), chosen) for a in shift],
            "given": {
                key: given.get(key, "") for key in ("id", "name", "start", "end", "location")
            },
            "locations": [
                ("office", say("page.where.office", chosen)),
                ("home", say("page.where.home", chosen)),
                ("anywhere", say("page.where.anywhere", chosen)),
            ],
            "explanation": explanation,
            "allowed": allowed,
            "outcome": None
            if allowed is None
            else say("page.ui.allowed" if allowed else "page.ui.denied", chosen),
            "problem": problem,
        }
    )
    return render("ui_decide.html", **context)


def roster_upload_page(
    policy: Policy, *, language: str | None = None, problem: str | None = None
) -> str:
    """The form to upload a roster (employees, shifts, leave as CSV or JSON, and a period);
    the service answers it with the roster's page."""
    chosen = check_language(language, policy.language)
    context = _common(
        policy, chosen, "roster", say("page.ui.roster_title", chosen, name=policy.name)
    )
    context["problem"] = problem
    return render("ui_roster.html", **context)


def ui_policy_page(policy: Policy, *, language: str | None = None) -> str:
    """The policy page with the service's links at its top."""
    chosen = check_language(language, policy.language)
    return policy_page(policy, language=chosen, ui_nav=_nav(chosen, "policy"))
