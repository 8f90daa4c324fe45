"""POLICY given more than once, or as a folder of versions: a set of versions (DATA.md §5)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..core.errors import PolicyError
from ..core.messages import Listing
from ..policy import Policy
from ..versions import PolicySet, load_policies, version_folders
from .common import UsageError, load_for_check, policy_problem, print_policy_errors

POLICIES_HELP = (
    "a .rules file or a folder; repeat it (or give a folder whose subfolders each hold a "
    "version with `effective from`) for versions of a policy that change on a date"
)


def load_versions_for_check(
    paths: Sequence[str], language: str | None = None
) -> Policy | PolicySet | None:
    """One policy as before, or the set of versions the paths hold; None after printing the
    diagnostics to stderr."""
    problems = [p for p in (policy_problem(path) for path in paths[1:]) if p is not None]
    if problems:
        raise UsageError(Listing(problems, "; "))
    if len(paths) == 1 and version_folders(Path(paths[0])) is None:
        return load_for_check(paths[0], language)
    try:
        return load_policies(paths)
    except PolicyError as exc:
        print_policy_errors(", ".join(paths), exc, language)
        return None
