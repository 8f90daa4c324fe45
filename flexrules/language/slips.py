"""Common slips, recognised where a sentence fails to parse: each says what went wrong in the
author's terms and offers the words they probably meant.

The parser's own message (`expected ...; found ...`) is right but can mislead: `may not` is
not a modal, yet the nearest keyword to `not work from home` is `work from home`; after `work
from` the parser wants a date, though `work from the office` meant a place. Each recogniser
here looks at the text around the failure and returns a diagnostic, or None when the slip is
not its kind; `recognise` tries them in turn.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator

import attrs

from ..core.diagnostics import Diagnostic, error
from ..core.messages import Code, Text
from ..core.source import SourceFile, Span


@attrs.frozen
class Failure:
    """Where a sentence [start, end) stopped parsing: at [position, found_end), with the
    terminals the parser could have taken there."""

    source: SourceFile
    start: int
    end: int
    position: int
    found_end: int
    expected: frozenset[str]

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def found(self) -> str:
        return self.text[self.position : self.found_end]

    def span(self, start: int, end: int) -> Span:
        return Span(self.source, start, end)


Recogniser = Callable[[Failure], Diagnostic | None]

_ACTIVITIES = frozenset(
    {
        "BE_ON_SITE",
        "WORK_ON_SITE",
        "WORK_AT_THE_OFFICE",
        "WORK_FROM_HOME",
        "WORK_ANYWHERE",
        "WORK_REMOTELY",
        "WORK",
    }
)


# ---- words outside quotes ----------------------------------------------------------------

_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`\n]*`|#[^\n]*|[^\W\d_][\w\-\'’]*')


def _words(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The plain words of text[start:end]: not inside quotes, backquotes or comments."""
    for match in _TOKENS.finditer(text, start, end):
        if match.group()[0] not in '"`#':
            yield match


def _word_before(text: str, start: int, position: int) -> re.Match[str] | None:
    """The last plain word of the sentence before `position`."""
    last = None
    for last in _words(text, start, position):  # noqa: B007 - the last one is wanted
        pass
    return last


# ---- modals ------------------------------------------------------------------------------

#: Words authors write for a modal, and the modal they mean.
_MODAL_WORDS = {
    "cannot": "must not",
    "can't": "must not",
    "can": "may",
    "should": "must",
    "shall": "must",
    "might": "may",
}


def modal_slip(failure: Failure) -> Diagnostic | None:
    """`may not` (a rule forbids with `must not`), or `can`, `should`, `shall` for a modal."""
    text, found = failure.text, failure.found.casefold()
    if found == "not" and _ACTIVITIES & failure.expected:
        before = _word_before(text, failure.start, failure.position)
        if before is not None and before.group().casefold() == "may":
            return error(
                "syntax",
                Text("diag.slip.may_not", written="may not"),
                failure.span(before.start(), failure.found_end),
                hint=Text("diag.slip.may_not.hint"),
                suggestion="must not",
            )
    if "MUST" not in failure.expected:
        return None
    found_word = _modal_word(failure)
    if found_word is None:
        return None
    start, end, meant = found_word
    return error(
        "syntax",
        Text("diag.slip.may_not", written=" ".join(text[start:end].split())),
        failure.span(start, end),
        hint=Text("diag.did_you_mean", guess=meant),
        suggestion=meant,
    )


def _modal_word(failure: Failure) -> tuple[int, int, str] | None:
    """Words said for a modal, and the modal meant: where the modal should be, or read into
    the subject's name before it when an activity follows (`staff can work from home`).
    `can not`, `should not` mean `must not`."""
    words = list(_words(failure.text, failure.start, failure.end))
    for index, word in enumerate(words):
        if word.group().casefold() not in _MODAL_WORDS or word.start() > failure.position:
            continue
        following = words[index + 1] if index + 1 < len(words) else None
        after = following.group().casefold() if following is not None else ""
        if after == "not" and following is not None:
            return word.start(), following.end(), "must not"
        if word.start() == failure.position or after in ("work", "be"):
            return word.start(), word.end(), _MODAL_WORDS[word.group().casefold()]
    return None


# ---- activities --------------------------------------------------------------------------

_THE = r"(?:\s+the)?"
_END = r"(?![\w-])"
#: Activities written another way, and the activity meant.
_ACTIVITY_SLIPS = (
    (re.compile(rf"work\s+(?:from|in|at){_THE}\s+office{_END}", re.I), "work at the office"),
    (re.compile(rf"be\s+(?:in|at){_THE}\s+office{_END}", re.I), "be on-site"),
    (re.compile(rf"work\s+(?:in|at){_THE}\s+home{_END}", re.I), "work from home"),
    (re.compile(rf"work\s+(?:(?:on|at){_THE}\s+site|onsite){_END}", re.I), "work on-site"),
    (re.compile(rf"work\s+(?:from\s+)?remote(?:ly)?{_END}", re.I), "work remotely"),
)


