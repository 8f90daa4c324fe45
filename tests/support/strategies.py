"""Hypothesis strategies: valid policies with the facts they declare, mutations, grammar walks.

`policies()` builds a policy sentence by sentence from tokens, using only names it declared and
values of the declared types, so the text is valid and `compile_policy` should accept it. The
tokens are kept, so the same policy can be laid out again (`render`) with other white space,
line breaks, comments and keyword case. `mutated()` breaks such a policy at random;
`grammar_sentences()` walks the grammar itself to reach forms no hand-written table lists.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from flexrules.language import keywords

# ---- tokens and layout -------------------------------------------------------------------

KW = "kw"  # a keyword phrase: its case and inner white space may change
NAME = "name"  # a declared name, an id or a literal: written the same way every time
PUNCT = "punct"  # `,` `.` `:` `(` `)` `<` `%`


@attrs.frozen
class Tok:
    kind: str
    text: str


def kw(text: str) -> Tok:
    return Tok(KW, text)


def lit(text: str) -> Tok:
    return Tok(NAME, text)


def p(text: str) -> Tok:
    return Tok(PUNCT, text)


def comma_list(parts: list[list[Tok]]) -> list[Tok]:
    """The parts' tokens, separated by commas."""
    tokens: list[Tok] = []
    for index, part in enumerate(parts):
        if index:
            tokens.append(p(","))
        tokens.extend(part)
    return tokens


Sentence = list[Tok]
Item = Sentence | str  # a sentence, or a comment line ("# ...")

_NO_SPACE_BEFORE = {",", ".", ":", ")", "%"}
_NO_SPACE_AFTER = {"("}


def render(items: Sequence[Item], rnd: random.Random | None = None, case: str = "lower") -> str:
    """The policy text; with `rnd`, every gap gets other white space (and now and then a comment).

    `case` is how keywords are written: "lower" (as in the table), "upper", "title" or "mixed".
    """
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.append(item + "\n")
            continue
        out.append(_render_sentence(item, rnd, case))
        out.append("\n" if rnd is None else rnd.choice(["\n", "\n\n", " ", "\n  \n", "\t\n"]))
    return "".join(out)


def _render_sentence(tokens: Sentence, rnd: random.Random | None, case: str) -> str:
    parts: list[str] = []
    for index, token in enumerate(tokens):
        if index:
            parts.append(_gap(tokens[index - 1], token, rnd))
        parts.append(_shape(token, rnd, case))
    return "".join(parts)


def _gap(before: Tok, after: Tok, rnd: random.Random | None) -> str:
    if rnd is None:
        if after.text in _NO_SPACE_BEFORE or before.text in _NO_SPACE_AFTER:
            return ""
        return " "
    return rnd.choice(
        [" ", " ", "  ", "\n", "\n    ", "\t", " \n\t ", " # a note. (with `marks`\n"]
    )


def _shape(token: Tok, rnd: random.Random | None, case: str) -> str:
    if token.kind != KW:
        return token.text
    words = token.text.split(" ")
    if case == "upper":
        words = [w.upper() for w in words]
    elif case == "title":
        words = [w[:1].upper() + w[1:] for w in words]
    elif case == "mixed" and rnd is not None:
        words = ["".join(c.upper() if rnd.random() < 0.5 else c.lower() for c in w) for w in words]
    if rnd is None:
        return " ".join(words)
    return "".join(
        w + (rnd.choice([" ", "  ", "\n ", "\t"]) if i < len(words) - 1 else "")
        for i, w in enumerate(words)
    )


@st.composite
def layouts(draw: st.DrawFn) -> tuple[random.Random, str]:
    """A random layout: white space per gap, and how keywords are cased."""
    seed = draw(st.integers(0, 2**32 - 1))
    case = draw(st.sampled_from(["lower", "upper", "title", "mixed"]))
    return random.Random(seed), case


# ---- a vocabulary of safe words -------------------------------------------------------------

KEYWORD_WORDS = frozenset(
    word.casefold()
    for phrases in keywords.ENGLISH.values()
    for phrase in phrases
    for word in phrase.split()
)

#: Words that are no keyword anywhere, so a name made of them reads the same in every place.
VOCABULARY = tuple(
    word
    for word in (
        "alpha",
        "bravo",
        "desk",
        "ward",
        "unit",
        "clinic",
        "counter",
        "team",
        "staff",
        "grade",
        "level",
        "region",
        "branch",
        "nurse",
        "clerk",
        "senior",
        "junior",
        "night",
        "morning",
        "field",
        "service",
        "finance",
        "registry",
        "window",
        "closure",
        "Ramadan",
        "pharmacy",
        "archive",
        "approved",
        "remote",
        "cap",
        "duty",
        "seniority",
        "start",
        "end",
        "band",
        "kind",
        "role",
        "probation",
        "sanction",
        "leave",
        "status",
        "visit",
        "lab",
    )
    if word.casefold() not in KEYWORD_WORDS
)

#: Backquoted chunks: keywords that stand in a name only when quoted.
QUOTED_CHUNKS = ("`must know`", "`on call`", "`work from home`", "`in each`", "`who are`")

