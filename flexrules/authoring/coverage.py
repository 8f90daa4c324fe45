"""Coverage: which of a policy's rules some example reached (a reason of a decided piece, or
broken in a check), with the line of each that none did, and the share reached."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from ..core.messages import Count, Text
from ..core.source import SourceLocation
from ..policy import Policy, RuleInfo
from .running import ExampleResult


@attrs.frozen
class RuleCoverage:
    rule: RuleInfo
    reached: bool
    #: the examples that reached it, by id
    by: tuple[str, ...]


@attrs.frozen
class PartCoverage:
    """A group, hours pattern or date set, and whether some example met it inside and some
    outside (an employee in and out of the group; a shift in and out of the hours or dates)."""

    kind: str  # "group" | "hours" | "dates"
    name: str
    source: SourceLocation
    inside: bool
    outside: bool

    @property
    def met(self) -> bool:
        return self.inside and self.outside


@attrs.frozen
class Coverage:
    """Per rule, whether some example reached it; `percent` of the rules reached; and per
    group, hours pattern and date set, whether examples met it inside and outside."""

    policy: str
    rules: tuple[RuleCoverage, ...]
    parts: tuple[PartCoverage, ...] = ()

    @property
    def reached(self) -> int:
        return sum(1 for r in self.rules if r.reached)

    @property
    def percent(self) -> Fraction:
        if not self.rules:
            return Fraction(100)
        return Fraction(100 * self.reached, len(self.rules))

    @property
    def missed(self) -> tuple[RuleCoverage, ...]:
        return tuple(r for r in self.rules if not r.reached)

    def lines(self, language: str = "en") -> list[str]:
        """The report as text: the share, then each rule no example reached, with its line."""
        head = Text(
            "coverage.head",
            policy=self.policy,
            reached=self.reached,
            rules=Count(len(self.rules), "noun.rule"),
            percent=_percent(self.percent),
        ).render(language)
        lines = [head]
        for item in self.missed:
            rule = item.rule
            label = rule.id + (f' "{rule.title}"' if rule.title else "")
            lines.append(
                Text(
                    "coverage.missed",
                    rule=label,
                    kind=Text(_kind_key(rule.kind)),
                    source=str(rule.source),
                ).render(language)
            )
        if self.parts:
            met = sum(1 for p in self.parts if p.met)
            lines.append(Text("coverage.parts", met=met, parts=len(self.parts)).render(language))
        for part in self.parts:
            if not part.met:
                lines.append(
                    Text(
                        "coverage.part_outside" if part.inside else "coverage.part_inside",
                        kind=Text(_PART_KEYS[part.kind]),
                        name=part.name,
                        source=str(part.source),
                    ).render(language)
                )
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "rules": len(self.rules),
            "reached": self.reached,
            "percent": float(round(self.percent, 2)),
            "by_rule": [
                {
                    "rule": r.rule.id,
                    "kind": r.rule.kind,
                    "file": r.rule.source.file,
                    "line": r.rule.source.line,
                    "reached": r.reached,
                    "examples": list(r.by),
                }
                for r in self.rules
            ],
            "parts": [
                {
                    "kind": p.kind,
                    "name": p.name,
                    "file": p.source.file,
                    "line": p.source.line,
                    "inside": p.inside,
                    "outside": p.outside,
                }
                for p in self.parts
            ],
        }


_PART_KEYS = {"group": "coverage.group", "hours": "coverage.hours", "dates": "coverage.dates"}


def _kind_key(kind: str) -> str:
    return "kind." + kind.replace(" ", "_")


def _percent(value: Fraction) -> str:
    """A share rounded down to a whole percent, so 99.6% never shows as 100%."""
    return f"{value.numerator * 1 // value.denominator}%"


def coverage(policy: Policy, results: Iterable[ExampleResult], name: str) -> Coverage:
    results = list(results)
    by_rule: dict[str, list[str]] = {r.id.casefold(): [] for r in policy.rules}
    for result in results:
        for ident in result.reached:
            by_rule.setdefault(ident.casefold(), []).append(result.id)
    met = {m for result in results for m in result.met}
    parts = [
        PartCoverage(
            kind,
            item.name,
            item.source,
            (kind, item.name, True) in met,
            (kind, item.name, False) in met,
        )
        for kind, items in (
            ("group", policy.groups),
            ("hours", policy.hours),
            ("dates", policy.dates),
        )
        for item in items
    ]
    return Coverage(
        name,
        tuple(
            RuleCoverage(r, bool(by_rule[r.id.casefold()]), tuple(by_rule[r.id.casefold()]))
            for r in policy.rules
        ),
        tuple(parts),
    )