def activity_slip(failure: Failure) -> Diagnostic | None:
    """`work from the office`, `work at home`, `work remote`: a place said another way."""
    text = failure.text
    for word in _words(text, failure.start, failure.found_end):
        if word.start() < failure.position - 40 or word.group().casefold() not in ("work", "be"):
            continue
        for pattern, meant in _ACTIVITY_SLIPS:
            match = pattern.match(text, word.start(), failure.end)
            if match and match.end() > failure.position:
                written = " ".join(match.group().split())
                return error(
                    "syntax",
                    Text("diag.slip.not_activity", written=written),
                    failure.span(match.start(), match.end()),
                    hint=Text("diag.did_you_mean", guess=meant),
                    suggestion=meant,
                )
    return None


# ---- times -------------------------------------------------------------------------------

#: A time written loosely: `7`, `7.30`, `7h30`, `0730`, `7am`, `7:30 pm`.
_LOOSE = r"\d{1,2}(?:[.:h]\d{2}|\d{2})?(?:\s*[ap]m)?"
_NOT_MORE = r"(?![\w:]|\.\d)"
_CLOCK = re.compile(rf"(\d{{1,2}})(?:[.:h](\d{{2}})|(\d{{2}}))?(?:\s*([ap])m)?{_NOT_MORE}", re.I)
_RANGE = re.compile(
    rf"(?P<a>{_LOOSE})\s*(?P<sep>[-–—]|to|until|till|and)\s*(?P<b>{_LOOSE}){_NOT_MORE}", re.I
)
_CLOCK_BEFORE = re.compile(rf"{_LOOSE}\s*\Z", re.I)


def _clock(written: str) -> str | None:
    """`HH:MM` for a time written loosely, or None when it is no time of day."""
    match = _CLOCK.fullmatch(written.strip())
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or match.group(3) or 0)
    if match.group(4):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match.group(4).casefold() == "p" else 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return f"{hour:02d}:{minute:02d}"


def time_slip(failure: Failure) -> Diagnostic | None:
    """`7.30`, `7am`, `07:00-17:30`: a time or a span of times written another way."""
    span = _time_range(failure)
    if span is not None:
        return span
    if "TIME" not in failure.expected:
        return None
    match = _CLOCK.match(failure.text, failure.position, failure.end)
    meant = _clock(match.group()) if match else None
    if match is None or meant is None:
        return None
    return error(
        "syntax",
        Text("diag.slip.not_time", written=match.group()),
        failure.span(match.start(), match.end()),
        hint=Text("diag.did_you_mean", guess=meant),
        suggestion=meant,
    )


_JOINTS = {"and": "code.joint.and", "to": "code.joint.to"}


def _time_range(failure: Failure) -> Diagnostic | None:
    """Two times joined by `-` (or by `to` after `between`): at a time where one was
    expected, or at the joint after one."""
    text, position = failure.text, failure.position
    begin = position
    if "TIME" not in failure.expected:
        if not failure.expected & {"AND", "TO"}:
            return None
        before = _CLOCK_BEFORE.search(text, failure.start, position)
        if before is None:
            return None
        begin = before.start()
    match = _RANGE.match(text, begin, failure.end)
    if match is None or match.end() <= position:
        return None
    first, last = _clock(match.group("a")), _clock(match.group("b"))
    if first is None or last is None:
        return None
    word = _word_before(text, failure.start, begin)
    joint = "and" if word is not None and word.group().casefold() == "between" else "to"
    meant = f"{first} {joint} {last}"
    joined_well = match.group("sep").casefold() == joint
    if joined_well and (first == match.group("a") or last == match.group("b")):
        return None  # one time is wrong, not the span: `time_slip` says which
    return error(
        "syntax",
        Text(
            "diag.slip.not_span",
            written=match.group(),
            form=Code("code.span_form", joint=Code(_JOINTS[joint])),
        ),
        failure.span(match.start(), match.end()),
        hint=Text("diag.did_you_mean", guess=meant),
        suggestion=meant,
    )


# ---- dates -------------------------------------------------------------------------------

_YEAR_FIRST = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\w-]|\.\d)")
#: Day first, as Indonesian dates are written (`09-06-2025`, `9/6/2025`).
_DAY_FIRST = re.compile(r"(\d{1,2})([-/])(\d{1,2})\2(\d{4})(?![\w-]|\.\d)")


