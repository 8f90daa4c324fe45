"""Seeded random schedules and rosters for comparing ``check``/``check_roster`` with the oracle.

``schedules(seed, n)`` returns ``n`` one-employee schedules and ``rosters(seed, n)`` ``n``
rosters, the same for the same seed, as plain dicts and lists:

* a schedule is ``{"employee": {...}, "shifts": [...], "period": None | (first, last),
  "absences": [...]}``: 1 to 6 weeks of mostly ordinary office days, on weeks chosen to cross
  months and years, to hold public and agency holidays, and to enter and leave Ramadan 2025; with
  split, overlapping, duplicated, overnight and weekend shifts, long weeks (over 40 hours), short
  days, remote streaks (over 8 home days a month), missing and ill-typed facts, leave days, and
  times written as naive or aware datetimes or ISO text (``T24:00`` too) in WIB, WITA and WIT;
* a roster is ``{"schedules": [(employee, shifts, absences), ...], "period": ...,
  "headcount": None | {...}}`` for 5 to 30 employees across the units (some counter staff, some
  with an unknown unit or role) and time zones, over a calendar month or 2 to 4 weeks.

Every shift is well formed (end after start, at most 24 hours, a known location and zone), so
both the engine and the oracle must accept it.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

__all__ = ["rosters", "schedules"]

# Mondays of interesting weeks (2025 Ramadan runs 1-30 March; agency holidays 28 Mar, 9 Jun).
ANCHOR_MONDAYS = [
    date(2025, 2, 17),
    date(2025, 2, 24),
    date(2025, 3, 3),
    date(2025, 3, 17),
    date(2025, 3, 24),
    date(2025, 3, 31),
    date(2025, 4, 14),
    date(2025, 4, 28),
    date(2025, 5, 26),
    date(2025, 6, 2),
    date(2025, 6, 9),
    date(2025, 6, 23),
    date(2025, 6, 30),
    date(2025, 1, 27),
    date(2025, 8, 25),
    date(2025, 9, 1),
    date(2024, 12, 23),
    date(2024, 12, 30),
    date(2025, 12, 22),
    date(2025, 12, 29),
]
ROSTER_MONTHS = [
    date(2025, 3, 1),
    date(2025, 4, 1),
    date(2025, 5, 1),
    date(2025, 6, 1),
    date(2025, 2, 1),
    date(2025, 12, 1),
    date(2025, 8, 1),
]
UNITS = ["registration", "records", "finance"]
ZONES = ["WIB", "WITA", "WIT", "Asia/Makassar", "Asia/Jayapura", "Asia/Jakarta", "wita"]
OFFSET_OF = {
    "WIB": 7,
    "WITA": 8,
    "WIT": 9,
    "Asia/Makassar": 8,
    "Asia/Jayapura": 9,
    "Asia/Jakarta": 7,
    "wita": 8,
}
_MISSING = object()
# Holidays the clean weeks skip (public 2024-2026 weekdays and the policy's agency days); a day
# missing here is only worked, which the oracle judges like any other.
_HOLIDAYS = {
    date(2024, 12, 25),
    date(2025, 1, 1),
    date(2025, 1, 27),
    date(2025, 1, 29),
    date(2025, 3, 28),
    date(2025, 3, 31),
    date(2025, 4, 1),
    date(2025, 4, 18),
    date(2025, 5, 1),
    date(2025, 5, 12),
    date(2025, 5, 29),
    date(2025, 6, 6),
    date(2025, 6, 9),
    date(2025, 6, 27),
    date(2025, 9, 5),
    date(2025, 12, 25),
    date(2026, 1, 1),
}


def _holiday(d: date) -> bool:
    return d in _HOLIDAYS


class _Gen:
    def __init__(self, seed: int, part_days: bool = False) -> None:
        self.r = random.Random(seed)
        # part-day absences (only when asked) draw from a stream of their own too, so the rest
        # of every case is the same with them or without
        self.part_days = part_days
        self.parts = random.Random(seed + 2_000_003)
        # kinds of absence draw from their own stream, so the cases drawn before they were
        # added stay the same (other oracles' tests were tuned on them)
        self.kinds = random.Random(seed + 1_000_003)
        # official travel on a weekend (its hours count toward a week's hour minimum, O12) has
        # a stream of its own as well, so the part-day cases drawn before it stay the same
        self.weekends = random.Random(seed + 3_000_017)

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    # -------------------------------------------------------------- facts
    def put(self, d: dict[str, Any], name: str, value: Any) -> None:
        """Store NAME under its spaced or underscored key; _MISSING leaves it out."""
        if value is _MISSING:
            return
        under = name.replace(" ", "_")
        if under != name and self.chance(0.3):
            d[name] = value
        else:
            d[under] = value

    def flaw(self, good: Any, bad: list[Any], p: float) -> Any:
        """The good value, or (with probability p) missing, None or an ill-typed value."""
        if not self.chance(p):
            return good
        return self.r.choice([_MISSING, None, *bad])

    def employee(
        self,
        ident: str,
        messy: float,
        role: str | None = None,
        unit: str | None = None,
        zone: str | None = None,
    ) -> tuple[dict[str, Any], int]:
        r = self.r
        e: dict[str, Any] = {"id": ident}
        if self.chance(0.3):
            e["name"] = r.choice(["Sari", "Budi", "Dewi", "Agus", "Rina", "Joko"])
        self.put(
            e,
            "role",
            self.flaw(
                role or r.choice(["counter", "counter", "clerk", "analyst", "head of section"]),
                ["Counter", 42, "counter "],
                messy,
            ),
        )
        self.put(e, "unit", self.flaw(unit or r.choice(UNITS), ["Finance", 7, "archives"], messy))
        self.put(
            e, "in special circumstances", self.flaw(self.chance(0.15), ["yes", 1, "no"], messy)
        )
        grade: Any = r.choice([8, 9, 10, 11, 12, 12, 13, 14, 16, 12.0, 11.5])
        self.put(e, "grade", self.flaw(grade, ["12", True, "twelve"], messy))
        offset = 7
        if zone is not None:
            e["timezone"] = zone
            offset = OFFSET_OF[zone]
        elif self.chance(0.3):
            tz = r.choice(ZONES)
            e["timezone"] = tz
            offset = OFFSET_OF[tz]
        elif self.chance(0.05):
            e["timezone"] = None
        return e, offset

    # -------------------------------------------------------------- rendering
    def render(self, local: datetime, offset: int, is_end: bool) -> Any:
        """Local wall time (employee clock, UTC+offset) as a naive/aware datetime or ISO text."""
        r = self.r
        x = r.random()
        if x < 0.55:
            moment = local
        else:
            aware = local.replace(tzinfo=timezone(timedelta(hours=offset)))
            other = r.choice([None, None, 7, 8, 9, 0])
            moment = aware if other is None else aware.astimezone(timezone(timedelta(hours=other)))
        if self.chance(0.4):
            return moment
        t = moment.time()
        seconds = t.second != 0 or self.chance(0.1)
        if is_end and t == time(0) and self.chance(0.5):
            text = f"{(moment.date() - timedelta(days=1)).isoformat()}T24:00"
            text += ":00" if seconds else ""
        else:
            text = f"{moment.date().isoformat()}T{t.hour:02d}:{t.minute:02d}"
            text += f":{t.second:02d}" if seconds else ""
        if moment.tzinfo is not None:
            off = moment.utcoffset()
            assert off is not None
            if off == timedelta(0) and self.chance(0.5):
                text += "Z"
            else:
                h = int(off.total_seconds()) // 3600
                text += f"{'+' if h >= 0 else '-'}{abs(h):02d}:00"
        return text

    def shift(
        self, start: datetime, end: datetime, location: str, offset: int, messy: float
    ) -> dict[str, Any]:
        s: dict[str, Any] = {
            "start": self.render(start, offset, False),
            "end": self.render(end, offset, True),
            "location": location,
        }
        purpose = self.flaw(
            self.r.choice(["desk", "desk", "desk", "field visit"]),
            ["Field visit", 3, "meeting"],
            0.1 + messy / 2,
        )
        if purpose is not _MISSING:
            s["purpose"] = purpose
        if self.chance(0.05):
            s["id"] = f"S-{self.r.randrange(10**6)}"  # undeclared: ignored
        return s

    # -------------------------------------------------------------- days of work
    def location(self, style: str) -> str:
        weights = {
            "office": (0.85, 0.1, 0.05),
            "mixed": (0.5, 0.3, 0.2),
            "remote": (0.15, 0.6, 0.25),
            "counter": (0.9, 0.07, 0.03),
        }[style]
        return self.r.choices(["office", "home", "anywhere"], weights=weights)[0]

    def day_shifts(self, day: date, style: str, hours: str) -> list[tuple[datetime, datetime, str]]:
        """The (local start, local end, location) shifts of one day."""
        r = self.r
        base = datetime.combine(day, time(0))
        start = base + timedelta(
            minutes=r.choice(
                [420, 450, 480, 480, 480, 510, 540, 420 + 15 * r.randrange(12), 360, 780]
            )
        )
        minutes = {
            "normal": r.choice([480, 480, 510, 450, 540, 420, 390, 450 + 15 * r.randrange(6)]),
            "long": r.choice([540, 600, 660, 720, 630]),
            "short": r.choice([240, 300, 360, 390, 420, 449, 450]),
        }[hours]
        if self.chance(0.05):
            minutes = r.randint(1, 24 * 60)
        if self.chance(0.05):  # seconds now and then
            start += timedelta(seconds=r.randrange(1, 60))
        end = min(start + timedelta(minutes=minutes), start + timedelta(hours=24))
        location = self.location(style)
        out = [(start, end, location)]
        x = r.random()
        if x < 0.12:  # split day: morning in one place, afternoon in another, gap or overlap
            mid = start + (end - start) / 2
            mid = mid.replace(second=0, microsecond=0)
            other = self.location("mixed")
            gap = timedelta(minutes=r.choice([-60, -30, 0, 0, 30, 60]))
            if mid + gap < end and start < mid:
                out = [(start, mid, location), (mid + gap, end, other)]
        elif x < 0.17:  # a duplicate or overlapping second shift
            lag = timedelta(minutes=r.choice([0, 60, 120, 240]))
            out.append(
                (
                    start + lag,
                    min(end + lag, start + lag + timedelta(hours=24)),
                    r.choice([location, self.location("mixed")]),
                )
            )
        elif x < 0.22:  # an evening or overnight shift besides
            ev = base + timedelta(hours=r.choice([18, 20, 22, 23]))
            out.append(
                (ev, ev + timedelta(hours=r.choice([2, 4, 6, 8, 10])), self.location("mixed"))
            )
        return out

    # -------------------------------------------------------------- one schedule
    def monday(self) -> date:
        if self.chance(0.7):
            return self.r.choice(ANCHOR_MONDAYS)
        d = date(2024, 6, 3) + timedelta(weeks=self.r.randrange(110))
        return d

    def day_value(self, d: date) -> Any:
        return d.isoformat() if self.chance(0.4) else d

    def absence_value(self, d: date) -> Any:
        """A day of leave: the day alone, or now and then with a kind, official travel
        (`dinas luar`, declared `as work`) among them (DATA.md §3)."""
        value = self.day_value(d)
        if self.kinds.random() < 0.3:
            return {"date": value, "kind": self.kinds.choice(["cuti", "dinas luar"])}
        return value

    def part_day_absences(
        self, days: list[date], raw: list[tuple[datetime, datetime, str]]
    ) -> list[Any]:
        """Now and then a few part-day absences (DATA.md §3), mostly on days with a shift, as
        mappings with local ``start``/``end`` (datetimes or ISO text) and maybe a kind."""
        p = self.parts
        if not self.part_days or p.random() < 0.4:
            return []
        worked = sorted({s.date() for s, _, _ in raw if s.date() in days}) or days
        found: list[Any] = []
        for _ in range(p.randint(1, 4)):
            day = p.choice(worked) if p.random() < 0.8 else p.choice(days)
            start = datetime.combine(day, time(0)) + timedelta(minutes=30 * p.randint(10, 34))
            end = min(
                start + timedelta(minutes=30 * p.randint(1, 9)),
                datetime.combine(day, time(23, 30)),
            )
            text = p.random() < 0.4
            absence: dict[str, Any] = {
                "start": start.isoformat(timespec="minutes") if text else start,
                "end": end.isoformat(timespec="minutes") if text else end,
            }
            kind = p.choice([None, None, "izin", "sakit", "cuti", "dinas luar"])
            if kind is not None:
                absence["kind"] = kind
            found.append(absence)
        return found + self.weekend_travel(days)

    def weekend_travel(self, days: list[date]) -> list[Any]:
        """Now and then a few hours of official travel (`dinas luar`, `as work`) on a Saturday
        or Sunday: hours worked for a week's minimum as that day's pieces are (O12)."""
        w = self.weekends
        weekend = [d for d in days if d.weekday() >= 5]
        if not weekend or w.random() < 0.3:
            return []
        day = w.choice(weekend)
        start = datetime.combine(day, time(0)) + timedelta(minutes=30 * w.randint(14, 26))
        end = start + timedelta(minutes=30 * w.randint(2, 16))
        return [{"start": start, "end": end, "kind": "dinas luar"}]

    def schedule(self, index: int) -> dict[str, Any]:
        r = self.r
        messy = r.choice([0.0, 0.0, 0.1, 0.3])
        employee, offset = self.employee(f"E-{index:04d}", messy)
        weeks = r.randint(1, 6)
        first = self.monday()
        if weeks >= 3 and self.chance(0.3):
            first -= timedelta(weeks=r.randint(1, 2))
        days = [first + timedelta(days=i) for i in range(7 * weeks)]
        style = r.choice(["office", "office", "mixed", "mixed", "remote", "counter"])
        hours = r.choice(["normal", "normal", "normal", "long", "short"])
        raw = self.weeks_of_work(days, style, hours, messy)
        self.odd_shifts(raw, first, weeks, days, hours)
        shifts = [self.shift(s, e, loc, offset, messy) for s, e, loc in raw]
        if self.chance(0.3):
            r.shuffle(shifts)
        elif self.chance(0.1) and shifts:
            shifts.append(dict(shifts[r.randrange(len(shifts))]))  # an exact copy
        period = self.schedule_period(days)
        absences: list[Any] = []
        if self.chance(0.35):
            for _ in range(r.randint(1, 4)):
                absences.append(self.absence_value(r.choice(days)))
        absences += self.part_day_absences(days, raw)
        return {"employee": employee, "shifts": shifts, "period": period, "absences": absences}

    def weeks_of_work(
        self, days: list[date], style: str, hours: str, messy: float
    ) -> list[tuple[datetime, datetime, str]]:
        """The ordinary shifts of a schedule: now and then a model week, mostly random days."""
        r = self.r
        p_weekday = r.choice([0.95, 0.9, 0.8, 0.6])
        raw: list[tuple[datetime, datetime, str]] = []
        clean = self.chance(0.2)  # a model week: every working day full, at most 2 remote
        for d in days:
            if clean:
                if d.weekday() < 5 and not _holiday(d):
                    raw.append(self.model_day(d, style, messy))
            elif self.chance(p_weekday if d.weekday() < 5 else 0.07):
                raw.extend(self.day_shifts(d, style, hours if self.chance(0.8) else "normal"))
        return raw

    def model_day(self, d: date, style: str, messy: float) -> tuple[datetime, datetime, str]:
        """One working day of a model week: a full day (shorter in Ramadan), remote on Tuesdays
        and Thursdays only for a tidy, non-counter employee."""
        r = self.r
        s = datetime.combine(d, time(8)) - timedelta(minutes=r.choice([0, 30, 60]))
        ramadan = date(2025, 3, 1) <= d <= date(2025, 3, 30)
        e = s + timedelta(minutes=(420 if ramadan else 450) + r.choice([0, 15, 30]))
        remote = d.weekday() in (1, 3) and messy == 0.0 and style != "counter"
        return (s, e, r.choice(["home", "anywhere"]) if remote else "office")

    def odd_shifts(
        self,
        raw: list[tuple[datetime, datetime, str]],
        first: date,
        weeks: int,
        days: list[date],
        hours: str,
    ) -> None:
        """Now and then, add to `raw` a shift at an edge: Sunday night into Monday, a tie late
        in a long week, a full 24 hours."""
        r = self.r
        if self.chance(0.15):  # Sunday night into Monday
            sunday = first + timedelta(days=6 + 7 * r.randrange(weeks))
            s = datetime.combine(sunday, time(r.choice([20, 22, 23])))
            raw.append((s, s + timedelta(hours=r.choice([3, 6, 9])), self.location("mixed")))
        if hours == "long" and raw and self.chance(0.5):
            # two shifts starting together late in a long week: the hour maximum's blame walk
            # breaks the tie by the order given
            s = max(raw, key=lambda x: x[0])[0]
            e = s + timedelta(minutes=r.choice([60, 120, 240, 600]))
            other = (s, e, self.location("mixed"))
            raw.insert(r.choice([0, len(raw)]), other)
        if self.chance(0.05):  # a full 24 hours
            d = r.choice(days)
            s = datetime.combine(d, time(r.choice([0, 8])))
            raw.append((s, s + timedelta(hours=24), self.location("mixed")))

    def schedule_period(self, days: list[date]) -> Any:
        """None, the schedule's own days, or a period a few days off them at either end."""
        r = self.r
        period: Any = None
        x = r.random()
        if x < 0.4:
            period = (days[0], days[-1])
        elif x < 0.6:
            lo = days[0] + timedelta(days=r.randint(-3, 5))
            hi = days[-1] - timedelta(days=r.randint(-3, 5))
            if lo > hi:
                lo, hi = hi, lo
            period = (lo, hi)
        if period is not None:
            period = (self.day_value(period[0]), self.day_value(period[1]))
        return period

    # -------------------------------------------------------------- one roster
    def roster(self, index: int) -> dict[str, Any]:
        r = self.r
        size = r.randint(5, 30)
        days = self.roster_days()
        messy = r.choice([0.0, 0.05, 0.15, 0.3])
        zones = r.choice([["WIB"], ["WIB", "WITA"], ["WIB", "WITA", "WIT"], ["WITA", "WIT"]])
        # part of the agency only, now and then: headcount may name units nobody here is in
        units = UNITS if self.chance(0.7) else r.sample(UNITS, r.choice([1, 2]))
        schedules = [self.member(index, j, days, messy, zones, units) for j in range(size)]
        period: Any = None
        x = r.random()
        if x < 0.35:
            period = (days[0], days[-1])
        elif x < 0.5:
            period = (
                days[0] + timedelta(days=r.randint(0, 6)),
                days[-1] - timedelta(days=r.randint(0, 6)),
            )
        headcount = self.headcount(units)
        return {"schedules": schedules, "period": period, "headcount": headcount}

    def roster_days(self) -> list[date]:
        """A calendar month, or 2 to 4 weeks from a Monday."""
        r = self.r
        if self.chance(0.5):
            first = r.choice(ROSTER_MONTHS)
            nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return [first + timedelta(days=i) for i in range((nxt - first).days)]
        first = self.monday()
        return [first + timedelta(days=i) for i in range(7 * r.randint(2, 4))]

    def member(
        self,
        index: int,
        j: int,
        days: list[date],
        messy: float,
        zones: list[str],
        units: list[str],
    ) -> tuple[dict[str, Any], list[dict[str, Any]], list[Any]]:
        """The `j`th employee of roster `index`, with shifts and absences over `days`."""
        r = self.r
        counter = self.chance(0.35)
        role = "counter" if counter else r.choice(["clerk", "analyst", "head of section"])
        zone = r.choice(zones)
        employee, offset = self.employee(
            f"R{index:02d}-{j:02d}",
            messy,
            role=role,
            unit=r.choice(units),
            zone=None if zone == "WIB" and self.chance(0.5) else zone,
        )
        style = (
            "counter"
            if counter and self.chance(0.7)
            else r.choice(["office", "mixed", "remote", "mixed"])
        )
        raw = self.member_days(days, style)
        if j == 0 and self.chance(0.3):
            # before dawn on the first day: in WIT, the evening before on the WIB clock
            s = datetime.combine(days[0], time(0, 30)) - timedelta(hours=r.choice([0, 1]))
            raw.append((s, s + timedelta(hours=8), r.choice(["office", "home"])))
        if j == 1 and self.chance(0.3):
            # ending at WIB midnight on the last day: no piece on the next day
            s = datetime.combine(days[-1], time(16)) + timedelta(hours=offset - 7)
            raw.append((s, s + timedelta(hours=8), r.choice(["office", "anywhere"])))
        shifts = [self.shift(s, e, loc, offset, messy) for s, e, loc in raw]
        if self.chance(0.2):
            r.shuffle(shifts)
        absences: list[Any] = []
        if self.chance(0.15):
            absences = [self.absence_value(r.choice(days)) for _ in range(r.randint(1, 3))]
        if self.part_days and self.parts.random() < 0.3:
            absences += self.part_day_absences(days, raw)
        return employee, shifts, absences

    def member_days(self, days: list[date], style: str) -> list[tuple[datetime, datetime, str]]:
        """A roster employee's days of work: counter staff mostly keep counter hours."""
        r = self.r
        raw: list[tuple[datetime, datetime, str]] = []
        p_weekday = r.choice([0.95, 0.9, 0.8])
        for d in days:
            if not self.chance(p_weekday if d.weekday() < 5 else 0.05):
                continue
            base = datetime.combine(d, time(0))
            if style == "counter" and self.chance(0.8):
                s = base + timedelta(minutes=r.choice([420, 450, 480, 480, 510, 540, 600]))
                e = s + timedelta(minutes=r.choice([420, 450, 480, 480, 510, 360]))
                raw.append((s, e, self.location("counter")))
            else:
                raw.extend(self.day_shifts(d, style, "normal"))
        return raw

    def headcount(self, units: list[str]) -> dict[Any, int] | None:
        """None, or a headcount per unit (and for counter staff, under None); likelier and
        fuller when the roster holds part of the agency only."""
        r = self.r
        headcount: dict[Any, int] | None = None
        partial = len(units) < len(UNITS)
        if self.chance(0.7 if partial else 0.35):
            headcount = {}
            for unit in UNITS:
                if self.chance(0.9 if partial else 0.6):
                    headcount[unit] = r.randint(1, 25)
            if self.chance(0.5):
                headcount[None] = r.randint(1, 20)
        return headcount


def schedules(seed: int, n: int, part_days: bool = False) -> list[dict[str, Any]]:
    """``n`` one-employee schedules drawn from ``random.Random(seed)``; with ``part_days``,
    the same cases with part-day absences added (from a stream of their own)."""
    gen = _Gen(seed, part_days)
    return [gen.schedule(i) for i in range(n)]


def rosters(seed: int, n: int, part_days: bool = False) -> list[dict[str, Any]]:
    """``n`` rosters drawn from ``random.Random(seed)``; with ``part_days`` as in
    ``schedules``."""
    gen = _Gen(seed, part_days)
    return [gen.roster(i) for i in range(n)]
