"""Lint reports as text (in the diagnostics' layout, with each witness's explanation), as
JSON, and as SARIF 2.1.0 for CI systems and editors."""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any

from ..core.diagnostics import Diagnostic, Severity
from ..core.messages import Count, Listing, Text, say
from .findings import CODES, Finding
from .lint import LintReport
from .witness import Witness


def _version() -> str:
    try:
        return metadata.version("flexrules")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a bare checkout
        return "unknown"


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


#: each place as the catalog names it
PLACES = {"office": "place.office", "home": "place.home", "anywhere": "place.anywhere"}


def _diagnostic(finding: Finding) -> Diagnostic:
    span = finding.rules[0].decl.span if finding.rules else None
    return Diagnostic(Severity(finding.severity), finding.code, finding.message, span, finding.hint)


def _compact(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def _outcome(witness: Witness) -> Text:
    return Text("lint.outcome.allowed" if witness.decision.allowed else "lint.outcome.denied")


def finding_text(finding: Finding, language: str = "en") -> str:
    """One finding: the diagnostic's block, the witness, its decision explained, and the
    other decisions that show it."""
    diagnostic = _diagnostic(finding)
    lines = [diagnostic.render(language)]
    bar = " " * len(str(diagnostic.end_line or "")) + " = " if finding.rules else " = "
    witness = finding.witness
    lines.append(
        bar
        + say(
            "lint.witness",
            language,
            employee=_compact(witness.employee),
            shift=_compact(witness.shift),
        )
    )
    lines.extend("    " + line for line in witness.decision.explain(language).splitlines())
    if finding.also:
        items = Listing(
            [
                Text(
                    "lint.also_item",
                    location=Text(PLACES[w.shift["location"]]),
                    outcome=_outcome(w),
                )
                for w in finding.also
            ]
        )
        lines.append(bar + say("lint.also", language, shifts=items))
    return "\n".join(lines)


def report_text(path: str, report: LintReport, language: str = "en") -> str:
    blocks = [finding_text(f, language) for f in report.findings]
    rules = Count(len(report.policy.rules), "noun.rule")
    sizes = {"path": path, "rules": rules, "days": report.day_classes, "pieces": report.pieces}
    if report.findings:
        found = Count(len(report.findings), "noun.finding")
        blocks.append(say("lint.summary", language, findings=found, **sizes))
    else:
        blocks.append(say("lint.clean", language, **sizes))
    if report.ignored:
        ignored = Count(len(report.ignored), "noun.finding")
        blocks[-1] += "; " + say("lint.ignored", language, findings=ignored)
    return "\n\n".join(blocks)


def finding_dict(finding: Finding, language: str = "en") -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "rules": [
            {
                "id": r.id,
                "file": r.source.file,
                "line": r.source.line,
                "column": r.source.column,
            }
            for r in finding.rules
        ],
        "message": finding.message.render(language),
        "hint": finding.hint.render(language),
        "witness": finding.witness.to_dict(language),
        "also": [w.to_dict(language) for w in finding.also],
    }


def report_dict(path: str, report: LintReport, language: str = "en") -> dict[str, Any]:
    return {
        "path": path,
        "policy": report.policy.metadata(),
        "horizon": [report.horizon[0].isoformat(), report.horizon[1].isoformat()],
        "day_classes": report.day_classes,
        "pieces": report.pieces,
        "findings": [finding_dict(f, language) for f in report.findings],
        "ignored": [finding_dict(f, language) for f in report.ignored],
    }


def sarif(reports: list[tuple[str, LintReport]], language: str = "en") -> dict[str, Any]:
    """One SARIF log for every policy linted: one run of the tool, a result per finding."""
    results = []
    for _path, report in reports:
        for finding in report.findings:
            results.append(_sarif_result(finding, language, report.policy.files[0]))
    rules = [
        {"id": code, "defaultConfiguration": {"level": severity}}
        for code, severity in CODES.items()
    ]
    driver = {"name": "flexrules", "version": _version(), "rules": rules}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }


def _sarif_result(finding: Finding, language: str, first_file: str) -> dict[str, Any]:
    """A result at each of the finding's rules (at the policy's first file when it names no
    rule: a group left with no place to work, by the default)."""
    locations: list[dict[str, Any]] = []
    if not finding.rules:
        where = {"artifactLocation": {"uri": first_file.replace("\\", "/")}}
        locations.append({"physicalLocation": {**where, "region": {"startLine": 1}}})
    for rule in finding.rules:
        span = rule.decl.span
        region = {
            "startLine": span.line,
            "startColumn": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
        }
        locations.append(
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": span.file.replace("\\", "/")},
                    "region": region,
                }
            }
        )
    text = finding.message.render(language) + " (" + finding.hint.render(language) + ")"
    return {
        "ruleId": finding.code,
        "level": finding.severity,
        "message": {"text": text},
        "locations": locations,
        "properties": {"witness": finding.witness.to_dict(language)},
    }
