"""Names: every group, attribute, hours and dates a rule or group mentions is declared, once."""

from __future__ import annotations

import re

from ...core.diagnostics import Diagnostic, error
from ...core.messages import Code, Text
from .. import ast, keywords
from ..symbols import Symbols
from ._util import (
    BUILT_IN_SUBJECTS,
    Use,
    group_refs,
    in_each,
    owner_phrase,
    place,
    rules_and_groups,
    shorten,
    span_names,
    type_name,
    type_phrase,
    unknown_name_help,
    unread_declarations,
    uses_in,
    write_test,
)

_UNKNOWN_ATTRIBUTE = {
    ast.Owner.EMPLOYEE: "diag.unknown_attribute.employee",
    ast.Owner.SHIFT: "diag.unknown_attribute.shift",
}
_DUPLICATE_ATTRIBUTE = {
    ast.Owner.EMPLOYEE: "diag.duplicate_attribute.employee",
    ast.Owner.SHIFT: "diag.duplicate_attribute.shift",
}
_HAVE = {ast.Owner.EMPLOYEE: "code.employees_have", ast.Owner.SHIFT: "code.shifts_have"}


def check_unknown_names(symbols: Symbols) -> list[Diagnostic]:
    """Groups, attributes, hours and dates that are used but not declared."""
    found: list[Diagnostic] = []
    groups = {key: decl.name.text for key, decl in symbols.groups.items()}
    spans = {key: decl.name.text for key, decl in symbols.hours.items()}
    for key, dates in symbols.dates.items():
        spans.setdefault(key, dates.name.text)
    unread = unread_declarations(symbols)
    for declaration in rules_and_groups(symbols):
        for ref in group_refs(declaration):
            if ref.name.key not in symbols.groups:
                found.append(
                    _refinement_as_group(declaration, ref.name)
                    or _unknown_group(symbols, ref.name, groups)
                )
        for use in uses_in(declaration):
            problem = _unknown_attribute(symbols, use)
            if problem is not None:
                found.append(problem)
        if isinstance(declaration, ast.RuleDecl):
            statement = declaration.statement
            each = in_each(statement)
            if each is not None and each.key not in symbols.employee_attributes:
                found.append(_unknown_in_each(symbols, each))
            for name, phrase in span_names(statement):
                found.extend(_unknown_span(symbols, name, phrase, spans))
    # a name declared in a sentence that did not parse is not unknown: its syntax error is
    return [d for d in found if d.span is None or _name_key(d.span.text) not in unread]


def _name_key(text: str) -> str:
    return ast.name_key(tuple(text.replace("`", " ").split()))


def _refinement_as_group(
    declaration: ast.RuleDecl | ast.GroupDecl, name: ast.Name
) -> Diagnostic | None:
    """`group g: employees who are on probation or who are under sanction.`: after `or`,
    `who are under sanction` was read as a group's name; it needs a subject of its own."""
    words = [word.casefold() for word in name.words]
    if (
        not isinstance(declaration, ast.GroupDecl)
        or "`" in name.span.text
        or not (words[:1] == ["whose"] or words[:2] == ["who", "are"])
    ):
        return None
    first = declaration.subjects[0].base
    base = first.word if isinstance(first, ast.Everyone) else first.name.text
    meant = f"{base} {name.text}"
    return error(
        "unknown-group",
        Text("diag.unknown_group", name=shorten(name.text, 80)),
        name.span,
        Text("diag.unknown_group.after_or.hint", or_=Code("code.or"), meant=shorten(meant, 80)),
        meant,
    )


def _unknown_group(symbols: Symbols, name: ast.Name, groups: dict[str, str]) -> Diagnostic:
    attribute = symbols.employee_attributes.get(name.key)
    hint: Text | None
    suggestion: str | Code | None
    message = Text("diag.unknown_group", name=shorten(name.text, 80))
    if attribute is not None:
        written = attribute.name.text
        if _is_flag(attribute):
            suggestion = Code("code.employees_who_are", attribute=written)
            hint = Text("diag.unknown_group.flag.hint", name=written, written=suggestion)
        else:
            suggestion = None
            hint = Text(
                "diag.unknown_group.attribute.hint",
                name=written,
                written=Code("code.employees_whose", attribute=written),
            )
        return error("unknown-group", message, name.span, hint, suggestion)
    hint = _not_modal_hint(name)
    suggestion = None
    if hint is None:
        hint, suggestion = unknown_name_help(
            name, groups, Text("diag.is_a_group"), BUILT_IN_SUBJECTS
        )
    if hint is None:
        declare = Code("code.declare_group", name=shorten(name.text, 80))
        hint = Text("diag.declare_it", example=Text("diag.quoted", code=declare))
    return error("unknown-group", message, name.span, hint, suggestion)


