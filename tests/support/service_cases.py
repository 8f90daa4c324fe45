"""The service tests' cases: two versions of one policy that decide a shift differently (so
an answer shows which policy made it), a policy with an error, an employee and two shifts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules"
V1 = EXAMPLE.read_text(encoding="utf-8")
#: the same policy, where remote work needs a "very good" performance: SARI is denied by it
V2 = V1.replace('version "2025.1"', 'version "2025.2"').replace(
    'at least "good"', 'at least "very good"'
)
BROKEN = V1.replace("rule R7: employees may be on-site.", "rule R7: employees may be on-site")

SARI: dict[str, Any] = {
    "id": "E-042",
    "name": "Sari",
    "role": "clerk",
    "job type": "administration",
    "performance": "good",
    "position start": "2019-08-01",
    "on probation": False,
    "under sanction": False,
}
HOME = {"start": "2025-07-07T08:00", "end": "2025-07-07T16:00", "location": "home"}
OFFICE = {"start": "2025-07-08T08:00", "end": "2025-07-08T16:00", "location": "office"}


def write(path: Path, text: str) -> None:
    """Replace the file whole (a new file renamed over the old), as editors and deploys do."""
    fresh = path.with_name(path.name + ".new")
    fresh.write_text(text, encoding="utf-8")
    fresh.replace(path)
