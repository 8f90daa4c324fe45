"""Write the July 2025 roster of the example Disdukcapil office: employees.csv, shifts.csv and
leave.csv beside this script, for `examples/disdukcapil.rules`.

Deterministic (no randomness): running it again writes the same files. Everyone works every
working day of July 2025 (23 days; no national holiday falls in it) unless on leave: Monday to
Thursday 07:30-16:00, Friday 07:30-16:30 (7.5 hours plus the break, Perpres 21/2023). Staff who
may work remotely get one or two remote days a week, spread so that no unit has more than 30%
of its people away on a day. Then a few things go wrong, as they do in a real month:

- P-403 Irwan works from home three days in the week of 14 July (R8, at most two);
- P-205 Arif leaves at 13:30 on Tuesday 22 July with no leave filed (R9, a short day);
- on Thursday 10 July two service desk officers are on leave and one is ill, and the roster
  starts Ayu at 10:00: from 08:00 to 10:00 Sari is alone at the desk (R10, two needed);
- on Friday 18 July four of the secretariat's ten work from home (R11, 30% allows three);
- P-207 Dimas, on probation, works from home on Wednesday 16 July (R2 and R3b deny it).

    python examples/roster/make_roster.py
    flexrules roster examples/disdukcapil.rules --employees examples/roster/employees.csv \\
        --shifts examples/roster/shifts.csv --absences examples/roster/leave.csv \\
        --period 2025-07-01 2025-07-31
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST, LAST = dt.date(2025, 7, 1), dt.date(2025, 7, 31)
SHARE = 0.30  # R11 of disdukcapil.rules

# id, name, role, job type, performance, grade, unit, position start, on probation,
# under sanction, in special circumstances
EMPLOYEES = [
    (
        "P-101",
        "Sari Wulandari",
        "service desk",
        "public service",
        "good",
        7,
        "registration",
        "2021-03-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-102",
        "Joko Prasetyo",
        "service desk",
        "public service",
        "very good",
        8,
        "registration",
        "2018-07-02",
        "no",
        "no",
        "no",
    ),
    (
        "P-103",
        "Ayu Lestari",
        "service desk",
        "public service",
        "good",
        6,
        "registration",
        "2022-01-03",
        "no",
        "no",
        "no",
    ),
    (
        "P-104",
        "Rudi Hartono",
        "recording operator",
        "public service",
        "good",
        7,
        "registration",
        "2020-02-03",
        "no",
        "no",
        "no",
    ),
    (
        "P-105",
        "Nur Aini",
        "recording operator",
        "public service",
        "good",
        6,
        "registration",
        "2023-04-03",
        "no",
        "no",
        "no",
    ),
    (
        "P-106",
        "Wahyu Saputra",
        "verifier",
        "public service",
        "very good",
        8,
        "registration",
        "2017-09-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-107",
        "Fitri Handayani",
        "verifier",
        "public service",
        "good",
        7,
        "registration",
        "2019-05-02",
        "no",
        "no",
        "no",
    ),
    (
        "P-108",
        "Bambang Sutrisno",
        "head of registration",
        "administration",
        "very good",
        11,
        "registration",
        "2024-09-02",
        "no",
        "no",
        "no",
    ),
    (
        "P-109",
        "Lina Marlina",
        "administration officer",
        "administration",
        "good",
        7,
        "registration",
        "2020-08-03",
        "no",
        "no",
        "no",
    ),
    (
        "P-110",
        "Eko Kurniawan",
        "administration officer",
        "administration",
        "needs improvement",
        6,
        "registration",
        "2021-10-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-111",
        "Siti Rahmawati",
        "administration officer",
        "administration",
        "good",
        8,
        "registration",
        "2016-03-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-201",
        "Dedi Firmansyah",
        "service desk",
        "public service",
        "good",
        7,
        "civil registry",
        "2020-06-02",
        "no",
        "no",
        "no",
    ),
    (
        "P-202",
        "Maya Anggraini",
        "service desk",
        "public service",
        "good",
        6,
        "civil registry",
        "2022-07-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-203",
        "Hendra Gunawan",
        "registrar",
        "public service",
        "very good",
        9,
        "civil registry",
        "2015-01-05",
        "no",
        "no",
        "no",
    ),
    (
        "P-204",
        "Yuni Astuti",
        "registrar",
        "public service",
        "good",
        8,
        "civil registry",
        "2018-11-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-205",
        "Arif Rahman",
        "registrar",
        "public service",
        "good",
        7,
        "civil registry",
        "2021-02-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-206",
        "Ratna Sari",
        "head of civil registry",
        "administration",
        "very good",
        11,
        "civil registry",
        "2022-04-04",
        "no",
        "no",
        "no",
    ),
    (
        "P-207",
        "Dimas Pratama",
        "administration officer",
        "administration",
        "good",
        6,
        "civil registry",
        "2025-06-02",
        "yes",
        "no",
        "no",
    ),
    (
        "P-208",
        "Indah Permata",
        "administration officer",
        "administration",
        "good",
        7,
        "civil registry",
        "2019-07-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-209",
        "Agus Salim",
        "archivist",
        "administration",
        "good",
        7,
        "civil registry",
        "2017-02-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-301",
        "Sri Mulyani",
        "secretary",
        "administration",
        "very good",
        12,
        "secretariat",
        "2020-01-02",
        "no",
        "no",
        "no",
    ),
    (
        "P-302",
        "Budi Santoso",
        "personnel officer",
        "personnel",
        "very good",
        9,
        "secretariat",
        "2016-08-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-303",
        "Rina Kusuma",
        "personnel officer",
        "personnel",
        "good",
        8,
        "secretariat",
        "2019-03-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-304",
        "Taufik Hidayat",
        "administration officer",
        "administration",
        "good",
        7,
        "secretariat",
        "2021-05-03",
        "no",
        "no",
        "no",
    ),
    (
        "P-305",
        "Dewi Sartika",
        "administration officer",
        "administration",
        "good",
        7,
        "secretariat",
        "2018-10-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-306",
        "Yusuf Maulana",
        "planning officer",
        "administration",
        "very good",
        9,
        "secretariat",
        "2017-06-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-307",
        "Wulan Sari",
        "planning officer",
        "administration",
        "good",
        8,
        "secretariat",
        "2020-09-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-308",
        "Andi Wijaya",
        "general affairs officer",
        "administration",
        "needs improvement",
        5,
        "secretariat",
        "2014-04-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-309",
        "Putri Ramadhani",
        "administration officer",
        "administration",
        "good",
        6,
        "secretariat",
        "2025-01-06",
        "no",
        "no",
        "no",
    ),
    (
        "P-310",
        "Fajar Nugroho",
        "personnel officer",
        "personnel",
        "good",
        8,
        "secretariat",
        "2019-01-02",
        "no",
        "yes",
        "no",
    ),
    (
        "P-401",
        "Hasan Basri",
        "head of finance",
        "finance",
        "very good",
        11,
        "finance",
        "2021-01-04",
        "no",
        "no",
        "no",
    ),
    (
        "P-402",
        "Nurul Hidayah",
        "treasurer",
        "finance",
        "very good",
        9,
        "finance",
        "2018-02-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-403",
        "Irwan Setiawan",
        "finance officer",
        "finance",
        "good",
        8,
        "finance",
        "2019-09-02",
        "no",
        "no",
        "no",
    ),
    (
        "P-404",
        "Lestari Wahyuni",
        "finance officer",
        "finance",
        "good",
        7,
        "finance",
        "2020-03-02",
        "no",
        "no",
        "no",
    ),
    (
        "P-405",
        "Rizky Ananda",
        "finance officer",
        "finance",
        "good",
        7,
        "finance",
        "2022-02-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-406",
        "Melati Kusumawati",
        "finance officer",
        "finance",
        "good",
        6,
        "finance",
        "2023-03-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-407",
        "Gilang Ramadhan",
        "asset officer",
        "finance",
        "needs improvement",
        6,
        "finance",
        "2021-07-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-408",
        "Citra Dewi",
        "finance officer",
        "finance",
        "very good",
        8,
        "finance",
        "2016-05-02",
        "no",
        "no",
        "yes",
    ),
    (
        "P-501",
        "Teguh Santoso",
        "head of information systems",
        "technical",
        "very good",
        11,
        "information systems",
        "2019-04-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-502",
        "Rina Oktaviani",
        "database administrator",
        "technical",
        "good",
        10,
        "information systems",
        "2020-06-15",
        "no",
        "no",
        "no",
    ),
    (
        "P-503",
        "Adi Nugraha",
        "network technician",
        "technical",
        "good",
        9,
        "information systems",
        "2018-01-02",
        "no",
        "no",
        "no",
    ),
    (
        "P-504",
        "Bayu Aji",
        "programmer",
        "technical",
        "very good",
        9,
        "information systems",
        "2021-11-01",
        "no",
        "no",
        "no",
    ),
    (
        "P-505",
        "Sinta Maharani",
        "programmer",
        "technical",
        "good",
        8,
        "information systems",
        "2022-05-02",
        "no",
        "no",
        "no",
    ),
    (
        "P-506",
        "Reza Pahlevi",
        "IT support",
        "technical",
        "good",
        7,
        "information systems",
        "2023-08-01",
        "no",
        "no",
        "no",
    ),
]
HEADER = [
    "id",
    "name",
    "role",
    "job type",
    "performance",
    "grade",
    "unit",
    "position start",
    "on probation",
    "under sanction",
    "in special circumstances",
]

# Leave: (employee, from, to, note)
LEAVE = [
    ("P-102", "2025-07-07", "2025-07-11", "annual leave, school holidays"),
    ("P-202", "2025-07-09", "2025-07-11", "annual leave"),
    ("P-201", "2025-07-10", "2025-07-10", "sick leave"),
    ("P-304", "2025-07-21", "2025-07-25", "annual leave"),
    ("P-404", "2025-07-14", "2025-07-15", "annual leave"),
    ("P-503", "2025-07-28", "2025-07-31", "training in Jakarta (recorded as leave)"),
]

# Remote days planned by hand before the rest is spread: (employee, date, note).
PLANNED_REMOTE = [
    ("P-403", "2025-07-14", ""),
    ("P-403", "2025-07-15", ""),
    ("P-403", "2025-07-16", "third remote day this week"),
    ("P-207", "2025-07-16", "on probation, asked to work from home"),
    ("P-302", "2025-07-18", ""),
    ("P-303", "2025-07-18", ""),
    ("P-306", "2025-07-18", ""),
    ("P-307", "2025-07-18", "fourth of the secretariat at home today"),
]
# Shifts that differ from the usual day: (employee, date, start, end, note).
SPECIAL = [
    ("P-103", "2025-07-10", "10:00", "17:30", "late shift to cover the afternoon"),
    ("P-205", "2025-07-22", "07:30", "13:30", "left early, no leave filed"),
]
# How many remote days a week each may plan (others: two; keadaan khusus: three).
REMOTE_DAYS = {"P-206": 1, "P-301": 1, "P-401": 1, "P-501": 1, "P-408": 3}


def working_days() -> list[dt.date]:
    days = [FIRST + dt.timedelta(n) for n in range((LAST - FIRST).days + 1)]
    return [d for d in days if d.weekday() < 5]  # no national holiday in July 2025


def may_go_remote(row: tuple[object, ...]) -> bool:
    _, _, _, job, performance, grade, _, start, probation, sanction, _ = row
    if probation == "yes" or sanction == "yes" or str(start) > "2024-06-30":
        return False
    if job in ("administration", "finance", "personnel"):
        return performance in ("good", "very good")
    return job == "technical" and int(str(grade)) >= 9


def leave_days() -> set[tuple[str, dt.date]]:
    days = set()
    for ident, first, last, _ in LEAVE:
        day = dt.date.fromisoformat(first)
        while day <= dt.date.fromisoformat(last):
            days.add((ident, day))
            day += dt.timedelta(1)
    return days


def plan_remote(
    days: list[dt.date], away: set[tuple[str, dt.date]]
) -> dict[tuple[str, dt.date], str]:
    """Remote days: the planned ones, then up to each person's weekly number, on the days of
    their week where their unit is furthest below its share."""
    remote = {(ident, dt.date.fromisoformat(day)): note for ident, day, note in PLANNED_REMOTE}
    size: dict[str, int] = {}
    for row in EMPLOYEES:
        size[row[6]] = size.get(row[6], 0) + 1
    unit_of = {row[0]: row[6] for row in EMPLOYEES}
    count: dict[tuple[str, dt.date], int] = {}
    for ident, day in remote:
        count[unit_of[ident], day] = count.get((unit_of[ident], day), 0) + 1
    weeks: dict[int, list[dt.date]] = {}
    for day in days:
        weeks.setdefault(day.isocalendar()[1], []).append(day)
    planned = {ident for ident, _, _ in PLANNED_REMOTE}
    # keadaan khusus first: they may need more days than the others
    people = sorted(enumerate(EMPLOYEES), key=lambda item: -REMOTE_DAYS.get(str(item[1][0]), 2))
    for week, week_days in sorted(weeks.items()):
        for index, row in people:
            ident, unit = str(row[0]), str(row[6])
            planned_this_week = ident in planned and any((ident, d) in remote for d in week_days)
            if not may_go_remote(row) or planned_this_week:
                continue
            cap = int(SHARE * size[unit])
            wanted = REMOTE_DAYS.get(ident, 2)
            order = sorted(
                week_days, key=lambda d: (count.get((unit, d), 0), (d.weekday() - index - week) % 5)
            )
            for day in order:
                if wanted == 0:
                    break
                if (ident, day) in away or count.get((unit, day), 0) >= cap:
                    continue
                remote[ident, day] = ""
                count[unit, day] = count.get((unit, day), 0) + 1
                wanted -= 1
    return remote


def main() -> None:
    days = working_days()
    away = leave_days()
    remote = plan_remote(days, away)
    special = {
        (ident, dt.date.fromisoformat(day)): (start, end, note)
        for ident, day, start, end, note in SPECIAL
    }
    with open(HERE / "employees.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(EMPLOYEES)
    with open(HERE / "leave.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["employee", "from", "to", "note"])
        writer.writerows(LEAVE)
    with open(HERE / "shifts.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["employee", "start", "end", "location", "approved", "note"])
        for day in days:
            for row in EMPLOYEES:
                ident = str(row[0])
                if (ident, day) in away:
                    continue
                start, end = "07:30", "16:30" if day.weekday() == 4 else "16:00"
                location, approved, note = "office", "", ""
                if (ident, day) in remote:
                    location, approved, note = "home", "yes", remote[ident, day]
                if (ident, day) in special:
                    start, end, note = special[ident, day]
                writer.writerow([ident, f"{day}T{start}", f"{day}T{end}", location, approved, note])


if __name__ == "__main__":
    main()
