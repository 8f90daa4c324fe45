"""The service takes an employee's `changes` (DATA.md §2) as the library does: one typing, the
engine's. SARI is put under sanction from Mon 7 July: her day at home that day is denied (R3),
worked out by hand from the policy, and the answer is the library's decision."""

from __future__ import annotations

from typing import Any

from service_cases import HOME, SARI
from starlette.testclient import TestClient

import flexrules

SANCTIONED: dict[str, Any] = {
    **SARI,
    "changes": [{"from": "2025-07-07", "attributes": {"under sanction": True}}],
}


def test_changes_in_an_employee_object(client: TestClient, policy: flexrules.Policy) -> None:
    answer = client.post("/v1/decide", json={"employee": SANCTIONED, "shift": HOME})
    assert answer.status_code == 200
    found = answer.json()
    assert found["allowed"] is False
    assert [r["rule"] for r in found["reasons"]] == ["R3"]
    assert found["reasons"][0]["facts"] == {"under sanction": True}
    assert found["reasons"] == policy.decide(SANCTIONED, HOME).to_dict()["reasons"]
    before = {**SARI, "changes": [["2025-07-08", {"under sanction": True}]]}
    assert client.post("/v1/decide", json={"employee": before, "shift": HOME}).json()["allowed"]


def test_bad_changes_are_a_400_naming_the_field(client: TestClient) -> None:
    employee = {**SARI, "changes": [{"from": "7/7/2025", "attributes": {}}]}
    answer = client.post("/v1/decide", json={"employee": employee, "shift": HOME})
    assert answer.status_code == 400
    assert answer.json()["error"]["field"] == "changes"  # as the library names it
