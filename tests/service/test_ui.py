"""`/ui/` in process: the policy page, the decide form answered as `/v1/decide` answers (the
same explanation, logged), the roster upload answered with the roster's page, the API's token,
and form text escaped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("multipart")

from dom import parse
from starlette.testclient import TestClient

import flexrules
from flexrules.service import create_app

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "examples" / "disdukcapil.rules"
ROSTER = ROOT / "examples" / "roster"
FORM = {
    "id": "E-042",
    "name": "Sari",
    "employee.role": "service desk",
    "employee.job type": "public service",
    "employee.performance": "good",
    "employee.grade": "7",
    "employee.on probation": "no",
    "employee.under sanction": "no",
    "employee.position start": "2020-01-01",
    "start": "2025-07-07T14:00",
    "end": "2025-07-07T17:00",
    "location": "home",
}
#: FORM as the library is given it: each text read as a CSV cell is
EMPLOYEE = {
    "id": "E-042",
    "name": "Sari",
    "role": "service desk",
    "job type": "public service",
    "performance": "good",
    "grade": 7,
    "on probation": False,
    "under sanction": False,
    "position start": "2020-01-01",
}
SHIFT = {"start": "2025-07-07T14:00", "end": "2025-07-07T17:00", "location": "home"}


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "decisions.jsonl"


@pytest.fixture
def client(log: Path) -> Iterator[TestClient]:
    with TestClient(create_app(POLICY, log=str(log)), raise_server_exceptions=False) as c:
        yield c


def test_the_policy_page_with_the_services_links(client: TestClient) -> None:
    answer = client.get("/ui/")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    document, errors = parse(answer.text)
    assert errors == []
    links = [a.get("href") for a in document.find("nav", class_="ui-nav").find_all("a")]
    assert links == ["/ui/?lang=en", "/ui/decide?lang=en", "/ui/roster?lang=en"]
    assert len(document.find_all("tr", **{"data-rule": "R10"})) == 1
    assert client.get("/ui", follow_redirects=False).headers["location"] == "/ui/"
    assert parse(client.get("/ui/?lang=id").text)[0].find("html").get("lang") == "id"


def test_the_decide_form_asks_for_every_attribute(client: TestClient) -> None:
    document, errors = parse(client.get("/ui/decide").text)
    assert errors == []
    policy = flexrules.load_policy(POLICY)
    names = {e.get("name") for e in document.iter() if e.tag in ("input", "select")}
    assert {f"{a.owner}.{a.name}" for a in policy.attributes} <= names
    performance = document.find("select", id="employee.performance")
    assert [o.get("value") for o in performance.find_all("option")][1:] == [
        "very poor",
        "poor",
        "needs improvement",
        "good",
        "very good",
    ]


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_decided_form_shows_the_explanation_decide_gives_and_is_logged(
    client: TestClient, log: Path, language: str
) -> None:
    answer = client.post("/ui/decide", data={**FORM, "lang": language})
    assert answer.status_code == 200
    document, errors = parse(answer.text)
    assert errors == []
    decision = flexrules.load_policy(POLICY).decide(EMPLOYEE, SHIFT)
    why_not = decision.explain_alternatives(language)  # denied: what would be allowed
    shown = document.find("pre", id="explanation").text
    assert not decision.allowed and shown == decision.explain(language) + "\n" + why_not
    options = document.find("select", id="employee.performance").find_all("option")
    assert [o.text for o in options if "selected" in o.attrs] == ["good"]  # the form kept
    api = client.post(
        f"/v1/decide?explain=true&lang={language}", json={"employee": EMPLOYEE, "shift": SHIFT}
    )
    assert api.json()["explanation"] == decision.explain(language)
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    form, api_line = [line for line in lines if line.get("type") == "decision"]
    assert form["outcome"] == api_line["outcome"] == "denied"
    assert form["input"] == api_line["input"] and form["reasons"] == api_line["reasons"]


def test_a_form_that_cannot_be_read_says_which_field(client: TestClient) -> None:
    answer = client.post("/ui/decide", data={**FORM, "employee.grade": "nine"})
    assert answer.status_code == 422
    alert = parse(answer.text)[0].find("p", role="alert").text
    assert alert.startswith("grade:") and "nine" in alert
    bad_time = client.post("/ui/decide", data={**FORM, "end": "2025-07-07T13:00"})
    assert bad_time.status_code == 422 and "Traceback" not in bad_time.text


def test_form_text_is_escaped(client: TestClient) -> None:
    hostile = "<script>alert(1)</script>"
    answer = client.post("/ui/decide", data={**FORM, "name": hostile})
    document, _ = parse(answer.text)
    assert len(document.find_all("script")) == 1
    assert hostile in document.find("pre", id="explanation").text
    assert document.find("input", id="name").get("value") == hostile


def _roster_files() -> dict[str, tuple[str, bytes, str]]:
    return {
        name: (file, (ROSTER / file).read_bytes(), "text/csv")
        for name, file in (
            ("employees", "employees.csv"),
            ("shifts", "shifts.csv"),
            ("absences", "leave.csv"),
        )
    }


def test_an_uploaded_roster_is_answered_with_its_page(client: TestClient) -> None:
    answer = client.post(
        "/ui/roster",
        data={"first": "2025-07-01", "last": "2025-07-31", "lang": "en"},
        files=_roster_files(),
    )
    assert answer.status_code == 200
    document, errors = parse(answer.text)
    assert errors == []
    rules = sorted(
        li.get("data-rule") or "" for li in document.find_all("li", class_="problem-item")
    )
    assert rules == ["R10", "R11", "R2", "R8", "R9"]
    missing = client.post(
        "/ui/roster", data={"lang": "en"}, files={"shifts": _roster_files()["shifts"]}
    )
    assert missing.status_code == 422 and parse(missing.text)[0].find_all("p", role="alert")
    broken = _roster_files()
    broken["shifts"] = ("shifts.csv", b"employee,start\nP-101,yesterday\n", "text/csv")
    refused = client.post("/ui/roster", data={"lang": "en"}, files=broken)
    assert (refused.status_code == 422 and "shifts.csv" in refused.text) or "start" in refused.text


def test_the_pages_need_the_apis_token(tmp_path: Path) -> None:
    app = create_app(POLICY, token="s3cret")
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/ui/").status_code == 401
        assert c.post("/ui/decide", data=FORM).status_code == 401
        assert c.get("/ui/", headers={"Authorization": "Bearer s3cret"}).status_code == 200


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_form_decision_that_cannot_be_logged_is_not_shown() -> None:
    """Fail closed, as `/v1/decide`: a full disk is a 503 page saying so, with no outcome."""
    with TestClient(create_app(POLICY, log="/dev/full")) as client:
        answer = client.post("/ui/decide", data=FORM)
    assert answer.status_code == 503
    assert "cannot be written" in answer.text and 'id="explanation"' not in answer.text
