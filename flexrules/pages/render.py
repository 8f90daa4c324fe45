"""The page renderer: Jinja2 templates with every value escaped, and the page's CSS and script
read from files shipped in the wheel and put inline, so a page needs no network.

Jinja2 comes with the `pages` extra (`pip install 'flexrules[pages]'`); without it the pages
say how to install it (`PagesUnavailable`) instead of failing on an import."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from ..core.errors import Error

INSTALL_HINT = "pip install 'flexrules[pages]'"


class PagesUnavailable(Error):
    """HTML pages need Jinja2, which the `pages` extra installs."""

    def __init__(self) -> None:
        super().__init__(f"HTML pages need Jinja2, which is not installed: {INSTALL_HINT}")


def available() -> bool:
    """Whether pages can be rendered here (Jinja2 is installed)."""
    try:
        import jinja2  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def _environment() -> Any:
    try:
        import jinja2
    except ImportError:
        raise PagesUnavailable() from None
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("flexrules.pages", "templates"),
        autoescape=True,  # every value, whatever the template: policy and roster text is data
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["asset"] = _asset
    return environment


@functools.lru_cache(maxsize=8)
def _asset(name: str) -> Any:
    """A file of `assets/`, to put inline as it is (our own CSS or script, never data)."""
    from markupsafe import Markup

    text = resources.files("flexrules.pages").joinpath("assets").joinpath(name).read_text("utf-8")
    return Markup(text)  # a file shipped with flexrules, never input


def render(template: str, **context: Any) -> str:
    """The named template filled with `context`; every value escaped."""
    return str(_environment().get_template(template).render(**context))
