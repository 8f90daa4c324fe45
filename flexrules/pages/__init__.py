"""HTML pages people look at: the roster report as a picture (`roster_page`) and the policy as
a page (`policy_page`). One self-contained file each: CSS and script inline, no network.

A stage of its own between the command line (and the service) and the library: it reads a
`RosterReport` or a `Policy` and renders templates shipped in the wheel (`templates/`,
`assets/`) with Jinja2, which the `pages` extra installs. Every text from a policy or a roster
is escaped."""

from __future__ import annotations

from .policy_view import policy_errors_page, policy_page
from .render import INSTALL_HINT, PagesUnavailable, available
from .roster_view import roster_page
from .ui_view import decide_page, roster_upload_page, ui_policy_page

__all__ = [
    "INSTALL_HINT",
    "PagesUnavailable",
    "available",
    "decide_page",
    "policy_errors_page",
    "policy_page",
    "roster_page",
    "roster_upload_page",
    "ui_policy_page",
]
