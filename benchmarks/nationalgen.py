"""A national-style roster, generated with numpy and written as Parquet: employees in units
across the three Indonesian time zones, every working day of July 2025, leave, and planted
violations.

    python benchmarks/nationalgen.py 100000 /tmp/national-100k

Each unit has 20 seats: 2 service desk officers, 4 registrars (public service), 8
administrative staff (administration, finance, personnel) who work from home two days a week,
and 6 technical staff who work from home one approved day a week. Provinces sit in WIB, WITA
or WIT (60%, 25%, 15% of units); each employee's `timezone` is their unit's, and their shifts
are local wall time there (07:30-16:00, Friday 16:30). About 3% of employee-days are leave
(an absence row, no shift). Planted, each for about 1% of employees: a remote third day in a
week (R8), a short day ending 14:00 (R9), a service desk officer at home on a Monday (R1, R10),
a new post (position start under 12 months: R3b); and one unit in fifty sends half its staff
home on Wednesdays (R11). Deterministic for a size (seeded).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

FIRST, LAST = dt.date(2025, 7, 1), dt.date(2025, 7, 30)
SEATS = 20
ZONES = np.array(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"])
ADMIN = np.array(["administration", "finance", "personnel"])
PERFORMANCE = np.array(["very good", "good", "good", "good", "needs improvement"])
SHIFT_ROWS_PER_FILE = 1_000_000


def working_days() -> list[dt.date]:
    days = [FIRST + dt.timedelta(n) for n in range((LAST - FIRST).days + 1)]
    return [d for d in days if d.weekday() < 5]


def employees(size: int, rng: np.random.Generator) -> pa.Table:
    n = np.arange(size)
    unit, seat = np.divmod(n, SEATS)
    units = unit.max() + 1
    zone_of_unit = rng.choice(3, size=units, p=[0.6, 0.25, 0.15])
    role = np.where(
        seat < 2,
        "service desk",
        np.where(seat < 6, "registrar", np.where(seat < 14, "officer", "engineer")),
    )
    job = np.where(
        seat < 6, "public service", np.where(seat < 14, ADMIN[seat % 3], "technical")
    ).astype(object)
    new_post = rng.random(size) < 0.01
    start_year = 2010 + rng.integers(0, 14, size)
    position = np.where(
        new_post,
        "2025-03-01",
        np.char.add(start_year.astype(str), "-01-02"),
    )
    return pa.table(
        {
            "id": np.char.add("E", np.char.zfill(n.astype(str), 7)),
            "name": np.char.add("Pegawai ", n.astype(str)),
            "role": role,
            "job type": job.astype(str),
            "performance": PERFORMANCE[rng.integers(0, 5, size)],
            "grade": rng.integers(1, 18, size),
            "unit": np.char.add("U", np.char.zfill(unit.astype(str), 6)),
            "timezone": ZONES[zone_of_unit[unit]],
            "position start": position,
            "on probation": rng.random(size) < 0.02,
            "under sanction": rng.random(size) < 0.005,
            "in special circumstances": rng.random(size) < 0.01,
        }
    )


def shifts_and_leave(size: int, rng: np.random.Generator) -> tuple[pa.Table, pa.Table]:
    days = working_days()
    count = len(days)
    n = np.arange(size)
    unit, seat = np.divmod(n, SEATS)
    weekday = np.array([d.weekday() for d in days])
    ordinal = np.array([(d - dt.date(1970, 1, 1)).days for d in days], dtype=np.int64)
    person = np.repeat(n, count)
    k = np.tile(np.arange(count), size)
    wd = weekday[k]
    seat_r, unit_r = seat[person], unit[person]
    admin = (seat_r >= 6) & (seat_r < 14)
    technical = seat_r >= 14
    remote = (admin & ((wd + seat_r) % 5 < 2)) | (technical & ((wd + seat_r) % 5 == 0))
    planted_r8 = admin & (rng.random(size) < 0.01)[person] & ((wd + seat_r) % 5 == 2)
    planted_r1 = (seat_r < 2) & (rng.random(size) < 0.01)[person] & (wd == 0)
    busy_unit = (unit_r % 50 == 7) & (wd == 2) & (seat_r % 2 == 0)
    remote |= planted_r8 | planted_r1 | busy_unit
    short = rng.random(size * count) < 0.0005
    short |= (rng.random(size) < 0.01)[person] & (k == 3)
    leave = rng.random(size * count) < 0.03
    start = (ordinal[k] * 86_400 + 7 * 3600 + 1800).astype("datetime64[s]")
    end_hour = np.where(short, 14 * 3600, np.where(wd == 4, 16 * 3600 + 1800, 16 * 3600))
    end = (ordinal[k] * 86_400 + end_hour).astype("datetime64[s]")
    ids = np.char.add("E", np.char.zfill(n.astype(str), 7))
    work = ~leave
    approved = technical & remote  # asked for where it matters; no, elsewhere
    shifts = pa.table(
        {
            "employee": pa.array(ids[person[work]]),
            "start": pa.array(start[work], pa.timestamp("s")),
            "end": pa.array(end[work], pa.timestamp("s")),
            "location": pa.array(np.where(remote, "home", "office")[work]),
            "approved": pa.array(approved[work], pa.bool_()),
        }
    )
    away = pa.table(
        {
            "employee": pa.array(ids[person[leave]]),
            "date": pa.array([days[i] for i in k[leave]], pa.date32()),
        }
    )
    return shifts, away


def write(size: int, folder: Path, parts: int | None = None) -> dict[str, Path]:
    """The roster's Parquet files in `folder`: employees.parquet, shifts/ (files of a
    million rows), leave.parquet; or, with `parts`, three folders (employees/, shifts/,
    leave/) of `parts` files each, file `i` of each holding the same whole units (employees
    are in unit order): partitioned as `flexrules.dask.check_roster(..., partitioned=True)`
    takes them."""
    rng = np.random.default_rng(size)
    folder.mkdir(parents=True, exist_ok=True)
    people = employees(size, rng)
    shifts, away = shifts_and_leave(size, rng)
    if parts is not None:
        return _write_parts(folder, parts, people, shifts, away)
    paths = {
        "employees": folder / "employees.parquet",
        "shifts": folder / "shifts",
        "leave": folder / "leave.parquet",
    }
    pq.write_table(people, paths["employees"])
    pq.write_table(away, paths["leave"])
    paths["shifts"].mkdir(exist_ok=True)
    for number, start in enumerate(range(0, shifts.num_rows, SHIFT_ROWS_PER_FILE)):
        pq.write_table(
            shifts.slice(start, SHIFT_ROWS_PER_FILE),
            paths["shifts"] / f"part-{number:04d}.parquet",
        )
    return paths


def _write_parts(
    folder: Path, parts: int, people: pa.Table, shifts: pa.Table, away: pa.Table
) -> dict[str, Path]:
    """`parts` files per table, cut at unit boundaries; ids sort as the rows do (zero-filled),
    so each cut is a binary search in the shifts and the leave."""
    units = -(-people.num_rows // SEATS)
    cuts = [min(units * i // parts * SEATS, people.num_rows) for i in range(parts + 1)]
    ids = people.column("id").to_numpy(zero_copy_only=False)
    paths = {name: folder / name for name in ("employees", "shifts", "leave")}
    for name, table in (("employees", people), ("shifts", shifts), ("leave", away)):
        paths[name].mkdir(exist_ok=True)
        keys = ids if name == "employees" else table.column("employee").to_numpy(False)
        for number in range(parts):
            low, high = cuts[number], cuts[number + 1]
            if name == "employees":
                first, last = low, high
            else:
                first = int(np.searchsorted(keys, ids[low])) if low < ids.size else keys.size
                last = int(np.searchsorted(keys, ids[high])) if high < ids.size else keys.size
            pq.write_table(
                table.slice(first, last - first), paths[name] / f"part-{number:04d}.parquet"
            )
    return paths


if __name__ == "__main__":
    write(int(sys.argv[1]), Path(sys.argv[2]))
