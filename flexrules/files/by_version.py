"""Which policy types a file's rows (DATA.md §5): one policy types every row; a set of
versions (`flexrules.PolicySet`) types each row by the version in force on the row's day (an
employee row's `valid from`, else its `valid until`; a change's `from`; a shift's start; an
absence's first day). An attribute that version does not declare is typed by the latest
version that does; a row without a day, or on a day no version is in force, by the latest.

The readers take a `Policy` or a set as `Typed`; the set is known here only by its
`members` (it lives above this layer).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Protocol

from ..core.messages import Text
from ..policy import AttributeInfo, Policy
from .cells import column_key


class Versioned(Protocol):
    """A set of versions as the readers see it (`flexrules.PolicySet`)."""

    @property
    def members(self) -> tuple[Policy, ...]: ...

    @property
    def timezone(self) -> str: ...


#: what the readers type a file's values by
Typed = Policy | Versioned


class Typing:
    """The attributes and absence kinds of the version in force on a row's day."""

    def __init__(self, policy: Typed) -> None:
        self.members: tuple[Policy, ...] = (
            (policy,) if isinstance(policy, Policy) else tuple(policy.members)
        )
        self.latest = self.members[-1]
        #: whether rows are typed by their day (a set of more than one version)
        self.by_day = len(self.members) > 1
        self._every: dict[str, dict[str, AttributeInfo]] = {}
        self._on: dict[tuple[int, str], dict[str, AttributeInfo]] = {}

    def on(self, day: dt.date | None) -> Policy:
        """The version in force on `day`; the latest without a day or on a day with none."""
        if day is not None and self.by_day:
            for member in self.members:
                if member.in_force(day):
                    return member
        return self.latest

    def attributes(self, owner: str) -> dict[str, AttributeInfo]:
        """Every version's attributes of `owner` by column key, each the latest version's
        that declares it."""
        found = self._every.get(owner)
        if found is None:
            found = {
                column_key(a.name): a
                for member in self.members
                for a in member.attributes
                if a.owner == owner
            }
            self._every[owner] = found
        return found

    def attributes_on(self, owner: str, day: dt.date | None) -> dict[str, AttributeInfo]:
        """The attributes of `owner` as the version in force on `day` declares them, with
        those it does not declare as the latest version that does."""
        if day is None or not self.by_day:
            return self.attributes(owner)
        member = self.on(day)
        key = (id(member), owner)
        found = self._on.get(key)
        if found is None:
            own = {column_key(a.name): a for a in member.attributes if a.owner == owner}
            found = {**self.attributes(owner), **own}
            self._on[key] = found
        return found

    def named(self, problem: str | Text, day: dt.date | None) -> str | Text:
        """A bad cell's problem, naming the version that typed it when a set typed it by the
        row's day (`"digital" is not one of ... (version "1", in force on ...)`)."""
        if day is None or not self.by_day:
            return problem
        member = self.on(day)
        if not member.in_force(day):
            return problem
        return Text("version.cell", problem=problem, version=member.version or "", day=day)

    def absence_kinds(self, day: dt.date | None) -> Mapping[str, bool] | None:
        """The absence kinds of the version in force on `day` (None: it declares none)."""
        return self.on(day).absence_kinds
