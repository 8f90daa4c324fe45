"""The service tests' fixtures: a policy file to serve (and rewrite), the policy, a log file, and
the app over them in process (the cases are in tests/support/service_cases.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from service_cases import V1
from starlette.testclient import TestClient

import flexrules
from flexrules.service import create_app


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    path = tmp_path / "policy" / "disdukcapil.rules"
    path.parent.mkdir()
    path.write_text(V1, encoding="utf-8")
    return path


@pytest.fixture
def policy(policy_file: Path) -> flexrules.Policy:
    return flexrules.load_policy(policy_file)


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    return tmp_path / "decisions.jsonl"


@pytest.fixture
def client(policy_file: Path, log_file: Path) -> Iterator[TestClient]:
    app = create_app(policy_file, log=str(log_file))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
