"""A digest of what a policy means: its declarations as syntax trees, in order, with spans and
comments set aside (they take no part in the trees' equality or repr), and the `holidays`
version its calendar comes from. Two texts laid out differently, or commented differently,
that parse to equal trees have the same digest; `flexrules fmt` keeps it (SETTLED.md), while
the `fingerprint`, a digest of the text, changes with any edit."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from . import ast


def meaning_digest(files: Iterable[ast.PolicyFile], calendar_version: str) -> str:
    digest = hashlib.sha256()
    for file in files:
        for declaration in file.declarations:
            digest.update(repr(declaration).encode("utf-8") + b"\0")
    digest.update(f"holidays {calendar_version}".encode())
    return "sha256:" + digest.hexdigest()