#: `tidak` and the modal after it, in an Indonesian file: `pegawai tidak wajib ...` reads as
#: the group `pegawai tidak` (LANGUAGE-ID.md §3.9, §6.4)
_NOT_WORDS = frozenset({"tidak"})
_AFTER_NOT = re.compile(r"\s*(wajib|harus|dapat)(?![\w-])", re.IGNORECASE)


def _not_modal_hint(name: ast.Name) -> Text | None:
    """The hint for a group name ending in `tidak` right before a modal (`tidak wajib`,
    `tidak harus`: need not; `tidak dapat`: cannot), which the language cannot say."""
    if len(name.words) < 2 or name.words[-1].casefold() not in _NOT_WORDS:
        return None
    source = name.span.source.text
    modal = _AFTER_NOT.match(source, name.span.end)
    if modal is None:
        return None
    subject = " ".join(name.words[:-1])
    key = (
        "diag.unknown_group.cannot.hint"
        if modal.group(1).casefold() == "dapat"
        else "diag.unknown_group.not_modal.hint"
    )
    return Text(
        key,
        not_modal=Code("code.not_modal", modal=modal.group(1)),
        not_=Code("code.not"),
        must_not=Code("code.subject_must_not", subject=subject),
        may_not=Code("code.subject_may_not", subject=subject),
    )


def _is_flag(attribute: ast.AttributeDecl) -> bool:
    return isinstance(attribute.type, ast.SimpleType) and attribute.type.kind == "bool"


def _unknown_attribute(symbols: Symbols, use: Use) -> Diagnostic | None:
    test = use.test
    owner = test.owner
    name = test.attribute
    if name.key in symbols.attributes(owner):
        return None
    flag = isinstance(test, ast.FlagTest)
    other_owner = ast.Owner.SHIFT if owner is ast.Owner.EMPLOYEE else ast.Owner.EMPLOYEE
    other = symbols.attributes(other_owner).get(name.key)
    if other is not None:
        other_flag = _is_flag(other)
        written = write_test(other_owner, "condition", other.name.text, other_flag)
        if other_owner is ast.Owner.SHIFT and use.context == "refinement":
            hint = Text("diag.shift_in_subject.hint", condition=Code("code.if", test=written))
        else:
            hint = Text("diag.write", text=written)
        return error(
            "unknown-attribute",
            Text(
                "diag.wrong_owner",
                name=other.name.text,
                owner=owner_phrase(other_owner),
                other=owner_phrase(owner),
            ),
            name.span,
            hint,
        )
    known = {key: decl.name.text for key, decl in symbols.attributes(owner).items()}
    found_hint, suggestion = _nya_hint(name, known)
    if found_hint is None:
        found_hint, suggestion = unknown_name_help(
            name, known, Text("diag.is", what=owner_phrase(owner))
        )
    if found_hint is None:
        type_word = Code("code.type.bool" if flag else "code.type.text")
        found_hint = _declare_attribute(owner, name, type_word)
    return error(
        "unknown-attribute",
        Text(_UNKNOWN_ATTRIBUTE[owner], name=shorten(name.text, 80)),
        name.span,
        found_hint,
        suggestion,
    )


def _declare_attribute(owner: ast.Owner, name: ast.Name, type_word: Code) -> Text:
    declare = Code(
        "code.declare_attribute",
        have=Code(_HAVE[owner]),
        name=shorten(name.text, 80),
        type=type_word,
    )
    return Text("diag.declare_it", example=Text("diag.quoted", code=declare))


def _nya_hint(name: ast.Name, known: dict[str, str]) -> tuple[Text | None, str | None]:
    """The hints for `-nya` misread in an Indonesian file (LANGUAGE-ID.md §6.4): a last word
    written with `nya` that lowering took as the suffix (`keterangan lainnya` read as
    `keterangan lain`), and a declared name with `nya` after `dengan` (`dengan jabatannya`)."""
    if not name.words:
        return None, None
    written = name.span.text
    last = name.words[-1]
    if written.casefold().endswith(last.casefold() + "nya"):
        whole = ast.name_key((*name.words[:-1], last + "nya"))
        if whole in known:
            quoted = Code("code.quoted_nya", name=known[whole])
            hint = Text(
                "diag.unknown_attribute.nya.hint",
                word=last + written[-3:],
                stem=last,
                name=known[whole],
                quoted=quoted,
            )
            return hint, f"`{known[whole]}`nya"
    key = name.key
    before = name.span.source.text[: name.span.start].rstrip().casefold()
    if key.endswith("nya") and key[:-3].strip() in known and before.endswith("dengan"):
        bare = known[key[:-3].strip()]
        written_with = Code("code.with_attribute", attribute=bare)
        return Text(
            "diag.unknown_attribute.with_nya.hint", with_=Code("code.with"), written=written_with
        ), bare
    return None, None


