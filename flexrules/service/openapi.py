"""The OpenAPI 3.1 document `/openapi.json` publishes: every endpoint, its query parameters,
the error body and its codes. Written out here rather than generated, so it says what the
endpoints do, not what a framework infers."""

from __future__ import annotations

from typing import Any

from .. import __version__
from .errors import CODES

_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "field", "value"],
            "properties": {
                "code": {"type": "string", "enum": list(CODES)},
                "message": {"type": "string"},
                "field": {"type": ["string", "null"], "description": "the field at fault"},
                "value": {"description": "the value at fault (long ones cut short)"},
            },
        }
    },
}

_OBJECT: dict[str, Any] = {"type": "object", "additionalProperties": True}
_EMPLOYEE = {
    **_OBJECT,
    "description": "id, name, timezone and the employee attributes the policy declares "
    "(GET /v1/policy lists them with their types); values as JSON gives them: text, numbers, "
    "true/false, dates as YYYY-MM-DD",
}
_SHIFT = {
    **_OBJECT,
    "required": ["start", "end", "location"],
    "description": "start and end (ISO 8601; without an offset, the employee's local time), "
    "location (office, home, anywhere) and the shift attributes the policy declares",
}
_PERIOD = {
    "type": ["array", "null"],
    "items": {"type": "string", "format": "date"},
    "minItems": 2,
    "maxItems": 2,
}
_REQUEST = {
    "type": "object",
    "required": ["employee", "shift"],
    "properties": {"employee": _EMPLOYEE, "shift": _SHIFT},
}
_SCHEDULE: dict[str, Any] = {
    "type": "object",
    "required": ["employee", "shifts"],
    "properties": {
        "employee": _EMPLOYEE,
        "shifts": {"type": "array", "items": _SHIFT},
        "absences": {"type": "array", "items": {"description": "a date, or {from, to}"}},
    },
}
_SCHEMAS = {
    "Error": _ERROR,
    "DecideRequest": _REQUEST,
    "DecideBatch": {
        "type": "object",
        "required": ["requests"],
        "properties": {
            "requests": {"type": "array", "items": {"$ref": "#/components/schemas/DecideRequest"}}
        },
    },
    "Decision": {
        **_OBJECT,
        "description": "Decision.to_dict(), with decision_id, fingerprint and, when asked, "
        "explanation (exactly explain())",
        "required": [
            "decision_id",
            "fingerprint",
            "allowed",
            "policy",
            "employee",
            "shift",
            "reasons",
        ],
    },
    "Schedule": {**_SCHEDULE, "properties": {**_SCHEDULE["properties"], "period": _PERIOD}},
    "Roster": {
        "type": "object",
        "required": ["schedules"],
        "properties": {
            "schedules": {"type": "array", "items": _SCHEDULE},
            "period": _PERIOD,
            "headcount": {"type": ["object", "null"], "additionalProperties": {"type": "integer"}},
        },
    },
}


def _flag(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": {"type": "boolean"}, "description": description}


_LANG = {
    "name": "lang",
    "in": "query",
    "schema": {"type": "string", "enum": ["en", "id"]},
    "description": "the language of messages and explanations; by default the policy's",
}
_REPORT_FLAGS = [
    _LANG,
    _flag("pieces", "each decision's pieces too"),
    _flag("violations_only", "only what is wrong"),
    _flag("summary", "only the summary"),
]


def _errors(*codes: str) -> dict[str, Any]:
    return {
        str(CODES[code]): {
            "description": code,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for code in codes
    }


def _json(schema: str | dict[str, Any], description: str) -> dict[str, Any]:
    body = {"$ref": f"#/components/schemas/{schema}"} if isinstance(schema, str) else schema
    return {"description": description, "content": {"application/json": {"schema": body}}}


def _post(summary: str, request: Any, answer: Any, parameters: list[Any]) -> dict[str, Any]:
    refused = _errors("input-error", "bad-shape", "too-large", "unauthorized")
    return {
        "post": {
            "summary": summary,
            "parameters": parameters,
            "requestBody": {"required": True, "content": {"application/json": {"schema": request}}},
            "responses": {"200": _json(answer, "the answer"), **refused},
        }
    }


def _get(summary: str, answer: dict[str, Any], secured: bool = True) -> dict[str, Any]:
    operation: dict[str, Any] = {"summary": summary, "responses": {"200": answer}}
    if secured:
        operation["responses"].update(_errors("unauthorized"))
    else:
        operation["security"] = []
    return {"get": operation}


def openapi_document(secured: bool, max_body_size: int) -> dict[str, Any]:
    ref = {"$ref": "#/components/schemas/Decision"}
    decide_request = {
        "oneOf": [
            {"$ref": "#/components/schemas/DecideRequest"},
            {"$ref": "#/components/schemas/DecideBatch"},
        ]
    }
    decide_answer = {
        "oneOf": [
            ref,
            {
                "type": "object",
                "properties": {
                    "fingerprint": {"type": "string"},
                    "decisions": {"type": "array", "items": ref},
                },
            },
        ]
    }
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "flexrules decision service",
            "version": __version__,
            "description": "Decides flexible-work requests of Indonesian civil servants by a "
            f"flexrules policy. Request bodies are at most {max_body_size} bytes. Every "
            "refusal is an Error body with a stable code.",
        },
        "paths": {
            "/v1/decide": _post(
                "Decide one request, or a batch in order",
                decide_request,
                decide_answer,
                [
                    _LANG,
                    _flag("explain", "add the explanation text"),
                    _flag("pieces", "the pieces (default true)"),
                    _flag("why_not", "with each denied decision, what would be allowed instead"),
                ],
            ),
            "/v1/check": _post(
                "Check one employee's schedule",
                {"$ref": "#/components/schemas/Schedule"},
                _OBJECT,
                _REPORT_FLAGS,
            ),
            "/v1/roster": _post(
                "Check a roster", {"$ref": "#/components/schemas/Roster"}, _OBJECT, _REPORT_FLAGS
            ),
            "/v1/policy": _get(
                "The policy's metadata, rules, groups, hours, dates and attributes",
                _json(_OBJECT, "the policy"),
            ),
            "/health": _get("Alive", _json(_OBJECT, 'always {"status": "ok"}'), secured=False),
            "/ready": _get(
                "A policy is loaded; says when a reload failed",
                _json(_OBJECT, "the policy serving"),
            ),
            "/metrics": _get(
                "Prometheus metrics", {"description": "text format", "content": {"text/plain": {}}}
            ),
            "/openapi.json": _get("This document", _json(_OBJECT, "OpenAPI 3.1")),
        },
        "components": {"schemas": _SCHEMAS},
    }
    if secured:
        document["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        document["security"] = [{"bearer": []}]
    return document
