"""Names: every group, attribute, hours and dates a rule or group mentions is declared, once."""

from __future__ import annotations

from ...core.diagnostics import Diagnostic, error
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

_OWNER_WORD = {ast.Owner.EMPLOYEE: "employee", ast.Owner.SHIFT: "shift"}
_HAVE = {ast.Owner.EMPLOYEE: "employees have", ast.Owner.SHIFT: "shifts have"}


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
        f"no group called `{shorten(name.text, 80)}`",
        name.span,
        f"after `or`, a group needs a whole subject: did you mean `{shorten(meant, 80)}`?",
        meant,
    )


def _unknown_group(symbols: Symbols, name: ast.Name, groups: dict[str, str]) -> Diagnostic:
    attribute = symbols.employee_attributes.get(name.key)
    hint: str | None
    suggestion: str | None
    if attribute is not None:
        written = attribute.name.text
        if _is_flag(attribute):
            suggestion = f"employees who are {written}"
            hint = f"`{written}` is a yes or no attribute: write `{suggestion}`"
        else:
            suggestion = None
            hint = f"`{written}` is an employee attribute: write `employees whose {written} is ...`"
        return error(
            "unknown-group",
            f"no group called `{shorten(name.text, 80)}`",
            name.span,
            hint,
            suggestion,
        )
    hint, suggestion = unknown_name_help(name, groups, "is a group", BUILT_IN_SUBJECTS)
    if hint is None:
        hint = f"declare it: `group {shorten(name.text, 80)}: employees whose ... .`"
    return error(
        "unknown-group", f"no group called `{shorten(name.text, 80)}`", name.span, hint, suggestion
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
            hint = f"a subject cannot test the shift; add a condition: `if {written}`"
        else:
            hint = f"write `{written}`"
        return error(
            "unknown-attribute",
            f"`{other.name.text}` is {owner_phrase(other_owner)}, not {owner_phrase(owner)}",
            name.span,
            hint,
        )
    known = {key: decl.name.text for key, decl in symbols.attributes(owner).items()}
    found_hint, suggestion = unknown_name_help(name, known, f"is {owner_phrase(owner)}")
    if found_hint is None:
        type_word = "yes or no" if flag else "text"
        found_hint = f"declare it: `{_HAVE[owner]}: {shorten(name.text, 80)}: {type_word}.`"
    return error(
        "unknown-attribute",
        f"no {_OWNER_WORD[owner]} attribute called `{shorten(name.text, 80)}`",
        name.span,
        found_hint,
        suggestion,
    )


def _unknown_in_each(symbols: Symbols, name: ast.Name) -> Diagnostic:
    shift = symbols.shift_attributes.get(name.key)
    if shift is not None:
        texts = [
            a.name.text
            for a in symbols.employee_attributes.values()
            if type_name(a.type) in ("text", "one of")
        ]
        example = f" such as `{texts[0]}`" if texts else ""
        return error(
            "unknown-attribute",
            f"`{shift.name.text}` is a shift attribute; `in each` splits employees",
            name.span,
            f"use an employee attribute{example}",
        )
    known = {key: decl.name.text for key, decl in symbols.employee_attributes.items()}
    hint, suggestion = unknown_name_help(name, known, "is an employee attribute")
    if hint is None:
        hint = f"declare it: `employees have: {shorten(name.text, 80)}: text.`"
    return error(
        "unknown-attribute",
        f"no employee attribute called `{shorten(name.text, 80)}`",
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
                f"`{dates.name.text}` is a set of dates; `work within` needs hours",
                name.span,
                f"write `during {dates.name.text}` after `work within HOURS`, or declare hours: "
                f"`hours {dates.name.text} window: Monday to Friday 07:00 to 17:00.`",
            )
        ]
    if within:
        known = {key: decl.name.text for key, decl in symbols.hours.items()}
        what = "hours"
        example = f"`hours {shorten(name.text, 80)}: Monday to Friday 07:00 to 17:00.`"
    else:
        known = spans
        what, example = (
            "hours or dates",
            (
                f"`hours {shorten(name.text, 80)}: Monday to Friday 08:00 to 16:00.` or "
                f"`dates {shorten(name.text, 80)}: 2025-03-01 to 2025-03-30.`"
            ),
        )
    kinds = {key: "names hours" if key in symbols.hours else "names dates" for key in known}
    hint, suggestion = unknown_name_help(name, known, kinds)
    if hint is None and name.key in _DAY_SET_WORDS:
        hint = (
            f"`{name.text}` is a set of days: write `on {name.text}` "
            f"(`during` and `outside` take declared hours or dates)"
        )
        suggestion = f"on {name.text}"
    if hint is None:
        hint = f"declare it: {example}"
    return [
        error(
            "unknown-hours",
            f"no {what} called `{shorten(name.text, 80)}`",
            name.span,
            hint,
            suggestion,
        )
    ]


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
        f"the group `{declaration.name.text}` is declared twice",
        declaration.name.span,
        f"the first is at {place(first.span, declaration.span)}; remove one or rename it",
    )


def _duplicate_rule(declaration: ast.RuleDecl, first: ast.RuleDecl) -> Diagnostic:
    """Rule ids match whatever their case, so the hint shows the first one as written when the
    case differs."""
    same = first.id.text == declaration.id.text
    written = "" if same else f" (as `{first.id.text}`)"
    return error(
        "duplicate-rule",
        f"the rule id `{declaration.id.text}` is used twice",
        declaration.id.span,
        f"the first{written} is at {place(first.span, declaration.span)}; "
        "rule ids must differ, whatever their case",
    )


def _duplicate_attribute(
    owner: ast.Owner, attribute: ast.AttributeDecl, first: ast.AttributeDecl
) -> Diagnostic:
    same_type = first.type == attribute.type
    detail = "" if same_type else f" as {type_phrase(first.type)}"
    return error(
        "duplicate-name",
        f"the {_OWNER_WORD[owner]} attribute `{attribute.name.text}` is declared twice",
        attribute.name.span,
        f"the first is at {place(first.span, attribute.span)}{detail}; remove one or rename it",
    )


def _kind(declaration: ast.HoursDecl | ast.DatesDecl) -> str:
    return "hours" if isinstance(declaration, ast.HoursDecl) else "dates"


def _duplicate_span(
    declaration: ast.HoursDecl | ast.DatesDecl, first: ast.HoursDecl | ast.DatesDecl
) -> Diagnostic:
    where = place(first.span, declaration.span)
    if type(first) is type(declaration):
        return error(
            "duplicate-name",
            f"the {_kind(declaration)} `{declaration.name.text}` are declared twice",
            declaration.name.span,
            f"the first are at {where}; remove one or rename it",
        )
    return error(
        "duplicate-name",
        f"`{declaration.name.text}` already names {_kind(first)}",
        declaration.name.span,
        f"the {_kind(first)} are at {where}; `during {declaration.name.text}` could mean either, "
        "so rename one",
    )
