"""The policy as a page: what `templates/policy.html` shows, read from a compiled `Policy`
(its rules, groups, hours, dates and facts, its calendar) or, for a policy that does not
compile, from its diagnostics.

Hours are drawn as the policy decides them: each weekday's spans are `Policy.hours_on` for a
real week of the year shown, the first one with no holiday of any kind, so a week grid is a
week the engine would see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from .. import __version__
from ..clock.calendar import (
    DAY,
    HOLIDAY,
    JOINT_HOLIDAY,
    PUBLIC_HOLIDAY,
    holiday_name,
    joint_holidays,
    national_holidays,
)
from ..core.diagnostics import Diagnostic
from ..core.messages import CATALOG, Clock, Text, Zone, check_language, say, shown
from ..policy import Policy
from .render import render

HOUR = 3600
#: the week grid's scale: pixels per hour, and the room for the weekday names
PX, LEFT, ROW = 20, 90, 18


def _kind_text(kind: str) -> str | Text:
    """A rule's kind in the catalog's words (`kind.day_maximum`), or as it is."""
    key = "kind." + kind.replace(" ", "_")
    return Text(key) if key in CATALOG else kind


class PolicyPage:
    """Everything the policy template shows, in one language."""

    def __init__(self, policy: Policy, language: str, today: dt.date) -> None:
        self.policy = policy
        self.language = language
        self.today = today

    def say(self, key: str, /, **values: Any) -> str:
        return say(key, self.language, **values)

    def rules(self) -> list[dict[str, Any]]:
        """The rules grouped by kind, kinds in the order they first appear."""
        kinds: dict[str, list[Any]] = {}
        for rule in self.policy.rules:
            kinds.setdefault(rule.kind, []).append(rule)
        return [
            {
                "kind": kind,
                "anchor": "kind-" + kind.replace(" ", "-"),
                "head": _capital(
                    self.say("page.policy.kind_head", kind=shown(_kind_text(kind), self.language))
                ),
                "rules": [
                    {
                        "id": rule.id,
                        "title": rule.title,
                        "citation": rule.citation,
                        "text": rule.text,
                        "source": str(rule.source),
                        "overrides": self.say(
                            "page.policy.overrides", rules=", ".join(rule.overrides)
                        )
                        if rule.overrides
                        else "",
                    }
                    for rule in found
                ],
            }
            for kind, found in kinds.items()
        ]

    def typical_week(self) -> dt.date:
        """The Monday of the first week from today with no holiday of any kind (within half a
        year; else this week)."""
        monday = self.today - dt.timedelta(days=self.today.weekday())
        calendar = self.policy.calendar
        any_holiday = HOLIDAY | PUBLIC_HOLIDAY | JOINT_HOLIDAY
        for week in range(26):
            first = monday + dt.timedelta(weeks=week)
            days = range(first.toordinal(), first.toordinal() + 7)
            if not any(calendar.bits(day) & any_holiday for day in days):
                return first
        return monday

    def hours(self) -> list[dict[str, Any]]:
        """Each hours pattern's week: per weekday its spans in words, and as bars."""
        monday = self.typical_week()
        found = []
        for info in self.policy.hours:
            days = []
            bars = []
            for index in range(7):
                day = monday + dt.timedelta(days=index)
                spans = self.policy.hours_on(info.name, day)
                words = [
                    shown(
                        Text("clock.span", start=Clock(s), end=Clock(e % DAY or DAY)), self.language
                    )
                    for s, e in spans
                ]
                days.append((shown(day, self.language).split()[0], ", ".join(words)))
                for start, end in spans:
                    bars.extend(_bars(index, start, end))
            found.append(
                {
                    "name": info.name,
                    "text": info.text,
                    "source": str(info.source),
                    "except_holidays": info.except_holidays,
                    "caption": self.say(
                        "page.policy.week_of", name=info.name, monday=shown(monday, self.language)
                    ),
                    "days": days,
                    "bars": bars,
                    "labels": [(ROW * i + 13, name) for i, (name, _) in enumerate(days)],
                    "ticks": [(LEFT + PX * h, f"{h:02d}") for h in range(0, 25, 3)],
                    "width": LEFT + PX * 24 + 10,
                    "height": ROW * 7 + 16,
                }
            )
        return found

    def holidays(self, year: int) -> list[dict[str, Any]]:
        """The year's holidays as the policy declares them (`Policy.holidays`: name, kind,
        source, estimated), and the national holidays and cuti bersama days it does not count,
        by name, marked so."""
        declared = {h.date: h for h in self.policy.holidays(*_year(year), self.language)}
        # a date the policy's `except` removes: not counted, its source where it is removed
        removed = {h.date: h for h in self.policy.removed_holidays(*_year(year), self.language)}
        others = (national_holidays(year) | joint_holidays(year)) - set(declared)
        rows = []
        for day in sorted(set(declared) | others):
            info = declared.get(day)
            kind = info.kind if info is not None else _national_kind(day)
            name = info.name if info is not None else holiday_name(day, self.language) or ""
            rows.append(
                {
                    "day": shown(day, self.language),
                    "iso": day.isoformat(),
                    "name": name,
                    "kind": self.say(_HOLIDAY_KINDS[kind]),
                    "counts": self.say("page.policy.yes" if info else "page.policy.no"),
                    "counted": info is not None,
                    "estimated": bool(info and info.estimated),
                    "source": where.source if (where := info or removed.get(day)) else "",
                }
            )
        return rows

    def context(self, year: int) -> dict[str, Any]:
        policy = self.policy
        about = [
            (self.say("page.policy.timezone"), shown(Zone(policy.timezone), self.language)),
            (
                self.say("page.policy.default"),
                self.say("default.allow" if policy.default == "allow" else "default.deny"),
            ),
            (self.say("page.policy.files"), ", ".join(policy.files)),
            (self.say("page.policy.fingerprint"), policy.fingerprint),
            (self.say("page.policy.holidays_version"), policy.holidays_version),
        ]
        return {
            **_common(self.language, policy.name, policy.fingerprint),
            "version": self.say("page.version", version=policy.version) if policy.version else "",
            "about": about,
            "kinds": self.rules(),
            "groups": [
                {"name": g.name, "text": g.text, "source": str(g.source)} for g in policy.groups
            ],
            "hours": self.hours(),
            "dates": [
                {
                    "name": d.name,
                    "ranges": ", ".join(a if a == b else f"{a} – {b}" for a, b in d.ranges),
                    "source": str(d.source),
                }
                for d in policy.dates
            ],
            "attributes": [
                {
                    "name": a.name,
                    "owner": a.owner,
                    "type": a.type + (": " + ", ".join(a.values) if a.values else ""),
                    "source": str(a.source),
                }
                for a in policy.attributes
            ],
            "year": year,
            "holidays_head": self.say("page.policy.holidays", year=str(year)),
            "holidays": self.holidays(year),
            "diagnostics": _diagnostics(policy.diagnostics),
            "errors": False,
        }


