"""docs/service.md tells the truth: it names every option of `flexrules serve`, every error
code the service can answer, and every metric it counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from flexrules import cli
from flexrules.service.errors import CODES

DOC = Path(__file__).resolve().parents[2] / "docs" / "service.md"


@pytest.fixture(scope="module")
def text() -> str:
    return DOC.read_text(encoding="utf-8")


def test_the_page_names_every_option_of_serve(text: str) -> None:
    parser = cli.build_parser()
    serve = parser._subparsers._group_actions[0].choices["serve"]  # type: ignore[union-attr]
    for action in serve._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert re.search(rf"`{re.escape(option)}[ `]", text), (
                    f"{option} is not in service.md"
                )


def test_the_page_lists_every_error_code_with_its_status(text: str) -> None:
    for code, status in CODES.items():
        assert re.search(rf"\| `{code}` \| {status} \|", text), code


def test_the_page_names_every_metric(text: str, client: TestClient) -> None:
    registry = client.app.state.service.metrics.registry  # type: ignore[attr-defined]
    for metric in registry.collect():
        name = metric.name + ("_total" if metric.type == "counter" else "")
        assert f"`{name}" in text, name
