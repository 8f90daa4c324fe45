"""The decision log: one JSON line per decision, written whole, for audit.

Each line names its decision (`decision_id`, the one the answer carries), when, the
fingerprint of the policy that decided, the employee's id (an HMAC of it under `--mask-ids`),
the input as given (attributes named by `--mask` left out, or replaced by an HMAC when a key is
given), the outcome and the reasons' rules. The policy's own metadata is written once, on a
`policy` line, when the log is opened and each time the policy is reloaded (SETTLED.md: log
outputs give the policy's metadata once); a decision line joins it by fingerprint.

Lines of one request are written in one call, under a lock, and flushed before the answer is
sent: a decision that was answered is in the log. `reopen()` (on SIGHUP) lets logrotate move
the file.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import hmac
import json
import os
import sys
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from ..engine.facts import jsonable
from ..policy import Policy
from ..versions import PolicySet

STDOUT = "-"


def timestamp(moment: dt.datetime) -> str:
    """UTC, to the millisecond: `2025-07-07T01:02:03.456Z`."""
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")[:-6] + "Z"


def folded(name: str) -> str:
    """An attribute's name as masks match it: `Job_Type`, `job type` and `job-type` alike."""
    return " ".join(name.casefold().replace("_", " ").replace("-", " ").split())


class Masker:
    """What the log keeps of personal data: ids as an HMAC-SHA256 under a secret key when one
    is given, and masked attributes left out (or, with a key, replaced by their HMAC, so
    lines stay comparable without showing the value)."""

    def __init__(self, masked: Iterable[str] = (), key: bytes | None = None) -> None:
        self.masked = frozenset(folded(name) for name in masked)
        self.key = key

    def digest(self, value: Any) -> str:
        assert self.key is not None
        text = json.dumps(jsonable(value), ensure_ascii=False)
        return "hmac-sha256:" + hmac.new(self.key, text.encode("utf-8"), hashlib.sha256).hexdigest()

    def ident(self, value: Any) -> Any:
        if value is None or self.key is None:
            return jsonable(value)
        return self.digest(value)

    def record(self, values: Mapping[str, Any], *, employee: bool) -> dict[str, Any]:
        if not self.masked:  # the common case, without looking at each name
            kept = dict(values)
            if employee and "id" in kept:
                kept["id"] = self.ident(kept["id"])
            return kept
        kept = {}
        for name, value in values.items():
            if employee and name == "id":
                kept[name] = self.ident(value)
            elif folded(str(name)) in self.masked:
                if self.key is not None:
                    kept[name] = self.digest(value)
            else:
                kept[name] = value
        return kept


def decision_line(
    decision: Any,
    decision_id: str,
    moment: dt.datetime,
    policy: Policy | PolicySet,
    employee: Mapping[str, Any],
    shift: Mapping[str, Any],
    masker: Masker,
) -> dict[str, Any]:
    """One decision as the log keeps it."""
    return {
        "type": "decision",
        "decision_id": decision_id,
        "time": timestamp(moment),
        "fingerprint": policy.fingerprint,
        "employee": masker.ident(employee.get("id")),
        "input": {
            "employee": masker.record(employee, employee=True),
            "shift": masker.record(shift, employee=False),
        },
        "outcome": "allowed" if decision.allowed else "denied",
        "reasons": [
            {
                "rule": r.rule,
                "effect": r.effect,
                "start": r.start.isoformat(),
                "end": r.end.isoformat(),
            }
            for r in decision.reasons
        ],
        "warnings": [w.code for w in decision.warnings],
    }


def policy_line(policy: Policy | PolicySet, moment: dt.datetime, event: str) -> dict[str, Any]:
    """The policy's metadata, once: `event` is `opened`, `reloaded` or `reopened`."""
    return {"type": "policy", "event": event, "time": timestamp(moment), **policy.metadata()}


def reload_failed_line(
    fingerprint: str, moment: dt.datetime, errors: Sequence[dict[str, Any]], reason: str | None
) -> dict[str, Any]:
    return {
        "type": "reload-failed",
        "time": timestamp(moment),
        "fingerprint": fingerprint,
        "diagnostics": list(errors),
        "reason": reason,
    }


def encoded(line: Mapping[str, Any]) -> str:
    return json.dumps(line, ensure_ascii=False, separators=(",", ":"), default=repr) + "\n"


class DecisionLog:
    """A JSON-lines file (or standard output for `-`), appended to whole lines at a time.

    The file is written unbuffered, each request's lines in one call (repeated only for what a
    full disk left unwritten). A write that fails is raised, and kept as `problem` until one
    succeeds; the next write starts on a new line, so a line cut by a full disk stays apart
    from the whole ones after it."""

    def __init__(self, target: str | None) -> None:
        self.target = target
        self._lock = threading.Lock()
        self._file: IO[bytes] | None = None
        self._closed = False
        self._cut = False
        #: why the last write failed, until one succeeds
        self.problem: str | None = None
        #: decision lines written since the log was made
        self.written = 0

    def open(self) -> None:
        with self._lock:
            self._closed = False
            if self._file is None:
                self._file = self._opened()

    def _opened(self) -> IO[bytes] | None:
        if self.target is None:
            return None
        if self.target == STDOUT:
            return sys.stdout.buffer
        return open(self.target, "ab", buffering=0)

    def write(self, lines: Sequence[Mapping[str, Any]]) -> None:
        """Lines written and handed to the system before returning; an `OSError` when they
        could not be (a full disk, a file gone read-only)."""
        if self.target is None or not lines:
            return
        data = "".join(encoded(line) for line in lines).encode("utf-8")
        with self._lock:
            if self._closed:
                return
            try:
                if self._file is None:  # an ASGI server that runs no lifespan
                    self._file = self._opened()
                assert self._file is not None
                _write_all(self._file, b"\n" + data if self._cut else data)
            except OSError as exc:
                self._cut = True
                self.problem = exc.strerror or str(exc)
                raise
            self._cut = False
            self.problem = None
            self.written += sum(1 for line in lines if line.get("type") == "decision")

    def reopen(self, first: Sequence[Mapping[str, Any]] = ()) -> None:
        """Close and open the file again (logrotate moved it), then write `first` to it."""
        with self._lock:
            self._close()
            self._closed = False
            self._file = self._opened()
        self.write(first)

    def close(self) -> None:
        with self._lock:
            self._close()
            self._closed = True

    def _close(self) -> None:
        file, self._file = self._file, None
        if file is None:
            return
        if file is sys.stdout.buffer:
            file.flush()
        else:
            file.close()


def _write_all(file: IO[bytes], data: bytes) -> None:
    view = memoryview(data)
    while view:
        count = file.write(view)
        if not count:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[count:]
    file.flush()