def _unknown_in_each(symbols: Symbols, name: ast.Name) -> Diagnostic:
    shift = symbols.shift_attributes.get(name.key)
    if shift is not None:
        texts = [
            a.name.text
            for a in symbols.employee_attributes.values()
            if type_name(a.type) in ("text", "one of")
        ]
        example = Text("diag.such_as", name=texts[0]) if texts else ""
        return error(
            "unknown-attribute",
            Text(
                "diag.unknown_attribute.in_each",
                name=shift.name.text,
                in_each=Code("code.in_each"),
            ),
            name.span,
            Text("diag.unknown_attribute.in_each.hint", example=example),
        )
    known = {key: decl.name.text for key, decl in symbols.employee_attributes.items()}
    hint, suggestion = unknown_name_help(
        name, known, Text("diag.is", what=owner_phrase(ast.Owner.EMPLOYEE))
    )
    if hint is None:
        hint = _declare_attribute(ast.Owner.EMPLOYEE, name, Code("code.type.text"))
    return error(
        "unknown-attribute",
        Text("diag.unknown_attribute.employee", name=shorten(name.text, 80)),
        name.span,
        hint,
        suggestion,
    )


def _unknown_span(
    symbols: Symbols, name: ast.Name, phrase: ast.Node, spans: dict[str, str]
) -> list[Diagnostic]:
    within = isinstance(phrase, ast.ActivityPhrase)
    if name.key in symbols.hours:
        return []
    dates = symbols.dates.get(name.key)
    if dates is not None:
        if not within:
            return []
        return [
            error(
                "not-hours",
                Text(
                    "diag.not_hours",
                    name=dates.name.text,
                    work_within=Code("code.work_within"),
                ),
                name.span,
                Text(
                    "diag.not_hours.hint",
                    during=Code("code.during", name=dates.name.text),
                    work_within_hours=Code("code.work_within_hours"),
                    declare=Code("code.hours_window", name=dates.name.text),
                ),
            )
        ]
    shown = shorten(name.text, 80)
    example: Text
    if within:
        known = {key: decl.name.text for key, decl in symbols.hours.items()}
        message = Text("diag.unknown_hours.hours", name=shown)
        # an Indonesian `jam NAME:` declares hours named `jam NAME` (LANGUAGE-ID.md §3.2)
        declare = "code.declare_jam_hours" if _starts_with_jam(name) else "code.declare_work_hours"
        example = Text("diag.quoted", code=Code(declare, name=shown))
    else:
        known = spans
        message = Text("diag.unknown_hours", name=shown)
        example = Text(
            "diag.either",
            first=Code("code.declare_hours", name=shown),
            second=Code("code.declare_dates", name=shown),
        )
    kinds = {
        key: Text("diag.names_hours" if key in symbols.hours else "diag.names_dates")
        for key in known
    }
    hint, guess = unknown_name_help(name, known, kinds)
    suggestion: str | Code | None = guess
    if hint is None and name.key in _DAY_SET_WORDS:
        hint = Text(
            "diag.unknown_hours.day_set.hint",
            name=name.text,
            on=Code("code.on", name=name.text),
            during=Code("code.during_word"),
            outside=Code("code.outside_word"),
        )
        suggestion = Code("code.on", name=name.text)
    if hint is None:
        hint = Text("diag.declare_it", example=example)
    return [error("unknown-hours", message, name.span, hint, suggestion)]


def _starts_with_jam(name: ast.Name) -> bool:
    return len(name.words) > 1 and name.words[0].casefold() == "jam"


#: Day sets that authors write after `during` as if they were hours (from the keyword table).
_DAY_SET_WORDS = frozenset(
    phrase.casefold()
    for terminal in (
        "MONDAY",
        "TUESDAY",
        "WEDNESDAY",
        "THURSDAY",
        "FRIDAY",
        "SATURDAY",
        "SUNDAY",
        "WEEKDAYS",
        "WEEKENDS",
        "WORKING_DAYS",
        "HOLIDAYS",
        "PUBLIC_HOLIDAYS",
        "JOINT_HOLIDAYS",
        "EVERY_DAY",
    )
    for phrase in keywords.ENGLISH[terminal]
)


