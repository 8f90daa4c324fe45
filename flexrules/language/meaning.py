"""A digest of what a policy means: its declarations as syntax trees, in order, with spans and
comments set aside (they take no part in the trees' equality or repr), and the `holidays`
version its calendar comes from. Two texts laid out differently, or commented differently,
that parse to equal trees have the same digest; `flexrules fmt` keeps it (SETTLED.md), while
the `fingerprint`, a digest of the text, changes with any edit."""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from typing import Any

import attrs

from . import ast


def meaning_digest(files: Iterable[ast.PolicyFile], calendar_version: str) -> str:
    digest = hashlib.sha256()
    for file in files:
        for declaration in file.declarations:
            digest.update(repr(canonical(declaration)).encode("utf-8") + b"\0")
    digest.update(f"holidays {calendar_version}".encode())
    return "sha256:" + digest.hexdigest()


def canonical(value: Any) -> Any:
    """A node as plain tuples of the fields its equality compares (so no span, no phrase as
    written, no file language): two trees that compare equal give equal values."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return (
            type(value).__name__,
            *(canonical(getattr(value, f.name)) for f in fields if f.eq),
        )
    if isinstance(value, tuple):
        return tuple(canonical(item) for item in value)
    if isinstance(value, enum.Enum):
        return value.value
    return value
