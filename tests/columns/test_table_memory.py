"""The table memory's fast paths (`columns/memory.py`, `columns/packed.py`) against `decide`,
row by row, over tables whose columns change form from call to call on one warm policy.

Each table gives every column one of the forms a table may hold: plain text, large text or an
Arrow dictionary (with null entries and null indices), booleans and integers of several widths
with and without nulls, values of the wrong type (text for a number, numbers for yes or no,
bytes for a location), timestamps of every unit (fractions of a second included), aware ones
with a `timezone` column, ISO text; days across the year, holidays among them. The policy
remembers what earlier tables taught it, so each table runs against codes, fact sets and
outcomes met in other forms before.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tablegen import answers, expected

import flexrules

POLICY = """\
policy "P1 in the table memory's tests" timezone Asia/Jakarta.

employees have:
  role: text,
  job type: one of "administration", "finance", "personnel", "technical", "public service",
  performance: ranked "very poor" < "poor" < "needs improvement" < "good" < "very good",
  grade: number,
  on probation: yes or no,
  sanctioned: yes or no.

holidays: 2025-01-01, 2025-03-31, 2025-04-01, 2025-05-01, 2025-06-06, 2025-08-17, 2025-12-25.

hours service hours: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 11:30, except holidays.
hours working window: every day 06:00 to 20:00.

group service desk staff: employees whose role is "service desk".

rule R1: service desk staff must be on-site during service hours.
rule R2: employees who are on probation must be on-site.
rule R3: employees who are sanctioned must be on-site.
rule R4: employees must work within working window.
rule R5: employees whose job type is one of "administration", "finance", "personnel"
  may work remotely on weekdays if their performance is at least "good".
rule R6: employees whose job type is "technical" and whose grade is at least 9
  may work from home.
