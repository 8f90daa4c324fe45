"""Seeded random (employee, shift) pairs for comparing the engine with the Disdukcapil oracle.

``generate(seed, n)`` returns ``n`` pairs of plain dicts, the same for the same seed. Every shift
is well formed (end after start, at most 24 hours, a known location, a known time zone), so both
the engine and the oracle must decide it; the facts are realistic, sometimes missing (absent key
or ``None``) and sometimes ill-typed, to exercise three-valued logic. Edge cases are drawn on
purpose: public holidays, the agency days 2025-06-09 and 2025-12-26, other cuti bersama days,
weekends, Fridays, the service-hour and working-window boundaries (06:00, 08:00, 11:30, 15:00,
20:00), midnight, odd minutes, T24:00, durations up to exactly 24 h, aware times in +07:00,
+08:00, +09:00 and UTC, ISO text and datetime objects, and position starts around 12 months
before the shift (including 29 February).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

__all__ = ["generate"]

FIRST_DAY = date(2024, 1, 1)
LAST_DAY = date(2026, 12, 31)

SPECIAL_DAYS = [
    # public holidays (holidays package, Indonesia)
    date(2024, 2, 14),
    date(2024, 3, 29),
    date(2024, 4, 10),
    date(2024, 8, 17),
    date(2024, 12, 25),
    date(2025, 1, 1),
    date(2025, 1, 27),
    date(2025, 1, 29),
    date(2025, 3, 31),
    date(2025, 4, 1),
    date(2025, 4, 18),
    date(2025, 5, 1),
    date(2025, 5, 12),
    date(2025, 5, 29),
    date(2025, 6, 6),
    date(2025, 6, 27),
    date(2025, 8, 17),
    date(2025, 9, 5),
    date(2025, 12, 25),
    date(2026, 1, 1),
    date(2026, 3, 19),
    date(2026, 8, 17),
    # agency holidays of the policy (cuti bersama)
    date(2025, 6, 9),
    date(2025, 12, 26),
    # other cuti bersama days: ordinary working days for this policy
    date(2025, 1, 28),
    date(2025, 3, 28),
    date(2025, 4, 2),
    date(2025, 4, 3),
    date(2025, 4, 4),
    date(2025, 4, 7),
    date(2025, 5, 13),
    date(2025, 5, 30),
    date(2025, 8, 18),
    # days next to holidays, and leap days
    date(2025, 6, 8),
    date(2025, 6, 10),
    date(2025, 12, 24),
    date(2025, 8, 16),
    date(2024, 2, 29),
    date(2025, 2, 28),
    date(2025, 3, 1),
    date(2026, 2, 28),
]

INTERESTING_TIMES = [
    time(0, 0),
    time(5, 30),
    time(5, 59),
    time(6, 0),
    time(6, 1),
    time(7, 0),
    time(7, 30),
    time(7, 59),
    time(8, 0),
    time(8, 1),
    time(9, 0),
    time(11, 0),
    time(11, 29),
    time(11, 30),
    time(11, 31),
    time(12, 0),
    time(13, 0),
    time(14, 0),
    time(14, 59),
    time(15, 0),
    time(15, 1),
    time(16, 0),
    time(17, 0),
    time(19, 30),
    time(19, 59),
    time(20, 0),
    time(20, 1),
    time(21, 0),
    time(22, 0),
    time(23, 0),
    time(23, 30),
    time(23, 59),
]

ROLES = [
    "service desk",
    "service desk",
    "service desk",
    "finance officer",
    "administration officer",
    "personnel officer",
    "database administrator",
    "e-KTP recording",
    "field officer",
    "head of section",
]
JOB_TYPES = ["administration", "finance", "personnel", "technical", "public service"]
PERFORMANCE = ["very poor", "poor", "needs improvement", "good", "very good"]
UNITS = ["registration", "finance", "secretariat", "information systems", "civil records"]
NAMES = ["Sari", "Budi", "Dewi", "Agus", "Rina", "Joko", "Wati", "Yusuf", "Putri", "Hendra"]
ZONES = ["WIB", "WITA", "WIT", "Asia/Makassar", "Asia/Jakarta", "Asia/Jayapura", "wita"]
ZONE_OF = {
    "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
    "wita": "Asia/Makassar",
}
OFFSETS = [
    timezone(timedelta(hours=7)),
    timezone(timedelta(hours=8)),
    timezone(timedelta(hours=9)),
    timezone.utc,
]

_MISSING = object()  # marker: leave the key out


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise AssertionError("unreachable")


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.messy = True  # per employee: False draws a clean, eligible-looking record

    # -------------------------------------------------------------- helpers
    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def flaw(
        self,
        good: Any,
        ill_typed: list[Any],
        p_missing: float = 0.03,
        p_none: float = 0.02,
        p_ill: float = 0.03,
    ) -> Any:
        """The good value, or sometimes missing, None or an ill-typed value."""
        if not self.messy:
            return good
        x = self.r.random()
        if x < p_missing:
            return _MISSING
        if x < p_missing + p_none:
            return None
        if x < p_missing + p_none + p_ill:
            return self.r.choice(ill_typed)
        return good

    def put(self, d: dict[str, Any], name: str, value: Any) -> None:
        """Store attribute NAME under its spaced or its underscored key (sometimes both)."""
        if value is _MISSING:
            return
        under = name.replace(" ", "_")
        if under == name:
            d[name] = value
            return
        x = self.r.random()
        if x < 0.65:
            d[under] = value
        elif x < 0.95:
            d[name] = value
        else:
            # both keys: the spaced key first in lookup order; None there falls through (C1)
            d[name] = self.r.choice([None, value])
            d[under] = self.r.choice([value, None, "decoy"]) if d[name] is None else "decoy"

    def day(self) -> date:
        x = self.r.random()
        if x < 0.3:
            return self.r.choice(SPECIAL_DAYS)
        span = (LAST_DAY - FIRST_DAY).days
        d = FIRST_DAY + timedelta(days=self.r.randrange(span + 1))
        if x < 0.45:  # push to a Friday or a weekend now and then
            target = self.r.choice([4, 5, 6])
            d += timedelta(days=(target - d.weekday()) % 7)
            if d > LAST_DAY:
                d -= timedelta(days=7)
        return d

    def clock(self) -> time:
        x = self.r.random()
        if x < 0.55:
            return self.r.choice(INTERESTING_TIMES)
        if x < 0.85:
            return time(self.r.randrange(24), self.r.choice([0, 15, 30, 45]))
        if x < 0.97:
            return time(self.r.randrange(24), self.r.randrange(60))
        return time(self.r.randrange(24), self.r.randrange(60), self.r.randrange(1, 60))

    def duration(self, start: datetime) -> timedelta:
        x = self.r.random()
        if x < 0.3:  # end on an interesting time, same day or next
            for _ in range(10):
                t = self.r.choice(INTERESTING_TIMES)
                end = datetime.combine(start.date() + timedelta(days=self.r.choice([0, 0, 1])), t)
                if start < end <= start + timedelta(hours=24):
                    return end - start
        if x < 0.4:  # end at next midnight (written as T24:00 sometimes)
            end = datetime.combine(start.date() + timedelta(days=1), time(0))
            return end - start
        if x < 0.45:
            return timedelta(hours=24)
        if x < 0.8:
            return timedelta(minutes=30 * self.r.randint(1, 20))
        return timedelta(minutes=self.r.randint(1, 24 * 60))

    def daytime(self, day: date) -> tuple[datetime, datetime]:
        """A shift inside the working window, mostly (an ordinary office day)."""
        r = self.r
        lo = 6 * 60
        start_min = r.choice(
            [
                lo,
                7 * 60,
                7 * 60 + 30,
                8 * 60,
                9 * 60,
                11 * 60 + 30,
                13 * 60,
                15 * 60,
                r.randrange(lo, 19 * 60),
            ]
        )
        end_min = r.choice(
            [
                11 * 60 + 30,
                12 * 60,
                15 * 60,
                15 * 60 + 30,
                16 * 60,
                17 * 60,
                20 * 60,
                start_min + 30 * r.randint(1, 16),
                r.randrange(start_min + 1, 20 * 60 + 1),
            ]
        )
        if end_min <= start_min:
            end_min = start_min + 60
        base = datetime.combine(day, time(0))
        return base + timedelta(minutes=start_min), base + timedelta(minutes=end_min)

    # -------------------------------------------------------------- employee
    def employee(self, index: int, shift_day: date) -> tuple[dict[str, Any], str]:
        r = self.r
        self.messy = self.chance(0.6)
        e: dict[str, Any] = {"id": f"E-{index:05d}"}
        if self.chance(0.7):
            e["name"] = r.choice(NAMES)
        role = r.choice(ROLES)
        if self.chance(0.03):
            role = r.choice(["Service Desk", "service desk ", "service-desk"])
        self.put(e, "role", self.flaw(role, [42, True, ["service desk"]]))
        job = r.choice(JOB_TYPES)
        self.put(e, "job type", self.flaw(job, ["Finance", "admin", 3, False]))
        perf = r.choices(PERFORMANCE, weights=[1, 2, 3, 10, 5])[0]  # most are rated "good"
        self.put(e, "performance", self.flaw(perf, ["Good", "excellent", 4, True]))
        grade: Any = r.randint(1, 17)
        if self.chance(0.1):
            grade = r.choice([9.0, 8.5, 9.5, 8.999])
        self.put(e, "grade", self.flaw(grade, ["9", "10", True, False, "nine"]))
        self.put(e, "unit", self.flaw(r.choice(UNITS), [7]))
        self.put(
            e,
            "position start",
            self.flaw(
                self.position_start(shift_day),
                [
                    "01/03/2024",
                    "2024-02-30",
                    "March 2024",
                    20240301,
                    "20240301",
                    "2024-03-01T00:00",
                    datetime(2024, 3, 1, 8, 0),
                    "",
                ],
                p_ill=0.04,
            ),
        )
        for name, p_true in (
            ("on probation", 0.08),
            ("under sanction", 0.05),
            ("in special circumstances", 0.1),
        ):
            value = self.chance(p_true) and self.messy
            self.put(e, name, self.flaw(value, ["yes", "no", 1, 0, "true"]))
        zone_name = "Asia/Jakarta"
        if self.chance(0.25):
            tz = r.choice(ZONES)
            e["timezone"] = tz
            zone_name = ZONE_OF.get(tz, tz)
        elif self.chance(0.03):
            e["timezone"] = None
        return e, zone_name

    def position_start(self, shift_day: date) -> Any:
        r = self.r
        x = r.random() if self.messy else 1.0
        if x < 0.15:  # right around 12 months before the shift day
            cutoff = _months_before(shift_day, 12)
            value = cutoff + timedelta(days=r.choice([-2, -1, 0, 0, 1, 1, 2]))
        elif x < 0.2:
            value = r.choice(
                [
                    date(2024, 2, 29),
                    date(2024, 2, 28),
                    date(2024, 3, 1),
                    date(2023, 2, 28),
                    date(2025, 2, 28),
                ]
            )
        elif x < 0.25:  # in the future, or recent
            value = shift_day + timedelta(days=r.randint(-200, 60))
        else:
            value = date(r.randint(2005, 2023), r.randint(1, 12), r.randint(1, 28))
        return value.isoformat() if self.chance(0.5) else value

    # -------------------------------------------------------------- shift
    def render(self, local: datetime, zone_name: str, is_end: bool) -> Any:
        """A local wall time as a naive or aware datetime or ISO text."""
        r = self.r
        x = r.random()
        midnight_end = is_end and local.time() == time(0)
        if x < 0.5:  # naive
            moment: datetime = local
        else:  # aware, in the employee's zone or another offset
            aware = local.replace(tzinfo=ZoneInfo(zone_name))
            off = r.choice([*OFFSETS, None])
            moment = aware if off is None else aware.astimezone(off)
        if self.chance(0.45):
            return moment
        # ISO text
        mt = moment.time()
        with_seconds = mt.second != 0 or self.chance(0.2)
        use_24 = False
        if is_end and mt == time(0) and (midnight_end or moment.tzinfo is not None):
            use_24 = self.chance(0.5)
        if use_24:
            prev = moment.date() - timedelta(days=1)
            text = f"{prev.isoformat()}T24:00" + (":00" if with_seconds else "")
        else:
            sep = "T" if self.chance(0.9) else " "
            text = f"{moment.date().isoformat()}{sep}{mt.hour:02d}:{mt.minute:02d}"
            if with_seconds:
                text += f":{mt.second:02d}"
        if moment.tzinfo is not None:
            off = moment.utcoffset()
            assert off is not None
            if off == timedelta(0) and self.chance(0.5):
                text += "Z"
            else:
                minutes = int(off.total_seconds() // 60)
                sign = "+" if minutes >= 0 else "-"
                text += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return text

    def pair(self, index: int) -> tuple[dict[str, Any], dict[str, Any]]:
        r = self.r
        day = self.day()
        if self.chance(0.55):
            start, end = self.daytime(day)
        else:
            start = datetime.combine(day, self.clock())
            end = start + self.duration(start)
        employee, zone_name = self.employee(index, day)
        shift: dict[str, Any] = {
            "start": self.render(start, zone_name, False),
            "end": self.render(end, zone_name, True),
            "location": r.choice(["office", "home", "home", "anywhere"]),
        }
        approved = self.flaw(self.chance(0.6), ["yes", 1, "true"], p_missing=0.15)
        if approved is not _MISSING:
            shift["approved"] = approved
        if self.chance(0.1):
            shift["id"] = f"S-{index:05d}"  # undeclared keys are ignored
        return employee, shift


def generate(seed: int, n: int) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """``n`` (employee, shift) pairs drawn from ``random.Random(seed)``."""
    gen = _Gen(seed)
    return [gen.pair(i) for i in range(n)]
