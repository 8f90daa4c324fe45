"""The policy being served, swapped whole when its files change.

A request reads `holder.current` once and decides everything with that one policy, so its
answer names the fingerprint of the policy that decided it. The policy may be a set of
versions (`flexrules.PolicySet`, DATA.md §5): POLICY repeated, or a folder of versions; a
reload reads the whole set again and swaps it whole. A reload compiles the new policy
beside the old one; only a policy without errors replaces it (one assignment, atomic), and a
failed reload leaves the old one serving and is kept as `problem` for `/ready` to show.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..api import load_policy
from ..core.diagnostics import Diagnostic
from ..core.errors import Error, PolicyError
from ..policy import Policy
from ..versions import PolicySet, load_policies, version_folders

LOGGER = logging.getLogger("flexrules.service")
#: what a service serves: one policy, or a set of versions
Served = Policy | PolicySet


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@attrs.frozen
class Loaded:
    """A policy (or a set of versions) and when it was loaded."""

    policy: Served
    at: dt.datetime


@attrs.frozen
class Problem:
    """Why the last reload failed: the policy's diagnostics, or why its files could not be
    read (`reason`)."""

    at: dt.datetime
    diagnostics: tuple[Diagnostic, ...] = ()
    reason: str | None = None

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.is_error)


#: what a listener is told after each reload: the holder, and whether the reload succeeded
Listener = Callable[["PolicyHolder", bool], None]


class PolicyHolder:
    """The policy served from `path` (or the set of versions from several paths, or from a
    folder of versions), with `reload()` to read it again."""

    def __init__(
        self, path: str | Path | Sequence[str | Path], *, cache_size: int | None = None
    ) -> None:
        given = [path] if isinstance(path, (str, Path)) else list(path)
        #: every path served: one policy, or the versions of one
        self.paths: tuple[Path, ...] = tuple(Path(p) for p in given)
        self.path = self.paths[0]
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []
        #: the files as they were just before they were last read (`signature`)
        self.seen = self.signature()
        #: the policy serving now; read it once per request
        self.current = Loaded(self._load(), now())
        #: why the last reload failed, until one succeeds
        self.problem: Problem | None = None

    def signature(self) -> tuple[tuple[str, int, int, int], ...]:
        """What every path's files look like on disk (`signature`)."""
        return tuple(item for path in self.paths for item in signature(path))

    def _load(self) -> Served:
        """One policy, as `load_policy` reads it; or the set of versions the paths hold."""
        if len(self.paths) == 1 and version_folders(self.paths[0]) is None:
            return load_policy(self.paths[0], cache_size=self._cache_size)
        return load_policies(self.paths, cache_size=self._cache_size)

    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def reload(self) -> bool:
        """Compile the policy's files again; swap it in when it has no errors. True when the
        policy now serving is the files' (a new one, or the same text again)."""
        with self._lock:
            self.seen = self.signature()
            try:
                policy = self._load()
            except PolicyError as exc:
                self.problem = Problem(now(), diagnostics=exc.diagnostics)
            except (Error, OSError) as exc:
                self.problem = Problem(now(), reason=str(exc))
            else:
                self.problem = None
                if policy.fingerprint != self.current.policy.fingerprint:
                    self.current = Loaded(policy, now())  # the swap: one assignment
            ok = self.problem is None
            for listener in self._listeners:
                listener(self, ok)
            return ok


def signature(path: Path) -> tuple[tuple[str, int, int, int], ...]:
    """What the policy's files look like on disk (name, inode, size, modification time), to
    tell whether they changed since they were read; empty when they cannot be listed."""
    try:
        files = sorted(path.rglob("*.rules")) if path.is_dir() else [path]
        found = []
        for file in files:
            stat = file.stat()
            found.append((str(file), stat.st_ino, stat.st_size, stat.st_mtime_ns))
        return tuple(found)
    except OSError:
        return ()


class Watcher:
    """A thread that reloads the holder's policy when its files change (`watchfiles`: inotify
    on Linux, polling where there is none). A file is watched through its folder, so an editor
    that saves by replacing the file is seen too; and every `check_ms` the files' signature is
    compared with the one read, so a change made while the watch was being set up is not
    missed."""

    def __init__(self, holder: PolicyHolder, *, debounce_ms: int = 200, check_ms: int = 1000):
        self.holder = holder
        self.debounce_ms = debounce_ms
        self.check_ms = check_ms
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="flexrules-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        import watchfiles

        targets = [path.resolve() for path in self.holder.paths]
        folders = list(dict.fromkeys(t if t.is_dir() else t.parent for t in targets))

        def wanted(change: Any, path: str) -> bool:
            changed = Path(path)
            for target in targets:
                if (
                    target.is_dir()
                    and changed.suffix == ".rules"
                    and changed.is_relative_to(target)
                ):
                    return True
                if changed == target:
                    return True
            return False

        for _ in watchfiles.watch(
            *folders,
            watch_filter=wanted,
            debounce=self.debounce_ms,
            step=50,
            stop_event=self._stop,
            rust_timeout=self.check_ms,
            yield_on_timeout=True,
            raise_interrupt=False,
            recursive=any(target.is_dir() for target in targets),
        ):
            if self.holder.signature() == self.holder.seen:
                continue  # nothing changed (a timeout, or a file touched and put back)
            try:
                self.holder.reload()
            except Exception:  # a bug: the server's log says so, and the old policy serves on
                LOGGER.exception("reloading %s failed", self.holder.path)