#: each kind of holiday (`HolidayInfo.kind`) in the page's words
_HOLIDAY_KINDS = {
    "public": "page.policy.public",
    "joint": "page.policy.joint",
    "agency": "page.policy.agency",
}


def _year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _national_kind(day: dt.date) -> str:
    return "public" if day in national_holidays(day.year) else "joint"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _bars(weekday: int, start: int, end: int) -> list[dict[str, int]]:
    """A span as bars of the week grid, one per day it touches (one past midnight goes on in
    the next day's row)."""
    bars = []
    while start < end:
        stop = min(end, DAY)
        bars.append(
            {
                "x": LEFT + start * PX // HOUR,
                "y": ROW * (weekday % 7) + 3,
                "width": max(1, (stop - start) * PX // HOUR),
            }
        )
        start, end, weekday = 0, end - DAY, weekday + 1
    return bars


def _diagnostics(found: Sequence[Diagnostic]) -> list[dict[str, Any]]:
    return [
        {
            "code": d.code,
            "severity": d.severity.value,
            "message": d.message,
            "where": f"{d.file}:{d.line}" if d.file and d.line else (d.file or ""),
            "hint": d.hint or "",
        }
        for d in found
    ]


def _common(language: str, name: str, fingerprint: str) -> dict[str, Any]:
    words = {
        key.rsplit(".", 1)[-1]: say(key, language)
        for key in (
            "page.skip",
            "page.contents",
            "page.rule",
            "page.title",
            "page.citation",
            "page.text",
            "page.source",
            "page.none",
            "page.policy.about",
            "page.policy.rules",
            "page.policy.groups",
            "page.policy.group",
            "page.policy.definition",
            "page.policy.hours",
            "page.policy.except_holidays",
            "page.policy.no_hours",
            "page.policy.dates",
            "page.policy.attributes",
            "page.policy.attribute",
            "page.policy.owner",
            "page.policy.type",
            "page.policy.date",
            "page.policy.name",
            "page.policy.counts",
            "page.policy.estimated",
            "page.policy.diagnostics",
            "page.policy.no_diagnostics",
            "page.policy.errors",
            "page.kind",
        )
    }
    return {
        "lang": language,
        "title": say("page.policy.title", language, name=name),
        "words": words,
        "made_by": say("page.made_by", language, version=__version__, fingerprint=fingerprint[:19]),
    }


def policy_page(
    policy: Policy,
    *,
    language: str | None = None,
    year: int | None = None,
    today: dt.date | None = None,
    ui_nav: Sequence[Mapping[str, Any]] = (),
) -> str:
    """The policy as one self-contained HTML page, in `language` (`en`, `id`; None is the
    policy's): its rules by kind, groups, hours as week grids, date sets, facts, the holidays
    of `year` (by default this year) and its warnings."""
    chosen = check_language(language, policy.language)
    day = today or dt.date.today()
    page = PolicyPage(policy, chosen, day)
    return render("policy.html", **page.context(year or day.year), ui_nav=ui_nav)


def policy_errors_page(
    name: str, diagnostics: Sequence[Diagnostic], *, language: str | None = None
) -> str:
    """The page of a policy that does not compile: its name and every diagnostic."""
    chosen = check_language(language, "en")
    return render(
        "policy.html",
        **_common(chosen, name, ""),
        version="",
        errors=True,
        diagnostics=_diagnostics(diagnostics),
    )
