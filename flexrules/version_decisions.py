"""The answers of a set of versions (`versions.PolicySet`, DATA.md §5): a version's decision
naming its version (`VersionedDecision`, its reasons `VersionedReason`), a shift cut at a
change of version with each part decided by its own (`SplitDecision`), and `decide_many`'s
batch of them. The set is passed in, not imported: this module is `versions`' helper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .core.messages import Text, say
from .engine.alternatives import local_text
from .engine.decision import Decision, Reason
from .engine.facts import Shift
from .policy import Policy


class VersionedDecision:
    """A `Decision` by one version of a set, or a denial on a day none is in force: the same
    attributes, with each reason naming the version and `explain()` saying which decided."""

    __slots__ = ("_decision", "_set", "version")

    def __init__(self, decision: Decision, version: Policy | None, owner: Any) -> None:
        self._decision = decision
        #: the version that decided, or None on a day no version is in force
        self.version = version
        self._set = owner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._decision, name)

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def allowed(self) -> bool:
        return self.version is not None and self._decision.allowed

    @property
    def decision(self) -> Decision:
        """The version's own decision (the gap policy's on a day none is in force)."""
        return self._decision

    def __repr__(self) -> str:
        return f"<VersionedDecision {'allowed' if self.allowed else 'denied'} {self.reasons!r}>"

    @property
    def reasons(self) -> tuple[VersionedReason, ...]:
        return tuple(VersionedReason(r, self) for r in self._decision.reasons)

    def reason_text(self, reason: Text) -> Text:
        """A reason's words with the version named, or why no version decided."""
        if self.version is None:
            return Text("version.none", name=self._set.name, day=self._decision.start.date())
        if not self._set.names_versions:
            return reason
        return Text("version.reason", reason=reason, version=self.version.version or "")

    def explain(self, language: str | None = None) -> str:
        chosen = self._decision._language(language)
        lines = self._decision.explain(chosen).split("\n")
        if self.version is None:
            extra = say(
                "explain.default",
                chosen,
                span=self._decision.span_text(
                    self._decision.start_seconds, self._decision.end_seconds
                ),
                outcome=Text("run.denied"),
                message=self.reason_text(Text("run.denied")),
            )
            return "\n".join([lines[0], extra])
        return str(self._set.explained(self.version, "\n".join(lines), chosen))

    def to_dict(
        self,
        *,
        policy: bool = True,
        pieces: bool = True,
        language: str | None = None,
        alternatives: bool = False,
    ) -> dict[str, Any]:
        chosen = self._decision._language(language)
        found = self._decision.to_dict(
            policy=policy,
            pieces=False,
            language=chosen,
            alternatives=alternatives and self.version is not None,
        )
        found["allowed"] = self.allowed
        if self._set.names_versions:  # a lone policy's answers are its own (`LoneVersion`)
            found["version"] = self.version.version if self.version is not None else None
            if policy:
                found["policy"] = dict(found["policy"]) | {"set": self._set.fingerprint}
        elif policy and self.version is None:  # the gap's own metadata is not the policy's
            found["policy"] = self._set.metadata()
        found["reasons"] = [r.to_dict(chosen) for r in self.reasons]
        if pieces:
            found["pieces"] = [
                {
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "allowed": allowed and self.version is not None,
                    "reasons": [VersionedReason(r, self).to_dict(chosen) for r in reasons],
                }
                for start, end, allowed, reasons in self._decision.pieces()
            ]
        return found


class VersionedReason:
    """A version's reason, with the version named in its message."""

    __slots__ = ("_decision", "_reason")

    def __init__(self, reason: Reason, decision: VersionedDecision) -> None:
        self._reason = reason
        self._decision = decision

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reason, name)

    @property
    def effect(self) -> str:
        return "deny" if self._decision.version is None else self._reason.effect

    @property
    def rule(self) -> str | None:
        return None if self._decision.version is None else self._reason.rule

    @property
    def message_text(self) -> Text:
        return self._decision.reason_text(self._reason.message_text)

    @property
    def message(self) -> str:
        return self.message_for(None)

    def message_for(self, language: str | None) -> str:
        chosen = self._decision._decision._language(language)
        return self.message_text.render(chosen)

    def to_dict(self, language: str | None = None) -> dict[str, Any]:
        found = self._reason.to_dict(language)
        found["message"] = self.message_for(language)
        found["effect"] = self.effect
        return found

    def __repr__(self) -> str:
        version = self._decision.version
        label = f"version {version.version!r}" if version is not None else "no version"
        return f"<Reason {self.effect} {self.rule or 'default'} ({label})>"


class VersionedBatch(Sequence[Any]):
    """The decisions of `PolicySet.decide_many`, in the order of its pairs."""

    __slots__ = ("_items",)

    def __init__(self, items: list[Any]) -> None:
        self._items = items

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: Any) -> Any:
        return self._items[index]

    @property
    def allowed(self) -> tuple[bool, ...]:
        """Per pair, whether the shift is allowed."""
        return tuple(d.allowed for d in self._items)

    @property
    def rules(self) -> tuple[tuple[str | None, ...], ...]:
        """Per pair, the ids of the rules behind its decision (None for the default)."""
        return tuple(tuple(r.rule for r in d.reasons) for d in self._items)


