"""The service's endpoints in process (Starlette's TestClient): answers are the library's,
refusals are error bodies with stable codes, never a 500; the log, masks, auth and reloads.
The same endpoints over real HTTP are in test_service_server.py."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from service_cases import BROKEN, HOME, OFFICE, SARI, V2, write
from starlette.testclient import TestClient

import flexrules
from flexrules.service import answers as answers_module
from flexrules.service import create_app
from flexrules.service.decisionlog import DecisionLog
from flexrules.service.errors import CODES


def without_ids(document: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v for k, v in document.items() if k not in ("decision_id", "fingerprint", "explanation")
    }


def log_lines(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def error_of(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "field", "value"}
    assert body["error"]["code"] == code
    assert "Traceback" not in response.text
    return dict(body["error"])


# ---- answers are the library's -------------------------------------------------------------


def test_one_decision_is_the_librarys_with_its_id_fingerprint_and_explanation(
    client: TestClient, policy: flexrules.Policy
) -> None:
    for shift in (HOME, OFFICE):
        for language in ("en", "id"):
            answer = client.post(
                f"/v1/decide?explain=true&lang={language}", json={"employee": SARI, "shift": shift}
            )
            assert answer.status_code == 200
            found = answer.json()
            decision = policy.decide(SARI, shift)
            assert without_ids(found) == decision.to_dict(language=language)
            assert found["explanation"] == decision.explain(language)
            assert found["fingerprint"] == policy.fingerprint == found["policy"]["fingerprint"]
            assert list(found)[:2] == ["decision_id", "fingerprint"]


def test_a_batch_answers_each_request_in_order(
    client: TestClient, policy: flexrules.Policy
) -> None:
    shifts = [HOME, OFFICE, {**HOME, "start": "2025-07-12T08:00", "end": "2025-07-12T12:00"}] * 7
    answer = client.post(
        "/v1/decide?pieces=false",
        json={"requests": [{"employee": SARI, "shift": s} for s in shifts]},
    )
    found = answer.json()
    assert answer.status_code == 200 and found["fingerprint"] == policy.fingerprint
    assert [without_ids(d) for d in found["decisions"]] == [
        policy.decide(SARI, s).to_dict(pieces=False) for s in shifts
    ]
    assert len({d["decision_id"] for d in found["decisions"]}) == len(shifts)


def test_check_and_roster_answer_the_librarys_reports(
    client: TestClient, policy: flexrules.Policy
) -> None:
    shifts = [HOME, OFFICE, {**HOME, "start": "2025-07-09T08:00", "end": "2025-07-09T16:00"}]
    period = ["2025-07-07", "2025-07-13"]
    found = client.post(
        "/v1/check",
        json={"employee": SARI, "shifts": shifts, "period": period, "absences": ["2025-07-11"]},
    ).json()
    report = policy.check(SARI, shifts, tuple(period), ["2025-07-11"])
    assert {
        k: v for k, v in found.items() if k not in ("report_id", "fingerprint")
    } == report.to_dict()
    other = {**SARI, "id": "E-043", "name": "Rudi"}
    body = {
        "schedules": [
            {"employee": SARI, "shifts": shifts},
            {"employee": other, "shifts": [HOME], "absences": []},
        ],
        "period": period,
        "headcount": None,
    }
    found = client.post("/v1/roster?violations_only=true&lang=id", json=body).json()
    roster = policy.check_roster(
        [flexrules.Schedule(SARI, shifts), flexrules.Schedule(other, [HOME])], tuple(period)
    )
    expected = roster.to_dict(violations_only=True, language="id")
    assert {k: v for k, v in found.items() if k not in ("report_id", "fingerprint")} == expected


def test_the_policy_document_is_enough_to_build_a_form(
    client: TestClient, policy: flexrules.Policy
) -> None:
    found = client.get("/v1/policy").json()
    assert found["fingerprint"] == policy.fingerprint and found["name"] == policy.name
    assert [r["id"] for r in found["rules"]] == [r.id for r in policy.rules]
    r5 = next(r for r in found["rules"] if r["id"] == "R5")
    assert r5["citation"] == "PermenPANRB 4/2025 Pasal 23" and r5["source"]["line"] == 47
    performance = next(a for a in found["attributes"] if a["name"] == "performance")
    assert performance["type"] == "ranked" and performance["values"][-1] == "very good"
    assert {a["owner"] for a in found["attributes"]} == {"employee", "shift"}
    assert [h["name"] for h in found["hours"]] == ["service hours", "working window"]


def test_health_ready_metrics_and_openapi(client: TestClient, policy: flexrules.Policy) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready").json()
    assert ready["ready"] is True and ready["stale"] is False
    assert ready["policy"]["fingerprint"] == policy.fingerprint
    client.post("/v1/decide", json={"employee": SARI, "shift": HOME})
    client.post("/v1/decide", json={"employee": {**SARI, "on probation": True}, "shift": HOME})
    client.post("/v1/decide", json={"employee": SARI})
    metrics = client.get("/metrics")
    assert metrics.headers["content-type"].startswith("text/plain")
    text = metrics.text
    assert 'flexrules_decisions_total{outcome="allowed"} 1.0' in text
    assert 'flexrules_decisions_total{outcome="denied"} 1.0' in text
    assert 'flexrules_request_errors_total{code="bad-shape"} 1.0' in text
    assert 'flexrules_request_seconds_count{endpoint="decide"} 3.0' in text
    assert f'fingerprint="{policy.fingerprint}"' in text
    document = client.get("/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert {
        "/v1/decide",
        "/v1/check",
        "/v1/roster",
        "/v1/policy",
        "/health",
        "/ready",
        "/metrics",
    } <= set(document["paths"])
    assert document["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"][
        "enum"
    ] == list(CODES)


# ---- refusals ----------------------------------------------------------------------------


def test_bad_input_is_a_400_naming_the_field_and_value(client: TestClient) -> None:
    bad = {**HOME, "end": "2025-07-07T07:00"}
    error = error_of(
        client.post("/v1/decide", json={"employee": SARI, "shift": bad}), 400, "input-error"
    )
    assert error["field"] == "end" and error["value"] == "2025-07-07T07:00"
    batch = {
        "requests": [
            {"employee": SARI, "shift": HOME},
            {"employee": SARI, "shift": {**HOME, "location": "beach"}},
        ]
    }
    error = error_of(client.post("/v1/decide", json=batch), 400, "input-error")
    assert error["field"] == "requests[1].location" and error["value"] == "beach"
    error = error_of(
        client.post(
            "/v1/check", json={"employee": SARI, "shifts": [HOME], "period": ["2025-07-07", "July"]}
        ),
        400,
        "input-error",
    )
    assert error["field"] == "period"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"", None),
        (b"{", None),
        (b"[1, 2]", "body"),
        (b'{"employee": {}, "shift": NaN}', None),
        (b'{"employee": {}, "shift": {"start": Infinity}}', None),
        (b'{"employee": "E-1", "shift": {}}', "employee"),
        (b'{"employee": {}}', "shift"),
        (b'{"employee": {}, "shift": {}, "shifts": []}', "shifts"),
        (b'{"requests": {}}', "requests"),
        (b'{"requests": [{"employee": {}, "shift": []}]}', "requests[0].shift"),
        (b'{"employee": {"id": "\\ud800"}, "shift": {}}', None),
        (b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", None),
        (b'{"employee": {"grade": 1' + b"0" * 5000 + b'}, "shift": {}}', None),
        ("{}".encode("utf-16"), None),
    ],
)
def test_a_body_of_the_wrong_shape_is_a_422(
    client: TestClient, body: bytes, field: str | None
) -> None:
    error = error_of(client.post("/v1/decide", content=body), 422, "bad-shape")
    assert error["field"] == field


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/v1/decide?explain=maybe", {"employee": SARI, "shift": HOME}, "explain"),
        ("/v1/decide?lang=fr", {"employee": SARI, "shift": HOME}, "lang"),
        ("/v1/decide?why_not=perhaps", {"employee": SARI, "shift": HOME}, "why_not"),
        ("/v1/check", {"employee": SARI, "shifts": HOME}, "shifts"),
        ("/v1/check", {"employee": SARI, "shifts": [HOME], "period": "2025-07"}, "period"),
        ("/v1/roster", {"schedules": {}}, "schedules"),
        ("/v1/roster", {"schedules": [{"employee": SARI}]}, "schedules[0].shifts"),
        ("/v1/roster", {"schedules": [], "headcount": [1]}, "headcount"),
    ],
)
def test_query_and_envelope_mistakes_are_422s(
    client: TestClient, path: str, body: Any, field: str | None
) -> None:
    error = error_of(client.post(path, json=body), 422, "bad-shape")
    assert error["field"] == field


def test_too_large_is_a_413_before_the_body_is_read(policy_file: Path) -> None:
    app = create_app(policy_file, max_body_size=1000, max_batch=3)
    with TestClient(app) as client:
        big = {"employee": {**SARI, "note": "x" * 2000}, "shift": HOME}
        error_of(client.post("/v1/decide", json=big), 413, "too-large")

        def chunks() -> Any:  # no Content-Length: counted as it arrives
            yield b'{"employee": {"note": "'
            for _ in range(10):
                yield b"x" * 200
            yield b'"}, "shift": {}}'

        error_of(client.post("/v1/decide", content=chunks()), 413, "too-large")
        batch = {"requests": [{"employee": {}, "shift": {}}] * 4}
        assert (
            error_of(client.post("/v1/decide", json=batch), 413, "too-large")["field"] == "requests"
        )
    with TestClient(create_app(policy_file)) as client:
        record = {**SARI, **{f"field {n}": n for n in range(1001)}}
        body = {"employee": record, "shift": HOME}
        error = error_of(client.post("/v1/decide", json=body), 413, "too-large")
        assert (error["field"], error["value"]) == ("employee", 1001 + len(SARI))
        wide = {**SARI, **{f"field {n}": n for n in range(600)}}
        answer = client.post("/v1/decide", json={"employee": wide, "shift": HOME})  # in a thread
        assert answer.status_code == 200 and answer.json()["allowed"] is True


def test_unknown_paths_and_methods_and_bugs_are_error_bodies(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    error_of(client.get("/v2/decide"), 404, "not-found")
    error_of(client.get("/v1/decide"), 405, "method-not-allowed")

    def broken(*args: Any) -> Any:
        raise RuntimeError("a bug, with a secret in its message")

    monkeypatch.setattr(answers_module, "decide", broken)
    error = error_of(
        client.post("/v1/decide", json={"employee": SARI, "shift": HOME}), 500, "internal-error"
    )
    assert "secret" not in error["message"]


# ---- the log -----------------------------------------------------------------------------


def test_every_decision_is_one_log_line_and_the_policy_is_named_once(
    client: TestClient, log_file: Path, policy: flexrules.Policy
) -> None:
    one = client.post("/v1/decide", json={"employee": SARI, "shift": HOME}).json()
    batch = client.post(
        "/v1/decide", json={"requests": [{"employee": SARI, "shift": s} for s in (HOME, OFFICE)]}
    ).json()
    client.post("/v1/decide", json={"employee": SARI, "shift": {**HOME, "end": "bad"}})
    lines = log_lines(log_file)
    assert [line["type"] for line in lines] == ["policy", "decision", "decision", "decision"]
    assert lines[0] == {**lines[0], **policy.metadata(), "event": "opened"}
    decisions = lines[1:]
    ids = [one["decision_id"]] + [d["decision_id"] for d in batch["decisions"]]
    assert [line["decision_id"] for line in decisions] == ids
    first = decisions[0]
    assert first["fingerprint"] == policy.fingerprint and first["employee"] == "E-042"
    assert first["input"] == {"employee": SARI, "shift": HOME}
    assert first["outcome"] == "allowed" and [r["rule"] for r in first["reasons"]] == ["R5"]
    assert "name" not in first  # the policy's metadata is on the policy line only


def test_masked_attributes_and_ids(policy_file: Path, log_file: Path) -> None:
    app = create_app(policy_file, log=str(log_file), mask=["Job_Type", "name"])
    with TestClient(app) as client:
        client.post("/v1/decide", json={"employee": SARI, "shift": HOME})
    line = log_lines(log_file)[1]
    assert line["employee"] == "E-042"
    assert "job type" not in line["input"]["employee"] and "name" not in line["input"]["employee"]
    assert line["input"]["employee"]["performance"] == "good"

    key = b"a secret key"
    app = create_app(policy_file, log=str(log_file), mask=["name"], id_key=key)
    with TestClient(app) as client:
        answer = client.post("/v1/decide", json={"employee": SARI, "shift": HOME}).json()
    line = log_lines(log_file)[-1]
    expected = "hmac-sha256:" + hmac.new(key, b'"E-042"', hashlib.sha256).hexdigest()
    assert line["employee"] == line["input"]["employee"]["id"] == expected
    assert (
        line["input"]["employee"]["name"]
        == "hmac-sha256:" + hmac.new(key, b'"Sari"', hashlib.sha256).hexdigest()
    )
    assert "E-042" not in log_file.read_text(encoding="utf-8").splitlines()[-1]
    assert answer["employee"]["id"] == "E-042"  # the answer is the asker's: not masked


# ---- access --------------------------------------------------------------------------------


def test_a_token_guards_everything_but_health(policy_file: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("s3cret-token\n", encoding="utf-8")
    app = create_app(policy_file, token_file=token_file)
    good = {"Authorization": "Bearer s3cret-token"}
    with TestClient(app) as client:
        assert client.get("/health").status_code == 200
        for headers in ({}, {"Authorization": "Bearer s3cret"}, {"Authorization": "s3cret-token"}):
            for path in ("/ready", "/v1/policy", "/metrics", "/openapi.json", "/nowhere"):
                response = client.get(path, headers=headers)
                error_of(response, 401, "unauthorized")
                assert response.headers["www-authenticate"].startswith("Bearer")
            error_of(
                client.post("/v1/decide", json={"employee": SARI, "shift": HOME}, headers=headers),
                401,
                "unauthorized",
            )
        assert (
            client.post(
                "/v1/decide", json={"employee": SARI, "shift": HOME}, headers=good
            ).status_code
            == 200
        )
        assert client.get("/openapi.json", headers=good).json()["security"] == [{"bearer": []}]
        assert (
            'flexrules_request_errors_total{code="unauthorized"} 18.0'
            in client.get("/metrics", headers=good).text
        )


def test_cors_is_off_unless_an_origin_is_named(policy_file: Path) -> None:
    origin = {"Origin": "https://simpeg.example.go.id"}
    with TestClient(create_app(policy_file)) as client:
        assert "access-control-allow-origin" not in client.get("/health", headers=origin).headers
    app = create_app(policy_file, cors_origins=["https://simpeg.example.go.id"])
    with TestClient(app) as client:
        headers = client.get("/health", headers=origin).headers
        assert headers["access-control-allow-origin"] == "https://simpeg.example.go.id"


# ---- reloads -------------------------------------------------------------------------------


def test_a_reload_swaps_the_policy_and_a_broken_one_keeps_the_old(
    policy_file: Path, log_file: Path
) -> None:
    app = create_app(policy_file, log=str(log_file))
    service = app.state.service
    v1 = flexrules.load_policy(policy_file).fingerprint
    with TestClient(app) as client:
        write(policy_file, BROKEN)
        assert service.holder.reload() is False
        answer = client.post("/v1/decide", json={"employee": SARI, "shift": HOME}).json()
        assert answer["fingerprint"] == v1 and answer["allowed"] is True
        ready = client.get("/ready").json()
        assert ready["ready"] is True and ready["stale"] is True
        assert ready["policy"]["fingerprint"] == v1
        assert ready["reload_error"]["diagnostics"][0]["severity"] == "error"
        assert "still serving" in ready["reload_error"]["message"]
        assert "masih melayani" in client.get("/ready?lang=id").json()["reload_error"]["message"]

        write(policy_file, V2)
        assert service.holder.reload() is True
        answer = client.post("/v1/decide", json={"employee": SARI, "shift": HOME}).json()
        v2 = flexrules.load_policy(policy_file).fingerprint
        assert answer["fingerprint"] == v2 != v1 and answer["allowed"] is False
        assert client.get("/ready").json()["stale"] is False
        metrics = client.get("/metrics").text
        assert "flexrules_policy_reloads_total 1.0" in metrics
        assert "flexrules_policy_reload_failures_total 1.0" in metrics
    kinds = [(line["type"], line.get("event"), line["fingerprint"]) for line in log_lines(log_file)]
    assert kinds == [
        ("policy", "opened", v1),
        ("reload-failed", None, v1),
        ("decision", None, v1),
        ("policy", "reloaded", v2),
        ("decision", None, v2),
    ]


# ---- anything at all -----------------------------------------------------------------------

_KEYS = st.sampled_from(
    [
        "employee",
        "shift",
        "requests",
        "id",
        "start",
        "end",
        "location",
        "timezone",
        "grade",
        "performance",
        "job type",
        "position start",
        "approved",
        "x",
    ]
)
_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "2025-07-07T08:00",
            "2025-07-07T16:00+07:00",
            "home",
            "office",
            "good",
            "WITA",
            "2025-02-30",
        ]
    ),
    st.text(max_size=8),
)
_JSON = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=20,
)


_FACTS = st.dictionaries(_KEYS, _JSON, max_size=6)
_BODIES = st.one_of(
    _JSON,
    st.fixed_dictionaries({"employee": _FACTS, "shift": _FACTS}),
    st.fixed_dictionaries(
        {
            "employee": _FACTS,
            "shifts": st.lists(_FACTS, max_size=3),
            "period": _JSON,
            "absences": _JSON,
        }
    ),
)


@pytest.mark.slow
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_BODIES, path=st.sampled_from(["/v1/decide", "/v1/check", "/v1/roster"]))
def test_no_body_is_ever_a_500(client: TestClient, body: Any, path: str) -> None:
    """Any JSON at all is answered, or refused as input (400) or shape (422); never a 500."""
    response = client.post(path, json=body)
    assert response.status_code in (200, 400, 422), response.text
    if response.status_code != 200:
        error_of(
            response,
            response.status_code,
            "input-error" if response.status_code == 400 else "bad-shape",
        )


def test_watch_reloads_when_the_file_is_replaced(policy_file: Path) -> None:
    app = create_app(policy_file, watch=True)
    with TestClient(app) as client:
        before = client.get("/ready").json()["policy"]["fingerprint"]
        write(policy_file, V2)
        deadline = time.monotonic() + 20
        while client.get("/ready").json()["policy"]["fingerprint"] == before:
            assert time.monotonic() < deadline, "the change was not seen"
            time.sleep(0.05)
        answer = client.post("/v1/decide", json={"employee": SARI, "shift": HOME}).json()
        assert answer["policy"]["version"] == "2025.2" and answer["allowed"] is False
    assert not app.state.service.watcher._thread.is_alive()  # stopped with the app


def test_the_log_is_reopened_for_logrotate(policy_file: Path, log_file: Path) -> None:
    app = create_app(policy_file, log=str(log_file))
    with TestClient(app) as client:
        first = client.post("/v1/decide", json={"employee": SARI, "shift": HOME}).json()
        log_file.rename(log_file.with_name("decisions.jsonl.1"))
        app.state.service.reopen_log()  # what SIGHUP does under `flexrules serve`
        second = client.post("/v1/decide", json={"employee": SARI, "shift": OFFICE}).json()
    rotated = log_lines(log_file.with_name("decisions.jsonl.1"))
    assert [line.get("decision_id") for line in rotated] == [None, first["decision_id"]]
    fresh = log_lines(log_file)
    assert (fresh[0]["type"], fresh[0]["event"]) == ("policy", "reopened")
    assert fresh[1]["decision_id"] == second["decision_id"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_decision_that_cannot_be_logged_is_not_answered(policy_file: Path) -> None:
    """Fail closed: a full disk makes the service refuse decisions (503) and say so in /ready,
    rather than answer decisions nobody can audit."""
    app = create_app(policy_file, log="/dev/full")
    with TestClient(app) as client:
        error = error_of(
            client.post("/v1/decide", json={"employee": SARI, "shift": HOME}), 503, "not-ready"
        )
        assert "cannot be written" in error["message"]
        ready = client.get("/ready")
        assert ready.status_code == 503 and ready.json()["ready"] is False
        assert "tidak dapat ditulis" in client.get("/ready?lang=id").json()["log_error"]
        assert 'flexrules_decisions_total{outcome="allowed"} 0.0' in client.get("/metrics").text


def test_a_line_cut_by_a_full_disk_stays_apart_from_the_next(tmp_path: Path) -> None:
    class FillsUp(io.BytesIO):
        full = True

        def write(self, data: Any) -> int:
            if self.full:
                self.full = False
                super().write(bytes(data[:10]))
                raise OSError(28, "No space left on device")
            return super().write(data)

    log = DecisionLog(str(tmp_path / "log.jsonl"))
    sink = FillsUp()
    log._file = sink
    with pytest.raises(OSError):
        log.write([{"type": "decision", "n": 1}])
    assert log.problem == "No space left on device"
    log.write([{"type": "decision", "n": 2}])
    assert log.problem is None and log.written == 1
    assert sink.getvalue().split(b"\n") == [b'{"type":"d', b'{"type":"decision","n":2}', b""]


def test_why_not_gives_the_librarys_alternatives(client: TestClient, policy: Any) -> None:
    """`?why_not=true` adds to a denied decision what `Decision.alternatives` finds, as
    `to_dict(alternatives=True)` and `flexrules decide --why-not` give them."""
    probation = {**SARI, "on probation": True}  # R2 keeps her in: home is denied
    answer = client.post(
        "/v1/decide?why_not=true&explain=true", json={"employee": probation, "shift": HOME}
    )
    assert answer.status_code == 200
    found = answer.json()
    decision = policy.decide(probation, HOME)
    assert not decision.allowed
    expected = decision.to_dict(alternatives=True)["alternatives"]
    assert found["alternatives"] == expected and expected
    assert found["explanation"] == decision.explain() + "\n" + decision.explain_alternatives()
