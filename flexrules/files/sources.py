"""A data file's bytes, read with bounds: a regular file or standard input (`-`), at most a size
cap (`DEFAULT_MAX_SIZE`, 50 MiB, unless `size_limit` raises it). A folder, a named pipe (FIFO),
a device or a socket named as a data file is refused with a message naming it: such a file could
block forever (a FIFO with no writer) or never end (`/dev/zero`, `/dev/urandom`), and it is
never opened for a blocking read.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from ..core.messages import Text

#: the path that names standard input
STDIN = "-"
#: the most bytes a data file (or standard input) may hold unless `size_limit` says otherwise
DEFAULT_MAX_SIZE = 50 * 1024 * 1024

_max_size: ContextVar[int] = ContextVar("flexrules_max_file_size", default=DEFAULT_MAX_SIZE)


class SourceProblem(Exception):
    """A data file that cannot be read; the message says why (the caller names the file), as
    a catalog text."""

    def __init__(self, problem: str | Text) -> None:
        super().__init__(str(problem))
        self.problem = problem


@contextlib.contextmanager
def size_limit(max_size: int) -> Iterator[None]:
    """Within the block, the readers of `flexrules.files` accept data files of up to
    `max_size` bytes (standard input too)."""
    if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 1:
        raise ValueError(f"a size limit is a positive number of bytes, not {max_size!r}")
    token = _max_size.set(max_size)
    try:
        yield
    finally:
        _max_size.reset(token)


def max_size() -> int:
    """The size cap in force: `DEFAULT_MAX_SIZE` or what `size_limit` set."""
    return _max_size.get()


def size_text(size: int) -> str:
    """`50 MiB`, `1.5 KiB`, `300 bytes`: a size as messages say it."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            amount = f"{size / scale:.1f}".removesuffix(".0")
            return f"{amount} {unit}"
    return f"{size} byte{'' if size == 1 else 's'}"


def is_stdin(path: str | Path) -> bool:
    """Whether a path names standard input: the text `-` (a `Path("-")` is a file named -)."""
    return isinstance(path, str) and path == STDIN


#: O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one (the
#: file is then refused for what it is); it changes nothing for a regular file
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file or of standard input, at most `max_size()` of them.
    Raises `SourceProblem` for anything else, or for more bytes than that."""
    limit = max_size()
    if is_stdin(path):
        return _capped(_stdin_reader().read(limit + 1), limit)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise SourceProblem(Text("input.source.missing")) from None
    except OSError as exc:  # a socket cannot be opened; say what it is
        raise SourceProblem(_what_is_there(path) or _cannot(exc)) from None
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind is not None:
            raise SourceProblem(_NOT_A_FILE[kind])
        if info.st_size > limit:
            raise SourceProblem(_too_large(limit))
        with open(fd, "rb", closefd=False) as file:
            return _capped(file.read(limit + 1), limit)
    except OSError as exc:
        raise SourceProblem(_cannot(exc)) from None
    finally:
        os.close(fd)


_KIND_NAMES = {
    "folder": "a folder",
    "fifo": "a named pipe (FIFO)",
    "device": "a device",
    "socket": "a socket",
    "other": "not a regular file",
}


def special_kind(path: str | Path) -> str | None:
    """What a path is when it is not a regular file (`a folder`, `a named pipe (FIFO)`, `a
    device`, `a socket`), without opening it; None for a regular file or no file at all."""
    try:
        kind = _kind(os.stat(path).st_mode)
    except OSError:
        return None
    return None if kind is None else _KIND_NAMES[kind]


def _what_is_there(path: str | Path) -> Text | None:
    """Why a path that could not be opened is not a data file, when it is not a file."""
    try:
        kind = _kind(os.stat(path).st_mode)
    except OSError:
        return None
    return None if kind is None else _NOT_A_FILE[kind]


def _cannot(exc: OSError) -> Text:
    return Text("input.source.cannot", reason=str(exc.strerror or exc))


def _stdin_reader() -> Any:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        raise SourceProblem(Text("input.source.stdin_closed"))
    return buffer


_ONLY = Text("input.source.only")
_NOT_A_FILE = {
    "folder": Text("input.source.folder"),
    "fifo": Text("input.source.fifo", only=_ONLY),
    "device": Text("input.source.device", only=_ONLY),
    "socket": Text("input.source.socket", only=_ONLY),
    "other": Text("input.source.other", only=_ONLY),
}


def _kind(mode: int) -> str | None:
    """What a file is when it is not a regular file; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def _capped(data: bytes, limit: int) -> bytes:
    if len(data) > limit:
        raise SourceProblem(_too_large(limit))
    return data


def _too_large(limit: int) -> Text:
    return Text("input.source.too_large", limit=size_text(limit))