class SplitDecision:
    """A shift across a change of version (DATA.md §5): cut at the midnight where the version
    changes, each part decided by the version in force on its local day (`parts`, each a
    `VersionedDecision`), put together as the engine puts pieces together: allowed when every
    part is, the reasons of the parts that decide the outcome, each naming its version."""

    __slots__ = ("_probe", "_set", "parts")

    def __init__(self, probe: Decision, parts: tuple[VersionedDecision, ...], owner: Any) -> None:
        self._probe = probe  # the whole shift, read by the latest version: its times
        #: each part, in time order, decided by its version (or denied on a day with none)
        self.parts = parts
        self._set = owner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._probe, name)

    def __bool__(self) -> bool:
        return self.allowed

    def __repr__(self) -> str:
        return f"<SplitDecision {'allowed' if self.allowed else 'denied'} {self.reasons!r}>"

    @property
    def allowed(self) -> bool:
        return all(part.allowed for part in self.parts)

    @property
    def version(self) -> Policy | None:
        """The version in force on the shift's first local day (None if none is)."""
        return self.parts[0].version

    @property
    def versions(self) -> tuple[Policy | None, ...]:
        """The version of each part, in time order."""
        return tuple(part.version for part in self.parts)

    @property
    def decision(self) -> Decision:
        """The first part's own decision."""
        return self.parts[0].decision

    @property
    def reasons(self) -> tuple[VersionedReason, ...]:
        """For a denied shift, the reasons of every denied part; for an allowed one, of every
        part: each naming its version."""
        wanted = self.allowed
        return tuple(r for part in self.parts if part.allowed is wanted for r in part.reasons)

    @property
    def warnings(self) -> tuple[Any, ...]:
        """Every part's warnings, each once."""
        seen: dict[tuple[Any, ...], Any] = {}
        for part in self.parts:
            for warning in part.warnings:
                seen.setdefault((warning.code, warning.message, warning.field), warning)
        return tuple(seen.values())

    def pieces(self) -> list[tuple[dt.datetime, dt.datetime, bool, tuple[Any, ...]]]:
        """Every run of pieces of every part, with its reasons naming the part's version."""
        return [
            (start, end, allowed and part.version is not None, tuple(reasons))
            for part in self.parts
            for start, end, allowed, reasons in part.decision.pieces()
        ]

    def alternatives(self, limit: int | None = 10) -> tuple[Any, ...]:
        """What each denied part's version would allow instead of that part (each part is
        the shift on one version's days)."""
        return tuple(a for part in self.parts if not part.allowed for a in part.alternatives(limit))

    def explain_alternatives(self, language: str | None = None) -> str:
        """Each denied part's alternatives, as its version gives them; empty when allowed."""
        return "\n".join(
            part.explain_alternatives(language) for part in self.parts if not part.allowed
        )

    def headline_text(self) -> Text:
        found = self._probe.headline_text()
        outcome = Text("decision.allowed" if self.allowed else "decision.denied")
        return Text(found.key, **{**found.args, "outcome": outcome})

    def headline(self, language: str | None = None) -> str:
        return self.headline_text().render(self._probe._language(language))

    def explain(self, language: str | None = None) -> str:
        """The headline, then each part as its version explains it."""
        chosen = self._probe._language(language)
        lines = [self.headline_text().render(chosen)]
        for part in self.parts:
            lines += part.explain(chosen).split("\n")[1:]
        return "\n".join(lines)

    def to_dict(
        self,
        *,
        policy: bool = True,
        pieces: bool = True,
        language: str | None = None,
        alternatives: bool = False,
    ) -> dict[str, Any]:
        """As `VersionedDecision.to_dict`, with `version` that of the first day, `versions`
        each part's, and the parts' pieces."""
        chosen = self._probe._language(language)
        found = self._probe.to_dict(policy=policy, pieces=False, language=chosen)
        found["allowed"] = self.allowed
        found["version"] = self.version.version if self.version is not None else None
        found["versions"] = [v.version if v is not None else None for v in self.versions]
        if policy:
            first = self.parts[0].to_dict(pieces=False, language=chosen)
            found["policy"] = first["policy"]
        found["reasons"] = [r.to_dict(chosen) for r in self.reasons]
        found["warnings"] = [w.to_dict(chosen) for w in self.warnings]
        if pieces:
            found["pieces"] = [
                piece
                for part in self.parts
                for piece in part.to_dict(policy=False, language=chosen)["pieces"]
            ]
        if alternatives:
            found["alternatives"] = [a.to_dict(chosen) for a in self.alternatives()]
        return found


def part_of_shift(shift: Any, start: int, end: int) -> Any:
    """The shift as given, with its times replaced by [start, end) in local seconds (naive
    local times, read on the same clock as the shift was): a part of it, with its facts."""
    times = {"start": local_text(start), "end": local_text(end)}
    if isinstance(shift, Shift):
        return attrs.evolve(shift, **times)
    if isinstance(shift, Mapping):
        return {**shift, **times}
    return _PartShift(shift, times["start"], times["end"])


class _PartShift:
    """A shift object with other times: every other attribute read from the shift."""

    def __init__(self, shift: Any, start: str, end: str) -> None:
        self._shift = shift
        self.start = start
        self.end = end

    def __getattr__(self, name: str) -> Any:
        return getattr(self._shift, name)


def days_text(policy: Policy) -> Text:
    """The days a version is in force, as messages say it: `from Thu 2025-07-03 until ...`,
    `on every day`."""
    start, end = policy.effective_from, policy.effective_until
    if start is None:
        return Text("version.days.always")
    if end is None:
        return Text("version.days.from", start=start)
    return Text("version.days.between", start=start, end=end)