def date_slip(failure: Failure) -> Diagnostic | None:
    """`2025-6-9`, `2025/06/09`, `09-06-2025`: a date written another way."""
    if "DATE" not in failure.expected:
        return None
    text, position = failure.text, failure.position
    match = _YEAR_FIRST.match(text, position, failure.end)
    if match is not None:
        year, month, day = match.group(1), match.group(3), match.group(4)
    else:
        match = _DAY_FIRST.match(text, position, failure.end)
        if match is None:
            return None
        day, month, year = match.group(1), match.group(3), match.group(4)
    try:
        meant = datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
    return error(
        "syntax",
        Text("diag.slip.not_date", written=match.group()),
        failure.span(match.start(), match.end()),
        hint=Text("diag.did_you_mean", guess=meant),
        suggestion=meant,
    )


# ---- text in quotes ----------------------------------------------------------------------

_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
#: Other quotes authors use for text, each with the quotes that may close it.
_OTHER_QUOTES = {"'": "'’", "‘": "’'", "’": "’'", "“": '”“"', "”": '”“"', "„": '“”"', "«": "»"}
#: Words that end a value written without quotes: what may follow a value in a sentence.
_AFTER_VALUE = frozenset(
    (
        *("must", "may", "and", "or", "if", "unless", "during", "outside", "on", "between"),
        *("from", "until", "in", "who", "whose", "per", "with", "except", "citing"),
        *("overrides", "version", "timezone", "default", "to", "is", "at", "more", "less"),
    )
)
_VALUE_WORD = re.compile(r"[^\W\d_][\w\-'’]*|\d[\w.\-:]*")
_GAP = re.compile(r"[ \t]+")


def _quoted(words: str) -> str:
    """Text as a policy writes it: in double quotes, `\\` and `"` escaped."""
    return '"' + words.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _value_words(text: str, position: int, end: int) -> int:
    """Where a value written without quotes ends: its words run on, on one line, until a word
    that could follow a value (`must`, `and`, `if`, ...) or anything but a word."""
    stop = position
    at = position
    count = 0
    while at < end and count < 8:
        word = _VALUE_WORD.match(text, at, end)
        if word is None or (count and word.group().casefold() in _AFTER_VALUE):
            break
        stop, count = word.end(), count + 1
        gap = _GAP.match(text, stop, end)
        at = gap.end() if gap else stop
        if gap is None:
            break
    return stop


def quote_slip(failure: Failure) -> Diagnostic | None:
    """A text that never closes its `"`, or one in single or curly quotes."""
    text, position = failure.text, failure.position
    first = text[position : position + 1]
    if first == '"' and _STRING.match(text, position) is None:
        stop = _value_words(text, position + 1, failure.end)
        words = text[position + 1 : stop]
        hint, meant = Text("diag.slip.unclosed.hint"), None
        if words:
            meant = _quoted(words)
            hint = Text("diag.did_you_mean", guess=meant)
        return error(
            "syntax",
            Text("diag.slip.unclosed"),
            failure.span(position, max(stop, position + 1)),
            hint=hint,
            suggestion=meant,
        )
    if first in _OTHER_QUOTES and "STRING" in failure.expected:
        closing = re.compile(f"[^\\n{_OTHER_QUOTES[first]}]*[{_OTHER_QUOTES[first]}]")
        match = closing.match(text, position + 1, failure.end)
        if match is not None:
            meant = _quoted(text[position + 1 : match.end() - 1])
            return _needs_double_quotes(failure, position, match.end(), meant)
    return None


def unquoted_slip(failure: Failure) -> Diagnostic | None:
    """A text value written without quotes (`whose role is clerk`), or `true` for `yes`."""
    text, position = failure.text, failure.position
    word = _VALUE_WORD.match(text, position, failure.end)
    if word is None or not word.group()[0].isalpha():
        return None
    if "YES" in failure.expected and word.group().casefold() in ("true", "false"):
        meant = "yes" if word.group().casefold() == "true" else "no"
        return error(
            "syntax",
            Text("diag.slip.true_false", written=word.group()),
            failure.span(position, word.end()),
            hint=Text("diag.did_you_mean", guess=meant),
            suggestion=meant,
        )
    # where a `:` could come (`rule R1 employees ...`), a missing `:` is likelier; a word that
    # could follow a value (`is not must ...`) is not the value
    if (
        "STRING" not in failure.expected
        or "_COLON" in failure.expected
        or word.group().casefold() in _AFTER_VALUE
    ):
        return None
    stop = _value_words(text, position, failure.end)
    return _needs_double_quotes(failure, position, stop, _quoted(text[position:stop]))


