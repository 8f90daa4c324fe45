"""Time zones: IANA names and the Indonesian aliases WIB, WITA and WIT."""

from __future__ import annotations

import zoneinfo

from ..core.memory import remembered

ZONE_ALIASES = {"wib": "Asia/Jakarta", "wita": "Asia/Makassar", "wit": "Asia/Jayapura"}


@remembered(64)
def zone(name: str) -> zoneinfo.ZoneInfo:
    """An IANA zone or one of the Indonesian aliases WIB, WITA, WIT (any case)."""
    return zoneinfo.ZoneInfo(ZONE_ALIASES.get(name.casefold(), name))


def canonical_zone_name(name: str) -> str:
    """The IANA name of a zone given by name or alias."""
    return ZONE_ALIASES.get(name.casefold(), name)
