"""Policy sources: `.rules` files, folders of them, texts and bytes, read into source files.

Reading never fails on content: invalid UTF-8, a file too large or a policy too large is a
diagnostic, so every problem of a policy is reported together with the checks' findings. What
a caller passes that is no policy at all (a number for a text, a name that is not text) is a
`TypeError` that names it.

Sizes are bounded before anything is parsed: a file may have at most `MAX_FILE_CHARS`
characters, and a policy, one file or a folder of them, at most `MAX_POLICY_CHARS` in all, so
the work and memory of compiling a policy are bounded whatever is given.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..core.diagnostics import Diagnostic, Severity, error
from ..core.messages import Text, Thousands
from ..core.source import SourceFile, Span, clean_text
from .parser import MAX_FILE_CHARS, TOO_LARGE_HINT

#: The most characters a policy may have, all its files together: as much as one file may.
#: Compiling takes about 120 bytes of memory per character of policy text, so this keeps a
#: policy under about 300 MB and a minute of work.
MAX_POLICY_CHARS = MAX_FILE_CHARS
#: UTF-8 takes at most four bytes a character: more bytes than this cannot be few enough.
_MAX_FILE_BYTES = MAX_FILE_CHARS * 4


def decode(name: str, data: bytes) -> tuple[SourceFile, list[Diagnostic]]:
    """Bytes to a source file; invalid UTF-8 is a diagnostic at the first bad byte."""
    if len(data) > _MAX_FILE_BYTES:
        source = SourceFile(name, "")
        return source, [
            error(
                "file-too-large",
                Text(
                    "diag.file_too_large",
                    bytes=Thousands(_MAX_FILE_BYTES),
                    chars=Thousands(MAX_FILE_CHARS),
                ),
                Span(source, 0, 0),
                hint=TOO_LARGE_HINT,
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8")
        source = SourceFile(name, good + data[exc.start :].decode("utf-8", errors="replace"))
        return source, [
            error(
                "invalid-utf8",
                Text("diag.invalid_encoding", byte=f"0x{data[exc.start]:02x}"),
                Span(source, len(good), len(good) + 1),
                hint=Text("diag.invalid_encoding.hint"),
            )
        ]
    return SourceFile(name, clean_text(text)), []


def sources_from_mapping(
    texts: Mapping[str, str | bytes],
) -> tuple[list[SourceFile], list[Diagnostic]]:
    """Source files from file names and their texts (str) or contents (bytes), in name order.

    Raises `TypeError`, naming the entry, for a name that is not text or a value that is
    neither str nor bytes."""
    given = _checked_entries(texts)
    too_large = _policy_too_large(given, _folder_of(name for name, _ in given))
    if too_large is not None:
        return [], [too_large]
    sources: list[SourceFile] = []
    diagnostics: list[Diagnostic] = []
    for name, value in given:
        if isinstance(value, bytes):
            source, found = decode(name, value)
            diagnostics.extend(found)
            if found:  # undecodable text would only add noise to the real problem
                continue
        else:
            source = SourceFile(name, clean_text(value))
        sources.append(source)
    return sources, diagnostics


def _checked_entries(texts: Mapping[str, str | bytes]) -> list[tuple[str, str | bytes]]:
    """The mapping's entries in name order, each name a plain str, each value str or bytes."""
    entries: list[tuple[str, str | bytes]] = []
    for name, value in texts.items():
        if not isinstance(name, str):
            raise TypeError(
                f"policy file names must be text (str), not {type(name).__name__}: {name!r:.80}"
            )
        if not isinstance(value, (str, bytes)):
            raise TypeError(
                f"the policy file {name!r:.80} is given as {type(value).__name__}; give its "
                "text as str, or its contents as bytes"
            )
        # plain str and bytes: a subclass's own methods (a hash that raises) never run here
        plain = bytes(value) if isinstance(value, bytes) else str.__str__(value)
        entries.append((str.__str__(name), plain))
    entries.sort(key=lambda entry: entry[0])
    return entries


