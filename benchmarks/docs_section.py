"""Writing one benchmark's figures into docs/performance.md, leaving the other sections alone."""

from __future__ import annotations

from pathlib import Path

PERFORMANCE = Path(__file__).resolve().parent.parent / "docs" / "performance.md"


def write_section(path: Path, heading: str, body: str) -> None:
    """Replace (or add) one `## ` section of a Markdown file."""
    current = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    out: list[str] = []
    skipping = replaced = False
    for line in current.splitlines():
        if line.startswith("## "):
            skipping = line.strip() == heading
            if skipping:
                out.extend([heading, "", body, ""])
                replaced = True
                continue
        if not skipping:
            out.append(line)
    if not replaced:
        out.extend(["", heading, "", body, ""])
    path.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")