def _needs_double_quotes(failure: Failure, start: int, end: int, meant: str) -> Diagnostic:
    written = _short(failure.text[start:end])
    return error(
        "syntax",
        Text("diag.slip.unquoted", written=written),
        failure.span(start, end),
        hint=Text("diag.slip.unquoted.hint", meant=_short(meant, 80)),
        suggestion=meant,
    )


# ---- `or` in a subject -------------------------------------------------------------------

_RULE_HEAD = re.compile(
    r'\s*rule\s+[^\W\d_][\w-]*\s*(?:"(?:[^"\\\n]|\\.)*"\s*)?(?:citing\s*"(?:[^"\\\n]|\\.)*"\s*)?'
    r"(?:overrides\s+[^:]*)?:\s*",
    re.I,
)
_GROUP_HEAD = re.compile(r"\s*group\s+[^:]*:\s*", re.I)


@attrs.frozen
class _Part:
    """One stretch of a subject between `or`s, as plain words with their places."""

    start: int
    end: int
    words: tuple[tuple[str, int, int], ...]

    def refinement_at(self, index: int) -> str | None:
        """`whose` or `who are` when the part's words start one at `index`."""
        if index >= len(self.words):
            return None
        word = self.words[index][0]
        if word == "whose":
            return "whose"
        if word == "who" and index + 1 < len(self.words) and self.words[index + 1][0] == "are":
            return "who are"
        return None

    def first_refinement(self) -> int | None:
        return next((i for i in range(len(self.words)) if self.refinement_at(i) is not None), None)


def _parts(text: str, start: int, end: int) -> list[_Part]:
    """text[start:end] cut at each plain word `or`."""
    parts: list[_Part] = []
    words: list[tuple[str, int, int]] = []
    begin = start
    for match in _words(text, start, end):
        if match.group().casefold() == "or":
            parts.append(_Part(begin, match.start(), tuple(words)))
            words, begin = [], match.end()
        else:
            words.append((match.group().casefold(), match.start(), match.end()))
    parts.append(_Part(begin, end, tuple(words)))
    return parts


def _as_condition(text: str, part: _Part, kind: str | None) -> str | None:
    """A subject's refinements as a condition: `whose` to `their`, `who are` to `they are`;
    a part with no refinement word of its own continues `kind` (`or under sanction`)."""
    pieces: list[str] = []
    at = part.start
    index = 0
    if part.refinement_at(0) is None:
        if kind != "who are" or not part.words:
            return None
        pieces.append("they are ")
    while index < len(part.words):
        refinement = part.refinement_at(index)
        if refinement is None:
            index += 1
            continue
        word_start = part.words[index][1]
        last = part.words[index + (1 if refinement == "who are" else 0)][2]
        pieces.append(text[at:word_start])
        pieces.append("their" if refinement == "whose" else "they are")
        at = last
        index += 2 if refinement == "who are" else 1
    pieces.append(text[at : part.end])
    return " ".join("".join(pieces).split())


def or_in_rule_subject(failure: Failure) -> Diagnostic | None:
    """`employees who are on probation or under sanction must ...`: a rule's subject joined
    with `or`. Say it as a condition, `... if they are on probation or they are under
    sanction`; `whose role is "a" or "b"` as `whose role is one of "a", "b"`."""
    text = failure.text
    if failure.found.casefold() != "or" or "MUST" not in failure.expected:
        return None
    head = _RULE_HEAD.match(text, failure.start, failure.end)
    modal = next(
        (m for m in _words(text, failure.found_end, failure.end) if m.group().casefold() in _MODAL),
        None,
    )
    if head is None or modal is None:
        return None
    parts = _parts(text, head.end(), modal.start())
    subject_end = head.end() + len(text[head.end() : modal.start()].rstrip())
    subject = failure.span(head.end(), subject_end)
    one_of = _as_one_of(text, parts)
    if one_of is not None:
        hint, suggestion = Text("diag.did_you_mean", guess=_short(one_of, 80)), one_of
    else:
        rewrite = _rewrite_as_condition(text, parts, modal.start(), failure.end)
        suggestion = None
        hint = (
            Text("diag.slip.or_in_subject.hint")
            if rewrite is None
            else Text("diag.slip.as_condition.hint", rewrite=_short(rewrite, 200))
        )
    return error(
        "syntax",
        Text("diag.slip.or_in_subject"),
        subject,
        hint=hint,
        suggestion=suggestion,
    )


