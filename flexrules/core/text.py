"""Text from input made safe to show: ids, names and values that reach explanations, reports
and messages may hold terminal escape codes or invisible characters."""

from __future__ import annotations


def printable(text: str) -> str:
    """`text` with every control, format, private-use or unassigned character (and any space but
    the ASCII one) escaped as `\\x1b`, `\\u202e`: it shows instead of acting on the reader's
    terminal, reordering the line or hiding."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


def _escaped(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