def _policy_too_large(
    entries: list[tuple[str, str | bytes]], where: str | None
) -> Diagnostic | None:
    """A diagnostic when the files together hold more than `MAX_POLICY_CHARS` characters
    (bytes of UTF-8 counted as the characters they make, at most one each)."""
    if len(entries) < 2:
        return None  # one file is held to the same limit by `file-too-large`
    total = 0
    for _, value in entries:
        if isinstance(value, bytes):
            total += _characters_in(value)
        else:
            total += len(value)
    if total <= MAX_POLICY_CHARS:
        return None
    return Diagnostic(
        Severity.ERROR,
        "policy-too-large",
        Text(
            "diag.policy_too_large.chars",
            files=Thousands(len(entries)),
            total=Thousands(total),
            most=Thousands(MAX_POLICY_CHARS),
        ),
        None,
        hint=TOO_LARGE_HINT,
        file_name=where,
    )


def _characters_in(data: bytes) -> int:
    """How many characters UTF-8 bytes make (a bad byte counts as one)."""
    if len(data) > _MAX_FILE_BYTES:
        return len(data)  # too large to count, and too large in any case
    return len(data.decode("utf-8", errors="replace"))


def _folder_of(names: Iterable[str]) -> str | None:
    """The folder the named files share, if they share one."""
    try:
        common = os.path.commonpath([os.path.dirname(name) or "." for name in names])
    except ValueError:  # absolute and relative names mixed, or different drives
        return None
    return common if common not in ("", ".") else None


def read_path(path: str | Path) -> tuple[list[SourceFile], list[Diagnostic]]:
    """A `.rules` file, or a folder whose `.rules` files (searched recursively) form one policy.

    Raises `TypeError` for a path that is not a str or `os.PathLike`, and FileNotFoundError
    when nothing is there. Reads at most as many bytes as a policy may have."""
    root = _as_path(path)
    if root.is_dir():
        files = sorted(p for p in root.rglob("*.rules") if p.is_file())
        # each file named as the folder was given, so that a person can open it from where
        # they ran the command: `policies/2025-07/rules.rules` for `policies`
        given = os.fspath(path)
        names = {p: os.path.normpath(os.path.join(given, p.relative_to(root))) for p in files}
    elif root.is_file():
        files = [root]
        names = {root: os.fspath(path)}
    elif root.exists():  # a FIFO, a device, a socket: never read (it could block or not end)
        raise FileNotFoundError(
            f"{os.fspath(path)!r} is {_kind_of(root)}, not a policy file or folder"
        )
    else:
        raise FileNotFoundError(f"no policy file or folder at {os.fspath(path)!r}")
    if not files:
        return [], [
            Diagnostic(
                Severity.ERROR,
                "no-policy-files",
                Text("diag.no_policy_files", path=os.fspath(path)),
                None,
                hint=Text("diag.no_policy_files.hint"),
                file_name=os.fspath(path),
            )
        ]
    too_large = _folder_too_large(files, _folder_of(names.values()))
    if too_large is not None:
        return [], [too_large]
    return sources_from_mapping({names[file]: _read(file) for file in files})


def _kind_of(path: Path) -> str:
    """What a path that is neither a file nor a folder is, in words."""
    mode = path.stat().st_mode
    for test, words in (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return words
    return "not a regular file"


def _as_path(path: object) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(
            "load_policy takes the path (str or os.PathLike) of a .rules file or a folder, "
            f"not {type(path).__name__}"
        )
    text = os.fspath(path)
    if not isinstance(text, str):
        raise TypeError(f"a policy path must be text (str), not {type(text).__name__}")
    if not text or "\0" in text:
        raise FileNotFoundError(f"no policy file or folder at {text!r}")
    return Path(text)


def _folder_too_large(files: list[Path], folder: str | None) -> Diagnostic | None:
    """Refuse a folder whose files are too large together before reading them: their sizes
    on disk bound the characters they can hold."""
    if len(files) < 2:
        return None
    size = sum(file.stat().st_size for file in files)
    if size <= MAX_POLICY_CHARS:
        return None  # however it decodes, no more characters than bytes
    if size > MAX_POLICY_CHARS * 4:
        return Diagnostic(
            Severity.ERROR,
            "policy-too-large",
            Text(
                "diag.policy_too_large.bytes",
                files=Thousands(len(files)),
                total=Thousands(size),
                most=Thousands(MAX_POLICY_CHARS),
            ),
            None,
            hint=TOO_LARGE_HINT,
            file_name=folder,
        )
    return None  # counted in characters once read


def _read(file: Path) -> bytes:
    """A file's bytes, at most one more than a policy file may have (enough to say so)."""
    with file.open("rb") as stream:
        return stream.read(_MAX_FILE_BYTES + 1)