TEXT_VALUES = (
    "service desk",
    "finance",
    "low",
    "mid",
    "high",
    "very high",
    "night shift",
    "A",
    "b-2",
    "Pasal 13 (2)",
    'say "hi"',
    "back\\slash",
    "dot. inside",
    "# hash",
)

ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "WIB", "WITA", "WIT")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def quote(value: str) -> str:
    """A text literal for a value: backslashes and quotes escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


#: kinds of absence as agencies name them (`absence kinds:`)
ABSENCE_KINDS = ("cuti tahunan", "sakit", "izin", "dinas luar", "cuti besar")
_TEXT_ALPHABET = string.ascii_letters + string.digits + " .,:;()#`'-/%<\"\\éñ"


# ---- the facts a generated policy declares -------------------------------------------------


@attrs.define
class Attribute:
    words: tuple[str, ...]
    written: str
    type: str  # text | number | bool | date | one of | ranked
    values: tuple[str, ...] = ()
    owner: str = "employee"


@attrs.define
class Generated:
    """A valid policy, as sentences of tokens, and what it declares."""

    items: list[Item]
    rule_ids: list[str]
    rule_kinds: dict[str, str]
    groups: list[str]
    hours: list[str]
    dates: list[str]
    attributes: list[Attribute]
    header: dict[str, str] | None

    @property
    def text(self) -> str:
        return render(self.items)

    def sentences(self) -> list[Sentence]:
        return [item for item in self.items if not isinstance(item, str)]


class _Builder:
    """Draws the parts of one policy, remembering what it declared."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.used: set[str] = set()
        self.employee: list[Attribute] = []
        self.shift: list[Attribute] = []
        self.groups: list[str] = []
        self.hours: list[str] = []
        self.dates: list[str] = []
        self.holidays: set[str] = set()  # "any", "public", "joint"
        self.rule_ids: list[str] = []
        self.rule_kinds: dict[str, str] = {}

    # -- small pieces

    def choice(self, options: Sequence[Any]) -> Any:
        return self.draw(st.sampled_from(list(options)))

    def chance(self, probability: float = 0.5) -> bool:
        return self.draw(st.integers(0, 999)) < probability * 1000

    def name(self) -> tuple[tuple[str, ...], str]:
        """A fresh name: (its words, how it is written)."""
        for _ in range(50):
            words = self.draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3))
            written = " ".join(words)
            if self.chance(0.1):
                chunk = self.choice(QUOTED_CHUNKS)
                written = f"{chunk} {written}"
                words = [*chunk.strip("`").split(), *words]
            key = " ".join(words).casefold()
            if key not in self.used:
                self.used.add(key)
                return tuple(words), written
        words = (f"name{len(self.used)}",)  # pragma: no cover - a draw that keeps colliding
        self.used.add(words[0])
        return words, words[0]

    def text_token(self) -> Tok:
        if self.chance(0.2):
            value = self.draw(st.text(_TEXT_ALPHABET, max_size=12))
        else:
            value = self.choice(TEXT_VALUES)
        return lit(quote(value))

    def number(self, low: int = 0, high: int = 40, decimals: bool = True) -> str:
        whole = self.draw(st.integers(low, high))
        if decimals and self.chance(0.2) and whole < high:
            return f"{whole}.5"
        return str(whole)

    def date(self) -> tuple[int, int, int]:
        return (
            self.draw(st.integers(2024, 2026)),
            self.draw(st.integers(1, 12)),
            self.draw(st.integers(1, 28)),
        )

    @staticmethod
    def date_text(value: tuple[int, int, int]) -> str:
        return f"{value[0]:04d}-{value[1]:02d}-{value[2]:02d}"

    def date_pair(self) -> tuple[str, str]:
        first, second = sorted([self.date(), self.date()])
        return self.date_text(first), self.date_text(second)

    def time(self, low: int = 0, high: int = 47) -> int:
        """Minutes past midnight, on the half hour."""
        return self.draw(st.integers(low, high)) * 30

    @staticmethod
    def time_text(minutes: int) -> str:
        return f"{minutes // 60:02d}:{minutes % 60:02d}"

    def day_word(self, index: int) -> Tok:
        name = DAY_NAMES[index]
        return kw(name + "s" if self.chance(0.2) else name)

    def days(self, allow_sets: bool, indices: list[int] | None = None) -> list[Tok]:
        """DAYS: day names, ranges (wrapping too), and, where allowed, named sets of days."""
        items = self.drawn_days(allow_sets) if indices is None else self.given_days(indices)
        tokens: list[Tok] = []
        for position, item in enumerate(items):
            if position:
                last_join = position == len(items) - 1
                tokens.append(kw("and") if last_join and self.chance(0.6) else p(","))
            tokens.extend(item)
        return tokens

    def day_sets(self) -> list[str]:
        """The named sets of days: the holiday sets only where the holidays are declared."""
        sets = ["weekdays", "weekends", "working days", "every day"]
        if "any" in self.holidays:
            sets.append("holidays")
        if "public" in self.holidays:
            sets.append("public holidays")
        if "joint" in self.holidays:
            sets.append("joint holidays")
        return sets

    def drawn_days(self, allow_sets: bool) -> list[list[Tok]]:
        """One to three items, each a day, a range or (where allowed) a set; a repeat is
        dropped, since the policy would reject it."""
        items: list[list[Tok]] = []
        count = self.draw(st.integers(1, 3))
        sets = self.day_sets()
        seen: set[str] = set()
        for _ in range(count):
            if allow_sets and self.chance(0.3):
                word = self.choice(sets)
                if word not in seen:
                    seen.add(word)
                    items.append([kw(word)])
                continue
            first = self.draw(st.integers(0, 6))
            if self.chance(0.4):
                last = (first + self.draw(st.integers(1, 5))) % 7
                key = f"{first}-{last}"
                if key not in seen:
                    seen.add(key)
                    items.append([self.day_word(first), kw("to"), self.day_word(last)])
            elif str(first) not in seen:
                seen.add(str(first))
                items.append([self.day_word(first)])
        return items

    def given_days(self, indices: list[int]) -> list[list[Tok]]:
        """Exactly the given days: a run of days mostly as a range, else day by day."""
        items: list[list[Tok]] = []
        runs: list[list[int]] = []
        for index in sorted(indices):
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
        for run in runs:
            if len(run) > 1 and self.chance(0.7):
                items.append([self.day_word(run[0]), kw("to"), self.day_word(run[-1])])
            else:
                items.extend([self.day_word(i)] for i in run)
        return items

    # -- declarations

    def header(self) -> tuple[Sentence, dict[str, str]]:
        title = self.draw(st.text(_TEXT_ALPHABET, min_size=1, max_size=20))
        facts = {"name": title}
        clauses: list[list[Tok]] = []
        if self.chance():
            version = self.choice(["2025.1", "1", "v2 (draft)"])
            facts["version"] = version
            clauses.append([kw("version"), lit(quote(version))])
        if self.chance():
            zone = self.choice(ZONES)
            facts["timezone"] = zone
            clauses.append([kw("timezone"), lit(zone)])
        if self.chance():
            effect = self.choice(["deny", "allow"])
            facts["default"] = effect
            clauses.append([kw("default"), kw(effect)])
        clauses = self.draw(st.permutations(clauses))
        sentence = [kw("policy"), lit(quote(title))]
        for clause in clauses:
            sentence.extend(clause)
        sentence.append(p("."))
        return sentence, facts

    def attributes(self, owner: str, count: int) -> Sentence | None:
        if count == 0:
            return None
        table = self.employee if owner == "employee" else self.shift
        sentence = [kw("employees have" if owner == "employee" else "shifts have"), p(":")]
        kinds = ["text", "number", "bool", "date", "one of", "ranked"]
        for position in range(count):
            words, written = self.name()
            kind = (
                kinds[position]
                if position < len(kinds) and self.chance(0.7)
                else (self.choice(kinds))
            )
            attribute = Attribute(words, written, kind, owner=owner)
            if position:
                sentence.append(p(","))
            sentence.extend([lit(written), p(":")])
            if kind in ("one of", "ranked"):
                values = tuple(
                    self.draw(
                        st.lists(st.sampled_from(TEXT_VALUES), min_size=2, max_size=4, unique=True)
                    )
                )
                attribute.values = values
                sentence.append(kw(kind))
                for index, value in enumerate(values):
                    if index:
                        sentence.append(p(",") if kind == "one of" else p("<"))
                    sentence.append(lit(quote(value)))
            else:
                sentence.append(
                    kw(
                        {"text": "text", "number": "number", "bool": "yes or no", "date": "date"}[
                            kind
                        ]
                    )
                )
            table.append(attribute)
        sentence.append(p("."))
        return sentence

    def working_days(self) -> Sentence:
        indices = sorted(self.draw(st.sets(st.integers(0, 6), min_size=1, max_size=6)))
        if indices == [0, 1, 2, 3, 4] and self.chance():
            days = [kw("weekdays")]
        else:
            days = self.days(False, indices)
        return [kw("working days"), p(":"), *days, p(".")]

    def holidays_decl(self) -> Sentence:
        items: list[list[Tok]] = []
        if self.chance(0.8):
            joint = self.chance()
            items.append(
                [kw("Indonesia"), kw("with joint holidays")] if joint else [kw("Indonesia")]
            )
            self.holidays.update({"public", "joint"} if joint else {"public"})
        dates = sorted({self.date_text(self.date()) for _ in range(self.draw(st.integers(0, 3)))})
        if not items and not dates:
            dates = [self.date_text(self.date())]
        for day in dates:  # DATA.md §4: `as joint holiday`, `citing "..."`
            item = [lit(day)]
            if self.chance(0.3):
                item.append(kw("as joint holiday"))
            if self.chance(0.3):
                item.extend([kw("citing"), self.text_token()])
            items.append(item)
        self.holidays.add("any")
        items = self.draw(st.permutations(items))
        sentence = [kw("holidays"), p(":"), *comma_list(items)]
        if self.chance(0.3):
            removed = sorted(
                {self.date_text(self.date()) for _ in range(self.draw(st.integers(1, 2)))}
            )
            parts = [
                [lit(day), *([kw("citing"), self.text_token()] if self.chance(0.3) else [])]
                for day in removed
            ]
            sentence.extend([kw("except"), *comma_list(parts)])
        return [*sentence, p(".")]

    def absence_kinds(self) -> Sentence:
        """`absence kinds: "a", "b" as work.` (DATA.md §3): distinct, non-empty kinds."""
        names = sorted(set(self.draw(st.lists(st.sampled_from(ABSENCE_KINDS), min_size=1))))
        items = [[lit(quote(n)), *([kw("as work")] if self.chance(0.3) else [])] for n in names]
        return [kw("absence kinds"), p(":"), *comma_list(items), p(".")]

    def hours_decl(self) -> Sentence:
        _, written = self.name()
        self.hours.append(written)
        days_left = list(range(7))
        spans: list[list[Tok]] = []
        for _ in range(self.draw(st.integers(1, 3))):
            if not days_left:
                break
            chosen = self.draw(
                st.lists(st.sampled_from(days_left), min_size=1, max_size=4, unique=True)
            )
            days_left = [d for d in days_left if d not in chosen]
            if sorted(chosen) == list(range(7)) and self.chance():
                days = [kw("every day")]
            else:
                days = self.days(False, chosen)
            start = self.time(0, 46)
            end = self.time(start // 30 + 1, 48)
            spans.append([*days, lit(self.time_text(start)), kw("to"), lit(self.time_text(end))])
        if "any" in self.holidays and self.chance(0.4):
            spans.append([kw("except holidays")])
        return [kw("hours"), lit(written), p(":"), *comma_list(spans), p(".")]

    def dates_decl(self) -> Sentence:
        _, written = self.name()
        self.dates.append(written)
        items: list[list[Tok]] = []
        for _ in range(self.draw(st.integers(1, 3))):
            if self.chance():
                first, last = self.date_pair()
                items.append([lit(first), kw("to"), lit(last)])
            else:
                items.append([lit(self.date_text(self.date()))])
        return [kw("dates"), lit(written), p(":"), *comma_list(items), p(".")]

    def group_decl(self) -> Sentence:
        _, written = self.name()
        sentence = [kw("group"), lit(written), p(":")]
        for index in range(self.draw(st.integers(1, 3))):
            if index:
                sentence.append(kw("or"))
            sentence.extend(self.subject())
        sentence.append(p("."))
        self.groups.append(written)  # declared after its own subjects: no cycles
        return sentence

    # -- subjects, comparisons, conditions

    def subject(self) -> list[Tok]:
        options = ["employees", "everyone"] + ["group"] * (2 if self.groups else 0)
        base = self.choice(options)
        tokens = [lit(self.choice(self.groups))] if base == "group" else [kw(base)]
        for index in range(self.draw(st.integers(0, 2))):
            refinement = self.refinement()
            if refinement is None:
                break
            if index:
                tokens.append(kw("and"))
            tokens.extend(refinement)
        return tokens

    def refinement(self) -> list[Tok] | None:
        flags = [a for a in self.employee if a.type == "bool"]
        others = [a for a in self.employee if a.type != "bool"]
        if flags and (not others or self.chance(0.4)):
            flag = self.choice(flags)
            return [kw("who are"), *([kw("not")] if self.chance(0.3) else []), lit(flag.written)]
        if others:
            attribute = self.choice(others)
            return [kw("whose"), lit(attribute.written), *self.comparison(attribute)]
        return None

    def comparison(self, attribute: Attribute) -> list[Tok]:
        kind = attribute.type
        if kind == "text":
            values = [self.text_token() for _ in range(self.draw(st.integers(1, 3)))]
            return self.equality(values)
        if kind == "one of":
            values = self.draw(
                st.lists(
                    st.sampled_from(attribute.values),
                    min_size=1,
                    max_size=len(attribute.values),
                    unique=True,
                )
            )
            return self.equality([lit(quote(v)) for v in values])
        if kind == "bool":
            return [
                kw("is"),
                *([kw("not")] if self.chance(0.3) else []),
                kw(self.choice(["yes", "no"])),
            ]
        if kind == "number":
            return self.number_comparison()
        if kind == "date":
            return self.date_comparison()
        return self.ranked_comparison(attribute.values)

    def number_comparison(self) -> list[Tok]:
        op = self.choice(
            [
                "is",
                "is not",
                "is one of",
                "is not one of",
                "is at least",
                "is at most",
                "is more than",
                "is less than",
                "is between",
            ]
        )
        if op == "is between":
            low = self.draw(st.integers(0, 20))
            high = self.draw(st.integers(low, 30))
            return [kw("is"), kw("between"), lit(str(low)), kw("and"), lit(str(high))]
        if op in ("is one of", "is not one of"):
            values = sorted({self.number() for _ in range(self.draw(st.integers(1, 3)))})
            return self.spell(op) + self.listed([lit(v) for v in values])
        return [*self.spell(op), lit(self.number())]

    def date_comparison(self) -> list[Tok]:
        op = self.choice(["is", "is before", "is after", "ago"])
        if op == "ago":
            relation = self.choice(["is less than", "is at least"])
            amount = self.draw(st.integers(1, 24))
            unit = self.choice(["day", "week", "month", "year"])
            plural = unit + "s" if amount != 1 or self.chance(0.2) else unit
            return [*self.spell(relation), lit(str(amount)), kw(plural), kw("ago")]
        return [*self.spell(op), lit(self.date_text(self.date()))]

    def ranked_comparison(self, values: tuple[str, ...]) -> list[Tok]:
        """Order comparisons stay inside the scale, so none is always false."""
        op = self.choice(
            [
                "is",
                "is not",
                "is at least",
                "is at most",
                "is more than",
                "is less than",
                "is one of",
            ]
        )
        if op == "is more than":
            value = self.choice(values[:-1])
        elif op == "is less than":
            value = self.choice(values[1:])
        elif op == "is one of":
            chosen = self.draw(
                st.lists(st.sampled_from(values), min_size=1, max_size=2, unique=True)
            )
            return self.spell(op) + self.listed([lit(quote(v)) for v in chosen])
        else:
            value = self.choice(values)
        return [*self.spell(op), lit(quote(value))]

    @staticmethod
    def spell(op: str) -> list[Tok]:
        """A comparison operator as keyword tokens: `is` `not` `one of`, `is` `at least`..."""
        words = op.split(" ")
        tokens = [kw("is")]
        rest = words[1:]
        if rest[:1] == ["not"]:
            tokens.append(kw("not"))
            rest = rest[1:]
        if rest:
            tokens.append(kw(" ".join(rest)))
        return tokens

    @staticmethod
    def listed(values: list[Tok]) -> list[Tok]:
        return comma_list([[value] for value in values])

    def equality(self, values: list[Tok]) -> list[Tok]:
        negated = self.chance(0.3)
        if len(values) == 1 and self.chance(0.7):
            return [kw("is"), *([kw("not")] if negated else []), values[0]]
        return [kw("is"), *([kw("not")] if negated else []), kw("one of"), *self.listed(values)]

    def condition(self, shift_allowed: bool, depth: int = 0) -> list[Tok] | None:
        """A condition: atoms joined by `and`/`or`, with `not` and parentheses."""
        count = self.draw(st.integers(1, 3 if depth < 2 else 1))
        parts: list[list[Tok]] = []
        for _ in range(count):
            if depth < 2 and self.chance(0.15):
                inner = self.condition(shift_allowed, depth + 1)
                part = [p("("), *inner, p(")")] if inner else None
            else:
                part = self.atom(shift_allowed)
            if part is None:
                continue
            if self.chance(0.2):
                part = [kw("not"), *part]
            parts.append(part)
        if not parts:
            return None
        tokens: list[Tok] = []
        for index, part in enumerate(parts):
            if index:
                tokens.append(kw(self.choice(["and", "or"])))
            tokens.extend(part)
        return tokens

    def atom(self, shift_allowed: bool) -> list[Tok] | None:
        options: list[Callable[[], list[Tok]]] = []
        employee_flags = [a for a in self.employee if a.type == "bool"]
        employee_other = [a for a in self.employee if a.type != "bool"]
        shift_flags = [a for a in self.shift if a.type == "bool"] if shift_allowed else []
        shift_other = [a for a in self.shift if a.type != "bool"] if shift_allowed else []
        if employee_flags:
            options.append(
                lambda: [
                    kw("they are"),
                    *([kw("not")] if self.chance(0.3) else []),
                    lit(self.choice(employee_flags).written),
                ]
            )
        if employee_other:

            def their() -> list[Tok]:
                attribute = self.choice(employee_other)
                return [kw("their"), lit(attribute.written), *self.comparison(attribute)]

            options.append(their)
        if shift_flags:
            options.append(
                lambda: [
                    kw("the shift"),
                    kw("is"),
                    *([kw("not")] if self.chance(0.3) else []),
                    lit(self.choice(shift_flags).written),
                ]
            )
        if shift_other:

            def shifts() -> list[Tok]:
                attribute = self.choice(shift_other)
                return [
                    kw(self.choice(["the shift's", "the shift’s"])),
                    lit(attribute.written),
                    *self.comparison(attribute),
                ]

            options.append(shifts)
        if not options:
            return None
        return self.choice(options)()

    def condition_clause(self, shift_allowed: bool, unless: bool = True) -> list[Tok]:
        if not self.chance(0.5):
            return []
        condition = self.condition(shift_allowed)
        if condition is None:
            return []
        word = self.choice(["if", "unless"]) if unless else "if"
        return [kw(word), *condition]

    # -- times

    def time_item(self, kinds: list[str]) -> list[Tok]:
        kind = self.choice(kinds)
        kinds.remove(kind)
        if kind == "during":
            name = self.choice(self.hours + self.dates)
            return [kw(self.choice(["during", "outside"])), lit(name)]
        if kind == "during dates":
            return [kw(self.choice(["during", "outside"])), lit(self.choice(self.dates))]
        if kind == "on":
            return [kw("on"), *self.days(True)]
        if kind == "between":
            start = self.time(0, 47)
            end = self.time(1, 48)
            if end == start:
                end = start + 30
            return [kw("between"), lit(self.time_text(start)), kw("and"), lit(self.time_text(end))]
        form = self.choice(["from", "until", "from to"])
        if form == "from":
            return [kw("from"), lit(self.date_text(self.date()))]
        if form == "until":
            return [kw("until"), lit(self.date_text(self.date()))]
        first, last = self.date_pair()
        return [kw("from"), lit(first), kw("to"), lit(last)]

    def times(self, dates_only: bool = False, most: int = 2) -> list[Tok]:
        if dates_only:
            kinds = ["dates"] + (["during dates"] if self.dates else [])
        else:
            kinds = ["on", "between", "dates"] + (["during"] if self.hours or self.dates else [])
        tokens: list[Tok] = []
        for _ in range(self.draw(st.integers(0, most))):
            tokens.extend(self.time_item(kinds))
        return tokens

    # -- rules

    def rule_decl(self, index: int) -> Sentence:
        prefix = self.choice(["R", "r", "wfa-", "cap_", "Rule"])
        rule_id = f"{prefix}{index}"
        forms = ["shift rule"] * 4 + [
            "day maximum",
            "day minimum",
            "hour minimum",
            "hour maximum",
            "staffing",
            "share",
        ]
        if self.hours:
            forms.append("within")
        form = self.choice(forms)
        head: list[Tok] = [kw("rule"), lit(rule_id)]
        if self.chance(0.4):
            head.append(self.text_token())
        if self.chance(0.3):
            head.extend([kw("citing"), self.text_token()])
        overridable = [
            r
            for r in self.rule_ids
            if self.rule_kinds[r]
            in (
                "shift rule",
                "within",
                "day maximum",
                "day minimum",
                "hour minimum",
                "hour maximum",
            )
        ]
        if form == "shift rule" and overridable and self.chance(0.3):
            targets = self.draw(
                st.lists(st.sampled_from(overridable), min_size=1, max_size=2, unique=True)
            )
            head.append(kw("overrides"))
            head.extend(self.listed([lit(t) for t in targets]))
        statement = getattr(self, "form_" + form.replace(" ", "_"))()
        if form == "shift rule" and _is_core_hours(statement):
            form = "core hours"  # `must work TIME` with no place (LANGUAGE.md §5)
        self.rule_ids.append(rule_id)
        self.rule_kinds[rule_id] = form
        return [*head, p(":"), *statement, p(".")]

    def activity(self, remote_only: bool = False) -> list[Tok]:
        if remote_only:
            return [
                kw(
                    self.choice(
                        ["work remotely", "work from home", "work anywhere", "work from anywhere"]
                    )
                )
            ]
        return [
            kw(
                self.choice(
                    [
                        "be on-site",
                        "work on-site",
                        "work at the office",
                        "work from home",
                        "work anywhere",
                        "work from anywhere",
                        "work remotely",
                        "work",
                    ]
                )
            )
        ]

    def form_shift_rule(self) -> list[Tok]:
        """`must work` with a time and no place is core hours; rule_decl records it so."""
        modal = self.choice(["must", "must not", "may"])
        return [
            *self.subject(),
            kw(modal),
            *self.activity(),
            *self.times(),
            *self.condition_clause(True),
        ]

    def form_within(self) -> list[Tok]:
        return [
            *self.subject(),
            kw("must"),
            kw("work within"),
            lit(self.choice(self.hours)),
            *self.times(),
            *self.condition_clause(True, unless=False),
        ]

    def period(self, unit: str) -> tuple[str, list[Tok]]:
        if unit in ("days", "working days"):
            period = self.choice(["week", "month"])
        else:
            period = self.choice(["day", "working day", "week", "month"])
        return period, [kw("per"), kw(period)]

    def day_amount(self, period: str) -> str:
        return str(self.draw(st.integers(1, 4 if period == "week" else 20)))

    def hour_amount(self, period: str) -> str:
        high = {"day": 12, "working day": 12, "week": 60, "month": 200}[period]
        return self.number(1, high)

    def form_day_maximum(self) -> list[Tok]:
        unit = self.choice(["days", "working days"])
        period, period_tokens = self.period(unit)
        amount = self.day_amount(period)
        return [
            *self.subject(),
            kw("must not"),
            *self.activity(),
            kw("more than"),
            lit(amount),
            kw(unit if amount != "1" else unit[:-1]),
            *period_tokens,
            *self.times(dates_only=True, most=1),
            *self.condition_clause(True),
        ]

    def form_day_minimum(self) -> list[Tok]:
        unit = self.choice(["days", "working days"])
        period, period_tokens = self.period(unit)
        amount = self.day_amount(period)
        return [
            *self.subject(),
            kw("must"),
            *self.activity(),
            kw("at least"),
            lit(amount),
            kw(unit),
            *period_tokens,
            *self.times(dates_only=True, most=1),
            *self.condition_clause(True),
        ]

    def form_hour_minimum(self) -> list[Tok]:
        period, period_tokens = self.period("hours")
        return [
            *self.subject(),
            kw("must"),
            kw("work"),
            kw("at least"),
            lit(self.hour_amount(period)),
            kw(self.choice(["hours", "hour"])),
            *period_tokens,
            *self.times(dates_only=True, most=1),
            *self.condition_clause(True),
        ]

    def form_hour_maximum(self) -> list[Tok]:
        period, period_tokens = self.period("hours")
        return [
            *self.subject(),
            kw("must not"),
            kw("work"),
            kw("more than"),
            lit(self.hour_amount(period)),
            kw("hours"),
            *period_tokens,
            *self.times(dates_only=True, most=1),
            *self.condition_clause(True),
        ]

    def in_each(self) -> list[Tok]:
        keys = [a for a in self.employee if a.type in ("text", "one of")]
        if keys and self.chance():
            return [kw("in each"), lit(self.choice(keys).written)]
        return []

    def form_staffing(self) -> list[Tok]:
        amount = str(self.draw(st.integers(1, 9)))
        return [
            kw("at least"),
            lit(amount),
            *self.subject(),
            *self.in_each(),
            kw("must"),
            *self.activity(),
            *self.times(),
            *self.condition_clause(False),
        ]

    def form_share(self) -> list[Tok]:
        percent = self.number(1, 100)
        return [
            kw("at most"),
            lit(percent),
            p("%"),
            kw("of"),
            *self.subject(),
            *self.in_each(),
            kw("may"),
            *self.activity(remote_only=True),
            kw("per"),
            kw("day"),
        ]


@st.composite
def policies(draw: st.DrawFn, max_rules: int = 8, comments: bool = True) -> Generated:
    """A valid policy: declarations of every kind, rules of every form, and its facts."""
    builder = _Builder(draw)
    items: list[Item] = []
    header_facts = None
    if comments and builder.chance(0.5):
        items.append("# " + draw(st.text(_TEXT_ALPHABET, max_size=30)))
    if builder.chance(0.8):
        sentence, header_facts = builder.header()
        items.append(sentence)
    items.extend(_declarations(builder))
    for index in range(draw(st.integers(1, max_rules))):
        if comments and builder.chance(0.1):
            items.append("# rule " + str(index + 1) + ": (see below).")
        items.append(builder.rule_decl(index + 1))
    return Generated(
        items=items,
        rule_ids=builder.rule_ids,
        rule_kinds=builder.rule_kinds,
        groups=builder.groups,
        hours=builder.hours,
        dates=builder.dates,
        attributes=builder.employee + builder.shift,
        header=header_facts,
    )


def _declarations(builder: _Builder) -> list[Item]:
    """Attributes, calendar, hours, dates and groups; the builder remembers each, so later ones
    (and the rules) use only what was declared before them."""
    draw = builder.draw
    items: list[Item] = []
    for owner, most in (("employee", 7), ("shift", 3)):
        sentence = builder.attributes(
            owner, draw(st.integers(1 if owner == "employee" else 0, most))
        )
        if sentence is not None:
            items.append(sentence)
    if builder.chance(0.5):
        items.append(builder.working_days())
    if builder.chance(0.6):
        items.append(builder.holidays_decl())
    if builder.chance(0.2):
        items.append(builder.absence_kinds())
    for _ in range(draw(st.integers(0, 2))):
        items.append(builder.hours_decl())
    for _ in range(draw(st.integers(0, 2))):
        items.append(builder.dates_decl())
    for _ in range(draw(st.integers(0, 3))):
        items.append(builder.group_decl())
    return items


# ---- mutations ----------------------------------------------------------------------------

ALL_PHRASES = tuple(sorted({phrase for phrases in keywords.ENGLISH.values() for phrase in phrases}))
_JUNK = st.text(
    st.sampled_from(list('"`#().,:%<>\\ \n\t\x00\x1b\x7f\ufeff\u200bé’0123456789-abcXYZ')),
    min_size=1,
    max_size=8,
)


@st.composite
def mutated(draw: st.DrawFn) -> str | bytes:
    """A valid policy broken at random: tokens deleted, doubled, swapped or replaced, junk
    characters or keywords inserted, the text cut short, or stray bytes put in."""
    generated = draw(policies(max_rules=4))
    sentences = [list(s) for s in generated.sentences()]
    flat = [(i, j) for i, s in enumerate(sentences) for j in range(len(s))]
    for _ in range(draw(st.integers(1, 3))):
        action = draw(
            st.sampled_from(["delete", "duplicate", "swap", "keyword", "junk", "replace"])
        )
        i, j = draw(st.sampled_from(flat))
        sentence = sentences[i]
        if not sentence:
            continue
        _mutate(draw, sentence, action, min(j, len(sentence) - 1))
    text = render([s for s in sentences if s], random.Random(draw(st.integers(0, 1000))))
    return _spoil_ending(draw, text)


def _mutate(draw: st.DrawFn, sentence: Sentence, action: str, j: int) -> None:
    """Apply one action at token `j` of `sentence` (an earlier action may have shortened it)."""
    if action == "delete":
        del sentence[j]
    elif action == "duplicate":
        sentence.insert(j, sentence[j])
    elif action == "swap" and j + 1 < len(sentence):
        sentence[j], sentence[j + 1] = sentence[j + 1], sentence[j]
    elif action == "keyword":
        sentence.insert(j, kw(draw(st.sampled_from(ALL_PHRASES))))
    elif action == "junk":
        sentence.insert(j, lit(draw(_JUNK)))
    elif action == "replace":
        sentence[j] = draw(
            st.sampled_from(
                [
                    lit("("),
                    lit(")"),
                    lit("."),
                    lit('"'),
                    lit("`"),
                    lit("99999999999999999999"),
                    lit("2025-13-45"),
                    lit("25:99"),
                    lit("alpha"),
                    lit("9" * 400),
                    lit("not " * 50),
                ]
            )
        )


def _spoil_ending(draw: st.DrawFn, text: str) -> str | bytes:
    """The text as it is, cut short, or as bytes with stray bytes put in."""
    ending = draw(st.sampled_from(["keep", "truncate", "bytes"]))
    if ending == "truncate" and text:
        return text[: draw(st.integers(0, len(text) - 1))]
    if ending == "bytes":
        data = bytearray(text.encode("utf-8"))
        for _ in range(draw(st.integers(1, 3))):
            position = draw(st.integers(0, len(data)))
            data[position:position] = draw(st.binary(min_size=1, max_size=4))
        return bytes(data)
    return text


# ---- walks of the grammar itself ----------------------------------------------------------

_TERMINAL_SAMPLES: dict[str, tuple[str, ...]] = {
    "WORD": VOCABULARY,
    "QUOTED_NAME": ("`must know`", "`on call`", "``", "`a  b`"),
    "STRING": ('"x"', '""', '"a \\"b\\" c"', '"dot. and (paren"', '"# not a comment"'),
    "NUMBER": ("0", "3", "7.5", "100"),
    "DATE": ("2025-06-09", "2024-02-29", "2025-13-40"),
    "TIME": ("08:00", "24:00", "7:30", "99:99"),
    "ZONE": ("Asia/Jakarta", "WIB", "wita", "America/Argentina/Buenos_Aires", "Mars/Base"),
    "_DOT": (".",),
    "_COLON": (":",),
    "_COMMA": (",",),
    "_LPAR": ("(",),
    "_RPAR": (")",),
    "_LT": ("<",),
    "_PERCENT": ("%",),
}


def _grammar_tables() -> tuple[dict[str, list[list[tuple[bool, str]]]], dict[str, int]]:
    from flexrules.language.parser import parser

    lark = parser()
    expansions: dict[str, list[list[tuple[bool, str]]]] = {}
    for rule in lark.rules:
        expansions.setdefault(rule.origin.name, []).append(
            [(symbol.is_term, symbol.name) for symbol in rule.expansion]
        )
    # the least depth each rule needs, so a walk can always finish
    height: dict[str, int] = {}
    changed = True
    while changed:
        changed = False
        for origin, options in expansions.items():
            for option in options:
                if all(term or name in height for term, name in option):
                    value = 1 + max((height[name] for term, name in option if not term), default=0)
                    if value < height.get(origin, 10**9):
                        height[origin] = value
                        changed = True
    return expansions, height


_TABLES: tuple[dict[str, list[list[tuple[bool, str]]]], dict[str, int]] | None = None


@st.composite
def grammar_sentences(draw: st.DrawFn, depth: int = 9) -> str:
    """A sentence derived at random from the grammar's own rules: every one must parse."""
    global _TABLES
    if _TABLES is None:
        _TABLES = _grammar_tables()
    expansions, height = _TABLES
    words: list[str] = []

    def walk(symbol: str, budget: int) -> None:
        options = [
            o
            for o in expansions[symbol]
            if 1 + max((height[n] for t, n in o if not t), default=0) <= budget
        ]
        if not options:
            options = [
                min(
                    expansions[symbol],
                    key=lambda o: max((height[n] for t, n in o if not t), default=0),
                )
            ]
        option = draw(st.sampled_from(options))
        for is_term, name in option:
            if is_term:
                samples = _TERMINAL_SAMPLES.get(name) or keywords.ENGLISH[name]
                words.append(draw(st.sampled_from(samples)))
            else:
                walk(name, budget - 1)

    walk("start", depth)
    return " ".join(words)


def _is_core_hours(statement: list[Tok]) -> bool:
    """A shift-rule statement that the language reads as core hours: `must work` with no place,
    followed by at least one time item."""
    words = [t.text for t in statement if t.kind == "kw"]
    for at, word in enumerate(words[:-1]):
        if word == "must" and words[at + 1] == "work":
            rest = words[at + 2 :]
            return bool(rest) and rest[0] in ("on", "between", "from", "until", "during", "outside")
    return False