rule R7: employees may be on-site.
"""

ROLES = ["service desk", "clerk", "analyst", "driver"]
JOBS = ["administration", "finance", "personnel", "technical", "public service"]
RANKS = ["very good", "good", "needs improvement", "poor", "very poor"]
PLACES = ["office", "home", "anywhere"]
HOLIDAYS = [dt.date(2025, 3, 31), dt.date(2025, 5, 1), dt.date(2025, 8, 17)]
ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "WITA"]


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(POLICY)


def _text(values: list[Any], form: str, rng: random.Random) -> pa.Array:
    """A text column in one of its forms (nulls sprinkled in where the form says so)."""
    if form.endswith("nulls"):
        values = [None if rng.random() < 0.2 else value for value in values]
    if form.startswith("large"):
        return pa.array(values, pa.large_string())
    array = pa.array(values, pa.string())
    if form.startswith("dictionary"):
        encoded = array.dictionary_encode()
        if form == "dictionary with a null entry":  # a null among the dictionary's values
            dictionary = pa.concat_arrays([encoded.dictionary, pa.array([None], pa.string())])
            indices = [
                len(dictionary) - 1 if v is None else i
                for v, i in zip(values, encoded.indices.to_pylist(), strict=True)
            ]
            return pa.DictionaryArray.from_arrays(pa.array(indices, pa.int32()), dictionary)
        return encoded
    return array


TEXT_FORMS = [
    "plain",
    "plain nulls",
    "large",
    "dictionary",
    "dictionary nulls",
    "dictionary with a null entry",
]


def _grade(values: list[int], form: str, rng: random.Random) -> pa.Array:
    if form == "nulls":
        return pa.array([None if rng.random() < 0.2 else v for v in values], pa.int64())
    if form == "text":  # a text "9" is not the number 9
        return pa.array([str(v) for v in values])
    if form == "float":
        return pa.array([v + 0.5 for v in values], pa.float64())
    if form == "far":  # values far apart: no short range
        return pa.array([v * 1_000_003 - 10**9 for v in values], pa.int64())
    return pa.array(values, form)


GRADE_FORMS = [pa.int64(), pa.int8(), pa.uint8(), pa.int32(), "nulls", "text", "float", "far"]


def _flag(values: list[bool], form: str, rng: random.Random) -> pa.Array:
    if form == "nulls":
        return pa.array([None if rng.random() < 0.2 else v for v in values], pa.bool_())
    if form == "numbers":
        return pa.array([int(v) for v in values], pa.int64())
    if form == "text":
        return pa.array(["yes" if v else "no" for v in values])
    return pa.array(values, pa.bool_())


FLAG_FORMS = ["plain", "nulls", "numbers", "text"]


def _location(values: list[str], form: str, rng: random.Random) -> pa.Array:
    if form == "unknown":
        values = ["moon" if rng.random() < 0.2 else v for v in values]
    if form == "bytes":
        return pa.array([v.encode() for v in values], pa.binary())
    return _text(values, form if form in TEXT_FORMS else "plain", rng)


LOCATION_FORMS = [*TEXT_FORMS, "unknown", "bytes"]
TIME_FORMS = ["s", "ms", "ms fractions", "us", "ns", "aware", "text", "text nulls"]


def _times(
    starts: list[dt.datetime], ends: list[dt.datetime], form: str, rng: random.Random
) -> dict[str, pa.Array]:
    if form == "aware":  # the same wall times in each row's zone, and a timezone column
        zones = [rng.choice(ZONES) for _ in starts]
        from flexrules.clock.zones import zone

        def aware(moments: list[dt.datetime]) -> pa.Array:
            return pa.array(
                [m.replace(tzinfo=zone(z)) for m, z in zip(moments, zones, strict=True)],
                pa.timestamp("s", tz="UTC"),
            )

        return {"start": aware(starts), "end": aware(ends), "timezone": pa.array(zones)}
    if form.startswith("text"):
        texts = [[m.isoformat() for m in moments] for moments in (starts, ends)]
        if form == "text nulls":
            texts[1] = [None if rng.random() < 0.1 else t for t in texts[1]]
        return {"start": pa.array(texts[0]), "end": pa.array(texts[1])}
    unit = form.split()[0]
    if form.endswith("fractions"):
        ends = [m + dt.timedelta(milliseconds=rng.choice([0, 0, 250])) for m in ends]
    return {
        "start": pa.array(starts, pa.timestamp(unit)),
        "end": pa.array(ends, pa.timestamp(unit)),
    }


def _shifts(rng: random.Random, n: int, latest: int) -> tuple[list[Any], list[Any]]:
    """Starts and ends of `n` shifts on days of 2025 (holidays among them), starting on a
    half hour from 04:00 to `latest` half hours after midnight, half an hour to ten long."""
    starts, ends = [], []
    for _ in range(n):
        day = rng.choice([*HOLIDAYS, dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 364))])
        begin = dt.datetime.combine(day, dt.time()) + dt.timedelta(
            minutes=30 * rng.randint(8, latest)
        )
        starts.append(begin)
        ends.append(begin + dt.timedelta(minutes=30 * rng.choice([1, 4, 8, 16, 18, 20])))
    return starts, ends


def table(seed: int) -> pa.Table:
    """A table of up to 60 shifts, each column in a form chosen by the seed."""
    rng = random.Random(seed)
    n = rng.randint(1, 60)
    people = [
        (
            rng.choice(ROLES),
            rng.choice(JOBS),
            rng.choice(RANKS),
            rng.randint(1, 17),
            rng.random() < 0.1,
            rng.random() < 0.05,
        )
        for _ in range(rng.randint(1, 12))
    ]
    rows = [rng.choice(people) for _ in range(n)]
    starts, ends = _shifts(rng, n, 44)
    columns: dict[str, pa.Array] = {
        "id": pa.array([f"E{rng.randint(1, 9)}" for _ in range(n)]),
        "role": _text([r[0] for r in rows], rng.choice(TEXT_FORMS), rng),
        "job type": _text([r[1] for r in rows], rng.choice(TEXT_FORMS), rng),
        "performance": _text([r[2] for r in rows], rng.choice(TEXT_FORMS), rng),
        "grade": _grade([r[3] for r in rows], rng.choice(GRADE_FORMS), rng),
        "on probation": _flag([r[4] for r in rows], rng.choice(FLAG_FORMS), rng),
        "sanctioned": _flag([r[5] for r in rows], rng.choice(FLAG_FORMS), rng),
        "location": _location(
            [rng.choice(PLACES) for _ in range(n)], rng.choice(LOCATION_FORMS), rng
        ),
    }
    columns.update(_times(starts, ends, rng.choice(TIME_FORMS), rng))
    return pa.table(columns)


@settings(max_examples=12, deadline=None)
@given(seeds=st.lists(st.integers(0, 2**32), min_size=4, max_size=8))
def test_tables_in_every_form_one_after_another(policy: flexrules.Policy, seeds: list[int]) -> None:
    for seed in seeds:
        found = table(seed)
        assert answers(policy.decide_table(found)) == expected(policy, found), seed


def test_a_column_met_plain_then_as_a_dictionary_then_with_nulls(
    policy: flexrules.Policy,
) -> None:
    """The same values in three forms, then new values that widen every packed part: the
    same answers as `decide` each time."""
    from flexrules.columns.memory import memory_of

    memory_of(policy._decider).clear()
    for seed in range(40):
        found = table(seed)
        assert answers(policy.decide_table(found)) == expected(policy, found), seed


def _technical_at_home(grades: list[int], kind: pa.DataType) -> pa.Table:
    """Shifts at home of technical staff who differ only in grade (R6 permits from 9)."""
    n, start = len(grades), dt.datetime(2025, 7, 8, 9, 0)
    return pa.table(
        {
            "role": ["clerk"] * n,
            "job type": ["technical"] * n,
            "performance": ["good"] * n,
            "grade": pa.array(grades, kind),
            "on probation": [False] * n,
            "sanctioned": [False] * n,
            "start": pa.array([start] * n, pa.timestamp("s")),
            "end": pa.array([start + dt.timedelta(hours=4)] * n, pa.timestamp("s")),
            "location": ["home"] * n,
        }
    )


def test_integers_at_the_ends_of_their_type(policy: flexrules.Policy) -> None:
    """A short range of int8 grades from -100 to 100, coded by a table from the lowest: the
    offsets (up to 200) must not wrap around in the column's own type."""
    for grades in ([-100, 100, 50, -5, 9, 8], [50, -5, 100, -100, 8, 9], [127, -128, 50]):
        found = _technical_at_home(grades, pa.int8())
        got = answers(policy.decide_table(found))
        assert got == expected(policy, found)
        assert [allowed for allowed, _, _ in got] == [grade >= 9 for grade in grades]


