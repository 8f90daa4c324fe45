"""The service's 400 bodies say the library's `InputError` in the language `?lang=` asks for
(English without it, as every error body), with the same field and value."""

from __future__ import annotations

from service_cases import HOME, SARI
from starlette.testclient import TestClient


def test_an_input_error_body_follows_lang(client: TestClient) -> None:
    bad = {"employee": SARI, "shift": {**HOME, "end": "2025-07-07T07:00"}}
    english = client.post("/v1/decide", json=bad)
    indonesian = client.post("/v1/decide?lang=id", json=bad)
    assert english.status_code == indonesian.status_code == 400
    assert english.json()["error"] == {
        "code": "input-error",
        "message": "the shift's end must be after its start",
        "field": "end",
        "value": "2025-07-07T07:00",
    }
    assert indonesian.json()["error"] == {
        **english.json()["error"],
        "message": "akhir sif harus sesudah awalnya",
    }
    batch = {"requests": [{"employee": SARI, "shift": {**HOME, "location": "beach"}}]}
    error = client.post("/v1/decide?lang=id", json=batch).json()["error"]
    assert error["field"] == "requests[0].location"
    assert error["message"] == '"beach" bukan lokasi; gunakan office, home atau anywhere'