# ---- duplicates ------------------------------------------------------------------------


def check_duplicates(symbols: Symbols) -> list[Diagnostic]:
    """Two declarations of one name (per kind) or one rule id; the second is reported."""
    found: list[Diagnostic] = []
    attributes: dict[tuple[ast.Owner, str], ast.AttributeDecl] = {}
    groups: dict[str, ast.GroupDecl] = {}
    spans: dict[str, ast.HoursDecl | ast.DatesDecl] = {}
    rules: dict[str, ast.RuleDecl] = {}
    for declaration in symbols.declarations():
        if isinstance(declaration, ast.AttributesDecl):
            found.extend(_duplicate_attributes(declaration, attributes))
        elif isinstance(declaration, ast.GroupDecl):
            first_group = groups.setdefault(declaration.name.key, declaration)
            if first_group is not declaration:
                found.append(_duplicate_group(declaration, first_group))
        elif isinstance(declaration, (ast.HoursDecl, ast.DatesDecl)):
            first_span = spans.setdefault(declaration.name.key, declaration)
            if first_span is not declaration:
                found.append(_duplicate_span(declaration, first_span))
        elif isinstance(declaration, ast.RuleDecl):
            first_rule = rules.setdefault(declaration.id.key, declaration)
            if first_rule is not declaration:
                found.append(_duplicate_rule(declaration, first_rule))
    return found


def _duplicate_attributes(
    declaration: ast.AttributesDecl, seen: dict[tuple[ast.Owner, str], ast.AttributeDecl]
) -> list[Diagnostic]:
    """The attributes of one declaration whose name the same owner already has (in this
    declaration or an earlier one); the others are remembered in `seen`."""
    found: list[Diagnostic] = []
    for attribute in declaration.attributes:
        key = (declaration.owner, attribute.name.key)
        first_attribute = seen.setdefault(key, attribute)
        if first_attribute is not attribute:
            found.append(_duplicate_attribute(declaration.owner, attribute, first_attribute))
    return found


def _duplicate_group(declaration: ast.GroupDecl, first: ast.GroupDecl) -> Diagnostic:
    return error(
        "duplicate-name",
        Text("diag.duplicate_group", name=declaration.name.text),
        declaration.name.span,
        Text("diag.duplicate.first_at.hint", place=place(first.span, declaration.span), detail=""),
    )


def _duplicate_rule(declaration: ast.RuleDecl, first: ast.RuleDecl) -> Diagnostic:
    """Rule ids match whatever their case, so the hint shows the first one as written when the
    case differs."""
    same = first.id.text == declaration.id.text
    written = "" if same else Text("diag.as_written", first=first.id.text)
    return error(
        "duplicate-rule",
        Text("diag.duplicate_rule", id=declaration.id.text),
        declaration.id.span,
        Text(
            "diag.duplicate_rule.hint",
            written=written,
            place=place(first.span, declaration.span),
        ),
    )


def _duplicate_attribute(
    owner: ast.Owner, attribute: ast.AttributeDecl, first: ast.AttributeDecl
) -> Diagnostic:
    same_type = first.type == attribute.type
    detail = "" if same_type else Text("diag.duplicate.as_type", what=type_phrase(first.type))
    return error(
        "duplicate-name",
        Text(_DUPLICATE_ATTRIBUTE[owner], name=attribute.name.text),
        attribute.name.span,
        Text(
            "diag.duplicate.first_at.hint",
            place=place(first.span, attribute.span),
            detail=detail,
        ),
    )


def _duplicate_span(
    declaration: ast.HoursDecl | ast.DatesDecl, first: ast.HoursDecl | ast.DatesDecl
) -> Diagnostic:
    where = place(first.span, declaration.span)
    if type(first) is type(declaration):
        key = "diag.duplicate_hours" if isinstance(first, ast.HoursDecl) else "diag.duplicate_dates"
        return error(
            "duplicate-name",
            Text(key, name=declaration.name.text),
            declaration.name.span,
            Text("diag.duplicate_span.hint", place=where),
        )
    hours = isinstance(first, ast.HoursDecl)
    return error(
        "duplicate-name",
        Text(
            "diag.already_names_hours" if hours else "diag.already_names_dates",
            name=declaration.name.text,
        ),
        declaration.name.span,
        Text(
            "diag.already_names_hours.hint" if hours else "diag.already_names_dates.hint",
            place=where,
            during=Code("code.during", name=declaration.name.text),
        ),
    )