def test_the_lowest_int64_then_ordinary_grades() -> None:
    """A grade of int64's lowest value cannot start a short range (its table would start one
    below it): later batches of ordinary grades still decide as `decide` does."""
    policy = flexrules.compile_policy(POLICY)
    for grades in ([-(2**63), -(2**63) + 5], [9, 3], [2**63 - 1, 9], [10, 2]):
        found = _technical_at_home(grades, pa.int64())
        assert answers(policy.decide_table(found)) == expected(policy, found)


def test_two_columns_of_one_name_read_as_decide_reads_them() -> None:
    """A table may name two columns alike; `decide` reads a row as a dict, where the last
    wins, and so do the columns (the lane's shape and the steps')."""
    policy = flexrules.compile_policy(POLICY)
    start = dt.datetime(2025, 7, 8, 9, 0)
    columns = {
        "role": ["service desk", "clerk"],
        "job type": ["finance", "finance"],
        "performance": ["good", "good"],
        "grade": pa.array([9, 9], pa.int64()),
        "on probation": [False, False],
        "sanctioned": [False, False],
        "start": pa.array([start] * 2, pa.timestamp("s")),
        "end": pa.array([start + dt.timedelta(hours=4)] * 2, pa.timestamp("s")),
        "location": ["home", "office"],
    }
    for twice in ("role", "location", "start"):
        extra = {"role": ["clerk", "service desk"], "location": ["office", "anywhere"]}.get(
            twice, pa.array([start - dt.timedelta(hours=3)] * 2, pa.timestamp("s"))
        )
        names = [*columns, twice]
        found = pa.Table.from_arrays([pa.array(v) for v in [*columns.values(), extra]], names)
        for _ in range(2):  # the steps, then the lane
            assert answers(policy.decide_table(found)) == expected(policy, found), twice


def test_a_policy_that_decided_tables_is_freed() -> None:
    """The table memory is kept per policy without keeping the policy alive: a long-running
    process that compiles policy after policy does not grow."""
    import gc
    import weakref

    policy = flexrules.compile_policy(POLICY)
    policy.decide_table(lane_table(1)[0])
    policy.decide_table(lane_table(1)[0])
    gone = weakref.ref(policy._decider)
    del policy
    gc.collect()
    assert gone() is None


def test_threads_sharing_one_policy(policy: flexrules.Policy) -> None:
    """Several threads decide tables on one policy at once, each meeting values, fact sets
    and outcomes the others are adding to the table memory: every answer is still `decide`'s."""
    from concurrent.futures import ThreadPoolExecutor

    from flexrules.columns.memory import memory_of

    memory_of(policy._decider).clear()
    found = [table(seed) for seed in range(100, 124)]
    want = [expected(policy, each) for each in found]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda each: answers(policy.decide_table(each)), found))
    assert got == want


# ---- the warm lane (`columns/lane.py`) --------------------------------------------------------

NOVELTIES = [
    "none",
    "new text",
    "null text",
    "null flag",
    "null grade",
    "grade far out",
    "unknown location",
    "null location",
    "across midnight",
    "empty span",
    "first days",
    "last days",
    "a fraction of a second",
]


