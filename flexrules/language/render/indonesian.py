"""The syntax tree written in Bahasa Indonesia (LANGUAGE-ID.md §7), and in English from a tree
of either language: the writers of `flexrules translate`.

They write from the tree, not from the source text, since the source is in the other language:
keywords are each terminal's first phrase (with the canonical exceptions of §7: `paling rendah`
in comparisons, `paling cepat` with a date...), literals in the target's own form (`08.00`,
`7 Juli 2025`, `7,5`), and names copied word for word. Whether a name needs backquotes
(`quote_names`) is chosen by the translator: it first writes names bare, and only when its
output does not read back as the same tree, backquotes every name that holds a keyword word of
the target language."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import attrs

from .. import ast, keywords
from ..indonesian import INDONESIAN, MONTHS
from .english import EnglishWriter, kw, mark
from .tokens import Tok

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_DAY_SETS = {
    ast.DayKind.WEEKDAYS: "hari biasa",
    ast.DayKind.WEEKENDS: "akhir pekan",
    ast.DayKind.WORKING_DAYS: "hari kerja",
    ast.DayKind.HOLIDAYS: "hari libur",
    ast.DayKind.PUBLIC_HOLIDAYS: "hari libur nasional",
    ast.DayKind.JOINT_HOLIDAYS: "cuti bersama",
    ast.DayKind.EVERY_DAY: "setiap hari",
}
_TYPES = {"text": "teks", "number": "angka", "bool": "ya atau tidak", "date": "tanggal"}
_UNITS = {
    ast.CountUnit.DAYS: "hari",
    ast.CountUnit.WORKING_DAYS: "hari kerja",
    ast.CountUnit.HOURS: "jam",
}
_PERIODS = {
    ast.PeriodUnit.DAY: "hari",
    ast.PeriodUnit.WORKING_DAY: "hari kerja",
    ast.PeriodUnit.WEEK: "minggu",
    ast.PeriodUnit.MONTH: "bulan",
}
_AGO_UNITS = {
    ast.DateUnit.DAY: "hari",
    ast.DateUnit.WEEK: "minggu",
    ast.DateUnit.MONTH: "bulan",
    ast.DateUnit.YEAR: "tahun",
}
_MODALS = {ast.Modal.MUST: "wajib", ast.Modal.MUST_NOT: "dilarang", ast.Modal.MAY: "dapat"}
_OPS = {
    ast.CompareOp.IS: None,
    ast.CompareOp.IS_NOT: "bukan",
    ast.CompareOp.ONE_OF: "salah satu dari",
    ast.CompareOp.NOT_ONE_OF: "bukan salah satu dari",
    ast.CompareOp.AT_LEAST: "paling rendah",
    ast.CompareOp.AT_MOST: "paling tinggi",
    ast.CompareOp.MORE_THAN: "lebih dari",
    ast.CompareOp.LESS_THAN: "kurang dari",
    ast.CompareOp.BETWEEN: "antara",
    ast.CompareOp.BEFORE: "sebelum",
    ast.CompareOp.AFTER: "setelah",
}


def _keyword_words(table: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    return frozenset(
        word.casefold()
        for phrases in table.values()
        for phrase in phrases
        for word in phrase.split()
    )


_ID_WORDS = _keyword_words(INDONESIAN)
_EN_WORDS = _keyword_words(keywords.ENGLISH)


def words_of(name: ast.Name, reserved: frozenset[str], quote: bool) -> str:
    """A name from its words; in backquotes when `quote` and a word is a keyword word."""
    text = " ".join(name.words)
    if quote and any(word.casefold() in reserved for word in name.words):
        return f"`{text}`"
    return text


class EnglishTranslationWriter(EnglishWriter):
    """English from a tree of either language: the English writer with keywords taken from
    the table (the source's own words may be Indonesian) and names written from their words."""

    def __init__(self, quote_names: bool = False) -> None:
        self.quote_names = quote_names

    def name(self, name: ast.Name) -> Tok:
        return Tok(words_of(name, _EN_WORDS, self.quote_names), name.span.start)

    def activity(self, node: ast.ActivityPhrase) -> Tok:
        return Tok(keywords.ENGLISH[node.keyword][0], node.span.start)

    def time(self, literal: ast.TimeLiteral) -> Tok:
        return Tok(literal.text, literal.span.start)

    def literal(self, literal: ast.Literal) -> Tok:
        if isinstance(literal, ast.TimeLiteral):
            return self.time(literal)
        return super().literal(literal)

    def time_item(self, node: ast.Time) -> Iterator[Tok]:
        """As `fmt` writes it, but a single day after `on` is plural (`on Fridays`, §7)."""
        if isinstance(node, ast.OnDays) and len(node.days.items) == 1:
            day = node.days.items[0]
            if isinstance(day, ast.DayRange) and day.last is None:
                yield kw("on")
                yield kw(_WEEKDAYS[day.first] + "s")
                return
        yield from super().time_item(node)


class IndonesianWriter(EnglishWriter):
    """Bahasa Indonesia from a tree of either language (LANGUAGE-ID.md §3 word order, §7's
    canonical phrases)."""

    language = "id"

    def __init__(self, quote_names: bool = False) -> None:
        self.quote_names = quote_names

    # ---- names and literals --------------------------------------------------------------

    def name(self, name: ast.Name) -> Tok:
        return Tok(words_of(name, _ID_WORDS, self.quote_names), name.span.start)

    def possessed(self, name: ast.Name) -> Tok:
        """`kinerjanya`, `status kepegawaiannya`, or `` `X`nya `` where the bare form would
        not read back."""
        text = words_of(name, _ID_WORDS, self.quote_names)
        last = name.words[-1]
        if text.startswith("`") or last.casefold().endswith("nya") or last[-1].isdigit():
            return Tok(f"`{' '.join(name.words)}`nya", name.span.start)
        return Tok(text + "nya", name.span.start)

    def number(self, literal: ast.NumberLiteral, percent: bool = False) -> Iterator[Tok]:
        yield Tok(literal.text.replace(".", ","), literal.span.start)
        if percent:
            yield mark("%")
        if literal.words:
            yield Tok(f"({literal.words})")

    def date(self, literal: ast.DateLiteral) -> Tok:
        month = MONTHS[literal.month - 1].capitalize() if 1 <= literal.month <= 12 else None
        if month is None:  # not a date the checks accept: written as read
            return Tok(literal.text, literal.span.start)
        return Tok(f"{literal.day} {month} {literal.year}", literal.span.start)

    def time(self, literal: ast.TimeLiteral) -> Tok:
        text = f"{literal.hour:02d}.{literal.minute:02d}"
        if literal.zone:
            text += " " + literal.zone
        return Tok(text, literal.span.start)

    def literal(self, literal: ast.Literal) -> Tok:
        if isinstance(literal, ast.NumberLiteral):
            return Tok(literal.text.replace(".", ","), literal.span.start)
        if isinstance(literal, ast.DateLiteral):
            return self.date(literal)
        if isinstance(literal, ast.TimeLiteral):
            return self.time(literal)
        if isinstance(literal, ast.BoolLiteral):
            return Tok("ya" if literal.value else "tidak", literal.span.start)
        return self.text(literal)

    # ---- declarations --------------------------------------------------------------------

    def write_Header(self, node: ast.Header) -> Iterator[Tok]:
        yield Tok("kebijakan", spread=True)
        yield self.text(node.name)
        for clause in node.clauses:
            if isinstance(clause, ast.VersionClause):
                yield Tok("versi", line_start=True)
                yield self.text(clause.version)
            elif isinstance(clause, ast.TimezoneClause):
                yield Tok("zona waktu", line_start=True)
                yield Tok(clause.zone, clause.span.start)
            elif isinstance(clause, ast.EffectiveClause):
                yield Tok("berlaku mulai", line_start=True)
                yield self.literal(clause.start)
                if clause.end is not None:
                    yield kw("sampai")
                    yield self.literal(clause.end)
            else:
                yield Tok("bawaan", line_start=True)
                yield kw("diizinkan" if clause.effect == "allow" else "ditolak")

    def write_AttributesDecl(self, node: ast.AttributesDecl) -> Iterator[Tok]:
        yield kw("pegawai memiliki" if node.owner is ast.Owner.EMPLOYEE else "sif memiliki")
        yield Tok(":", head_end=True)
        for index, attribute in enumerate(node.attributes):
            if index:
                yield mark(",")
            yield attrs.evolve(self.name(attribute.name), line_start=True)
            yield mark(":")
            yield from self.type_expr(attribute.type)

    def type_expr(self, node: ast.TypeExpr) -> Iterator[Tok]:
        if isinstance(node, ast.SimpleType):
            yield kw(_TYPES.get(node.kind, "tanggal"))
        elif isinstance(node, ast.OneOfType):
            yield kw("salah satu dari")
            yield from self.joined([[self.text(v)] for v in node.values], ",")
        else:
            yield kw("bertingkat")
            yield from self.joined([[self.text(v)] for v in node.values], "<")

    def write_WorkingDaysDecl(self, node: ast.WorkingDaysDecl) -> Iterator[Tok]:
        yield kw("hari kerja")
        yield Tok(":", head_end=True)
        yield from self.days(node.days)

    def write_HolidaysDecl(self, node: ast.HolidaysDecl) -> Iterator[Tok]:
        yield kw("hari libur")
        yield Tok(":", head_end=True)
        items: list[list[Tok]] = []
        for item in node.items:
            if isinstance(item, ast.NationalHolidays):
                national = [Tok("nasional", item.span.start)]
                items.append([*national, kw("dan cuti bersama")] if item.joint else national)
            else:
                date = [self.date(item.date)]
                if item.joint:
                    date.append(kw("sebagai cuti bersama"))
                items.append(date + self.citing(item.citation))
        yield from self.joined(items, ",")
        if node.removed:
            yield kw("kecuali")
            removed = [[self.date(r.date), *self.citing(r.citation)] for r in node.removed]
            yield from self.joined(removed, ",")

    def citing(self, citation: ast.TextLiteral | None) -> list[Tok]:
        """`berdasarkan "..."` after a date the decree is cited for; nothing without one."""
        return [] if citation is None else [kw("berdasarkan"), self.text(citation)]

    def write_AbsenceKindsDecl(self, node: ast.AbsenceKindsDecl) -> Iterator[Tok]:
        yield kw("jenis ketidakhadiran")
        yield Tok(":", head_end=True)
        kinds = [
            [self.text(kind.name), *([kw("sebagai kerja")] if kind.work else [])]
            for kind in node.kinds
        ]
        yield from self.joined(kinds, ",")

    def write_HoursDecl(self, node: ast.HoursDecl) -> Iterator[Tok]:
        words = node.name.words
        if len(words) > 1 and words[0].casefold() == "jam":  # `jam layanan` (§3.2)
            yield kw("jam")
            rest = attrs.evolve(node.name, words=words[1:])
            yield self.name(rest)
        else:
            yield kw("pola jam")
            yield self.name(node.name)
        yield Tok(":", head_end=True)
        items: list[list[Tok]] = []
        for item in node.items:
            if isinstance(item, ast.HoursSpan):
                items.append(
                    [
                        *self.days(item.days),
                        self.time(item.start),
                        kw("sampai"),
                        self.time(item.end),
                    ]
                )
            else:
                items.append([kw("kecuali hari libur")])
        yield from self.joined(items, ",")

    def write_DatesDecl(self, node: ast.DatesDecl) -> Iterator[Tok]:
        yield kw("tanggal")
        yield self.name(node.name)
        yield Tok(":", head_end=True)
        items: list[list[Tok]] = []
        for item in node.items:
            if item.end is None:
                items.append([self.date(item.start)])
            else:
                items.append([self.date(item.start), kw("sampai"), self.date(item.end)])
        yield from self.joined(items, ",")

    def write_GroupDecl(self, node: ast.GroupDecl) -> Iterator[Tok]:
        yield kw("kelompok")
        yield self.name(node.name)
        yield Tok(":", head_end=True)
        yield from self.joined([list(self.subject(s)) for s in node.subjects], "atau")

    def write_RuleDecl(self, node: ast.RuleDecl) -> Iterator[Tok]:
        yield kw("aturan")
        yield self.identifier(node.id)
        if node.title is not None:
            yield self.text(node.title)
        if node.citation is not None:
            yield kw("berdasarkan")
            yield self.text(node.citation)
        if node.overrides:
            yield kw("mengesampingkan")
            yield from self.joined([[self.identifier(i)] for i in node.overrides], ",")
        yield Tok(":", head_end=True)
        yield from self.statement(node.statement)

    # ---- statements ------------------------------------------------------------------------

    def statement(self, node: ast.Statement) -> Iterator[Tok]:
        if node.staffing is not None:
            yield kw("paling sedikit")
            yield from self.number(node.staffing.count)
        elif node.share is not None:
            yield kw("paling banyak")
            yield from self.number(node.share.percent, percent=True)
            yield kw("dari")
        yield from self.subject(node.subject)
        counted = node.staffing or node.share
        in_each = counted.in_each if counted is not None else None
        if in_each is not None:
            yield kw("di setiap")
            yield self.name(in_each)
        yield kw(_MODALS[node.modal])
        yield self.activity(node.activity)
        if node.activity.within is not None:
            yield self.name(node.activity.within)
        if node.quantity is not None:
            yield kw("paling sedikit" if node.quantity.at_least else "lebih dari")
            yield from self.number(node.quantity.amount)
            yield kw(_UNITS[node.quantity.unit])
        if node.period is not None:
            yield kw("per")
            yield kw(_PERIODS[node.period.unit])
        for time in node.times:
            yield from self.time_item(time)
        if node.condition is not None:
            yield kw("kecuali" if node.condition.unless else "jika")
            yield from self.condition(node.condition.condition, top=True)

    def activity(self, node: ast.ActivityPhrase) -> Tok:
        return Tok(INDONESIAN[node.keyword][0], node.span.start)

    def time_item(self, node: ast.Time) -> Iterator[Tok]:
        if isinstance(node, ast.During):
            yield kw("di luar" if node.outside else "selama")
            yield self.name(node.name)
        elif isinstance(node, ast.OnDays):
            yield kw("pada")
            yield from self.days(node.days, after_on=True)
        elif isinstance(node, ast.BetweenTimes):
            yield from (kw("antara pukul"), self.time(node.start), kw("dan"), self.time(node.end))
        elif node.start is None:
            assert node.end is not None
            yield kw("sampai")
            yield self.date(node.end)
        else:
            yield kw("mulai")
            yield self.date(node.start)
            if node.end is not None:
                yield kw("sampai")
                yield self.date(node.end)

    def days(self, node: ast.Days, after_on: bool = False) -> Iterator[Tok]:
        items: list[list[Tok]] = []
        for item in node.items:
            if isinstance(item, ast.DaySet):
                items.append([kw(_DAY_SETS[item.kind])])
            else:
                first = ("hari " if after_on and not items else "") + _HARI[item.first]
                if item.last is None:
                    items.append([kw(first)])
                else:
                    items.append([kw(first), kw("sampai"), kw(_HARI[item.last])])
        for index, tokens in enumerate(items):
            if index:
                yield mark(",") if index < len(items) - 1 else kw("dan")
            yield from tokens

    # ---- subjects and conditions -------------------------------------------------------------

    def subject(self, node: ast.Subject) -> Iterator[Tok]:
        if isinstance(node.base, ast.GroupRef):
            yield self.name(node.base.name)
        else:
            everyone = node.base.word == "everyone"
            yield Tok("semua pegawai" if everyone else "pegawai", node.base.span.start)
        for index, refinement in enumerate(node.refinements):
            if isinstance(refinement, ast.FlagTest):
                yield kw("dan yang" if index else "yang")
                if refinement.negated:
                    yield kw("tidak")
                yield self.name(refinement.attribute)
            else:
                yield kw("dan" if index else "yang")
                yield self.possessed(refinement.attribute)
                yield from self.comparison(refinement.comparison)

    def test(self, node: ast.AttributeTest | ast.FlagTest) -> Iterator[Tok]:
        """A test in a condition: `kinerjanya ...`, `mereka [tidak] F`, `X sif ...`,
        `sif [tidak] F`."""
        employee = node.owner is ast.Owner.EMPLOYEE
        if isinstance(node, ast.FlagTest):
            yield kw("mereka" if employee else "sif")
            if node.negated:
                yield kw("tidak")
            yield self.name(node.attribute)
            return
        if employee:
            yield self.possessed(node.attribute)
        else:
            yield self.name(node.attribute)
            yield kw("sif")
        yield from self.comparison(node.comparison)

    def comparison(self, node: ast.Comparison) -> Iterator[Tok]:
        word = _OPS[node.op]
        dated = any(isinstance(v, ast.DateLiteral) for v in node.values)
        if node.op is ast.CompareOp.AT_LEAST:
            word = "paling sedikit" if node.ago else "paling cepat" if dated else word
        elif node.op is ast.CompareOp.AT_MOST:
            word = "paling banyak" if node.ago else "paling lambat" if dated else word
        if word is not None:
            yield kw(word)
        values = [[self.literal(v)] for v in node.values]
        if node.op is ast.CompareOp.BETWEEN and len(values) == 2:
            yield from (*values[0], kw("dan"), *values[1])
        else:
            yield from self.joined(values, ",")
        if node.ago is not None:
            yield kw(_AGO_UNITS[node.ago.unit])
            yield kw("yang lalu")

    def _condition(self, node: ast.Condition) -> Iterator[Tok]:
        if isinstance(node, (ast.AttributeTest, ast.FlagTest)):
            yield from self.test(node)
        elif isinstance(node, ast.Not):
            yield kw("tidak")
            yield from self._operand(node.item, isinstance(node.item, (ast.And, ast.Or, ast.Not)))
        else:
            inner = ast.Or if isinstance(node, ast.Or) else (ast.And, ast.Or)
            word = "atau" if isinstance(node, ast.Or) else "dan"
            for index, item in enumerate(node.items):
                if index:
                    yield kw(word)
                yield from self._operand(item, isinstance(item, inner))