_MODAL = ("must", "may")
_VALUE = r'"(?:[^"\\\n]|\\.)*"|\d[\w.:-]*'
_IS_VALUE = re.compile(rf"\bis\s+({_VALUE})\s*\Z", re.I)
_ONLY_VALUE = re.compile(rf"\s*({_VALUE})\s*\Z")


def _as_one_of(text: str, parts: list[_Part]) -> str | None:
    """`whose role is "a" or "b"` as `whose role is one of "a", "b"`, when each part after
    the first is a value alone."""
    if len(parts) < 2:
        return None
    last = _IS_VALUE.search(text, parts[0].start, parts[0].end)
    if last is None:
        return None
    values = [last.group(1)]
    for part in parts[1:]:
        value = _ONLY_VALUE.match(text, part.start, part.end)
        if value is None:
            return None
        values.append(value.group(1))
    head = " ".join(text[parts[0].start : last.start(1)].split())
    return f"{head} one of {', '.join(values)}"


def _rewrite_as_condition(text: str, parts: list[_Part], modal: int, end: int) -> str | None:
    """`BASE MODAL ACTIVITY ... if C or C`, or None when the subject has no refinement before
    `or`. A condition already there is kept: `if (C or C) and D`, `unless D` as `and not`."""
    first = parts[0]
    index = first.first_refinement()
    if index is None:
        return None
    base = " ".join(text[first.start : first.words[index][1]].split())
    conditions: list[str] = []
    kind: str | None = None
    for number, part in enumerate(parts):
        if number == 0:
            part = _Part(first.words[index][1], first.end, first.words[index:])
        condition = _as_condition(text, part, kind)
        if condition is None:
            return None
        conditions.append(condition)
        kind = _last_refinement(part) or kind
    either = " or ".join(conditions)
    rest = text[modal:end].rstrip().rstrip(".")
    clause = next(
        (m for m in _words(text, modal, modal + len(rest)) if m.group().casefold() in _CLAUSE),
        None,
    )
    if clause is None:
        return f"{base} {' '.join(rest.split())} if {either}"
    statement = " ".join(text[modal : clause.start()].split())
    condition = " ".join(text[clause.end() : modal + len(rest)].split())
    if any(m.group().casefold() == "or" for m in _words(condition, 0, len(condition))):
        condition = f"({condition})"
    negation = "not " if clause.group().casefold() == "unless" else ""
    return f"{base} {statement} if ({either}) and {negation}{condition}"


_CLAUSE = ("if", "unless")


def _last_refinement(part: _Part) -> str | None:
    found = None
    for index in range(len(part.words)):
        found = part.refinement_at(index) or found
    return found


def or_refinement_in_group(failure: Failure) -> Diagnostic | None:
    """`group g: employees whose role is "clerk" or whose grade is 9.`: after `or`, a group
    needs a whole subject; `whose` was read as the start of a group's name."""
    text = failure.text
    head = _GROUP_HEAD.match(text, failure.start, failure.end)
    if head is None:
        return None
    parts = _parts(text, head.end(), failure.end)
    first = parts[0].first_refinement()
    for part in parts[1:]:
        if part.start > failure.position or part.refinement_at(0) is None:
            continue
        if first is None:
            return None
        base = " ".join(text[parts[0].start : parts[0].words[first][1]].split())
        written_end = part.start + len(text[part.start : part.end].rstrip().rstrip(".").rstrip())
        written = text[part.words[0][1] : written_end]
        meant = f"{base} {' '.join(written.split())}"
        return error(
            "syntax",
            Text("diag.slip.no_subject", written=_short(written)),
            failure.span(part.words[0][1], written_end),
            hint=Text("diag.did_you_mean", guess=_short(meant, 80)),
            suggestion=meant,
        )
    return None


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# ---- all of them -------------------------------------------------------------------------

#: Slips recognised before a misspelled keyword is looked for: their words are close to a
#: keyword (`may not work` to `work from home`) but mean something else.
BEFORE_KEYWORDS: tuple[Recogniser, ...] = (
    modal_slip,
    activity_slip,
    time_slip,
    date_slip,
    quote_slip,
    or_in_rule_subject,
    or_refinement_in_group,
)
#: Slips recognised when no keyword is near what was found.
AFTER_KEYWORDS: tuple[Recogniser, ...] = (unquoted_slip,)


def recognise(failure: Failure, recognisers: tuple[Recogniser, ...]) -> Diagnostic | None:
    """The first recogniser's diagnostic for the failure, or None."""
    for recogniser in recognisers:
        found = recogniser(failure)
        if found is not None:
            return found
    return None