def lane_table(seed: int) -> tuple[pa.Table, str]:
    """A table of the lane's shape (text, plain or as a dictionary, yes or no and integer facts
    without nulls, naive times in any unit, text locations), and now and then one thing the
    memory has not met or the lane cannot take (the novelty, returned with it). Shifts end by
    midnight unless the novelty says otherwise."""
    rng = random.Random(seed)
    n = rng.randint(1, 40)
    novelty = rng.choice(NOVELTIES) if rng.random() < 0.6 else "none"
    at = rng.randrange(n)
    grades = [rng.randint(1, 17) for _ in range(n)]
    roles = [rng.choice(ROLES) for _ in range(n)]
    places: list[str | None] = [rng.choice(PLACES) for _ in range(n)]
    if novelty == "new text":
        roles[at] = f"role {rng.randint(1, 10**6)}"
    if novelty == "grade far out":
        grades[at] = rng.choice([-50, 5000])
    if novelty in ("unknown location", "null location"):
        places[at] = "moon" if novelty == "unknown location" else None

    def text(values: list[Any], kind: pa.DataType | None = None) -> pa.Array:
        array = pa.array(values, kind or pa.string())
        return array.dictionary_encode() if rng.random() < 0.3 else array

    columns: dict[str, pa.Array] = {
        "role": text(roles, rng.choice([pa.string(), pa.large_string()])),
        "job type": text([rng.choice(JOBS) for _ in range(n)]),
        "performance": text([rng.choice(RANKS) for _ in range(n)]),
        "grade": pa.array(grades, rng.choice([pa.int64(), pa.int16(), pa.int32()])),
        "on probation": pa.array([rng.random() < 0.1 for _ in range(n)], pa.bool_()),
        "sanctioned": pa.array([rng.random() < 0.05 for _ in range(n)], pa.bool_()),
        "location": text(places),
        **_lane_times(rng, n, novelty, at),
    }
    nulled = {"null text": "performance", "null flag": "sanctioned", "null grade": "grade"}
    if novelty in nulled:
        name = nulled[novelty]
        kind = columns[name].type
        values = columns[name].to_pylist()
        values[at] = None
        if pa.types.is_dictionary(kind):  # a null index
            columns[name] = pa.array(values, kind.value_type).dictionary_encode()
        else:
            columns[name] = pa.array(values, kind)
    return pa.table(columns), novelty


def _lane_times(rng: random.Random, n: int, novelty: str, at: int) -> dict[str, pa.Array]:
    """`start` and `end` for `lane_table`, in one unit, with the novelty's odd shift."""
    starts, ends = _shifts(rng, n, 28)
    if novelty == "across midnight":
        starts[at] = starts[at].replace(hour=22, minute=0)
        ends[at] = starts[at] + dt.timedelta(hours=4)
    if novelty == "empty span":
        ends[at] = starts[at]
    if novelty in ("first days", "last days"):
        day = dt.date(1, 1, 1) if novelty == "first days" else dt.date(9999, 12, 31)
        starts[at] = dt.datetime.combine(day, dt.time(8))
        ends[at] = dt.datetime.combine(day, dt.time(12))
    unit = rng.choice(["s", "ms", "us", "ns"])
    if novelty in ("first days", "last days"):  # (nanoseconds reach 1677 to 2262 only)
        unit = "us"
    if novelty == "a fraction of a second":
        ends[at] += dt.timedelta(milliseconds=250)
        unit = "ms"
    return {
        "start": pa.array(starts, pa.timestamp(unit)),
        "end": pa.array(ends, pa.timestamp(unit)),
    }


@settings(max_examples=15, deadline=None)
@given(seeds=st.lists(st.integers(0, 2**32), min_size=6, max_size=14))
def test_the_warm_lane_gives_the_steps_answers(seeds: list[int]) -> None:
    """Tables of the lane's shape on two fresh policies, one with the lane and one without:
    the same columns from both, `decide`'s answers on every row, and the lane taking the
    tables whose every value it has met (a table with something new goes the steps' way)."""
    from flexrules.columns import decide

    with_lane, without = flexrules.compile_policy(POLICY), flexrules.compile_policy(POLICY)
    taken: list[bool] = []
    warm = decide._warm

    def lane_for_one(decider: Any, batch: pa.RecordBatch) -> Any:
        if decider is not with_lane._decider:
            return None
        found = warm(decider, batch)
        taken.append(found is not None)
        return found

    tables = [lane_table(seed) for seed in seeds]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decide, "_warm", lane_for_one)
        for found, novelty in [*tables, *tables]:  # the second time round it knows more
            got = with_lane.decide_table(found)
            assert got.equals(without.decide_table(found)), novelty
            assert answers(got) == expected(with_lane, found), novelty
    assert not taken[0]  # a cold memory has met nothing
    if any(novelty == "none" for _, novelty in tables):
        assert any(taken[len(tables) :])
