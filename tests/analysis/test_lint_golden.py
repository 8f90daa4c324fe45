"""The text of each finding code, in English and Indonesian, as golden files
(tests/golden/lint/CODE.LANG.txt). `FLEXRULES_UPDATE_GOLDEN=1` writes them anew."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import flexrules
from flexrules.analysis.findings import CODES
from flexrules.analysis.lint import LintReport, lint
from flexrules.analysis.report import finding_text

HERE = Path(__file__).parent
GOLDEN = HERE.parent / "golden" / "lint"
UPDATE = os.environ.get("FLEXRULES_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def report() -> LintReport:
    text = (HERE / "planted.rules").read_text(encoding="utf-8")
    policy = flexrules.compile_policy({"planted.rules": text})
    return lint(policy, (dt.date(2025, 7, 1), dt.date(2026, 6, 30)))


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("code", list(CODES))
def test_each_finding_reads_as_its_golden_text(
    report: LintReport, code: str, language: str
) -> None:
    text = "\n\n".join(finding_text(f, language) for f in report.findings if f.code == code) + "\n"
    path = GOLDEN / f"{code}.{language}.txt"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text.strip(), f"no `{code}` finding in planted.rules"
    assert text == path.read_text(encoding="utf-8")
