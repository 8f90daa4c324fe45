"""One catalog for every text a person reads (explanations, reports, diagnostics, command
output), in each language: entries by key with named placeholders, rendered from typed values
only when someone reads them.

    Text("limit.days.over", day=date, nth=Ordinal(3), ...).render("en")

Entries live in one module per area (`rosters`, ...), merged into `CATALOG`; a key is written
once. `tests/project/test_messages.py` holds every entry to the same placeholders in each
language and every key to a use.
"""

from __future__ import annotations

from .catalog import (
    CATALOG,
    COMPLETE,
    LANGUAGES,
    Code,
    Text,
    check_language,
    chosen_language,
    policy_text_in,
    say,
    shown,
    speak,
    speaking,
    spoken,
)
from .values import (
    AsWritten,
    Choices,
    Clock,
    Count,
    Date,
    Exact,
    Hours,
    Listing,
    Month,
    MonthName,
    Ordinal,
    Thousands,
    Week,
    Weekday,
    Zone,
)

__all__ = [
    "CATALOG",
    "COMPLETE",
    "LANGUAGES",
    "AsWritten",
    "Choices",
    "Clock",
    "Code",
    "Count",
    "Date",
    "Exact",
    "Hours",
    "Listing",
    "Month",
    "MonthName",
    "Ordinal",
    "Text",
    "Thousands",
    "Week",
    "Weekday",
    "Zone",
    "check_language",
    "chosen_language",
    "policy_text_in",
    "say",
    "shown",
    "speak",
    "speaking",
    "spoken",
]
