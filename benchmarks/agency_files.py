"""Reading an agency's exports: the same month of attendance for N employees written three
ways, read with `flexrules.files.read_roster`:

- `iso`: `,` between cells, `start` and `end` as ISO date-times, `office`/`home` (the tidy form);
- `excel`: as Indonesian-locale Excel saves it: a byte-order mark, `;`, CRLF, an attendance
  export's `TANGGAL`, `JAM MASUK`, `JAM PULANG` (`07/07/2025`, `07.30`), `WFO`/`WFH`, mapped
  with `columns=`, with a day of leave per person as a `KETERANGAN` code;
- `xlsx`: the `excel` rows as a workbook written by openpyxl (dates and times as Excel values).

    python benchmarks/agency_files.py [EMPLOYEES]    # default 2,000 (44,000 rows)

Run by hand; prints seconds and rows per second for each. Figures are in docs/data.md.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from flexrules import compile_policy
from flexrules.files import read_roster

POLICY = compile_policy(
    'policy "bench" timezone Asia/Jakarta.\n'
    "employees have: unit: text, grade: number, on probation: yes or no.\n"
    "rule W: employees may work on-site.\nrule H: employees may work from home.\n"
)
DAYS = [dt.date(2025, 7, 1) + dt.timedelta(days=n) for n in range(31)]
WORKING = [d for d in DAYS if d.weekday() < 5][:22]
CODES = "CT=cuti tahunan"
COLUMNS = (
    "NIP=id,NAMA=name,UNIT KERJA=unit,GOL=grade,PERCOBAAN=on probation,LOKASI=location,"
    "KETERANGAN=kind"
)


def _nip(n: int) -> str:
    return f"19{n:016d}"


def write_files(folder: Path, count: int) -> dict[str, tuple[Path, Path]]:
    people_iso = ["id,name,unit,grade,on probation"]
    people_xl = ["NIP;NAMA;UNIT KERJA;GOL;PERCOBAAN"]
    shifts_iso = ["employee,start,end,location"]
    shifts_xl = ["NIP;NAMA;TANGGAL;JAM MASUK;JAM PULANG;LOKASI;KETERANGAN"]
    rows_xl: list[list[object]] = [shifts_xl[0].split(";")]
    for n in range(count):
        nip = _nip(n)
        people_iso.append(f"{nip},P{n},u{n % 10},7.5,no")
        people_xl.append(f"{nip};P{n};u{n % 10};7,5;Tidak")
        for index, day in enumerate(WORKING):
            where = "home" if (n + index) % 5 == 0 else "office"
            if index == n % 22:
                shifts_xl.append(f"{nip};P{n};{day:%d/%m/%Y};;;;CT")
                rows_xl.append(
                    [
                        nip,
                        f"P{n}",
                        dt.datetime(day.year, day.month, day.day),
                        None,
                        None,
                        None,
                        "CT",
                    ]
                )
                continue
            shifts_iso.append(f"{nip},{day}T07:30,{day}T16:00,{where}")
            wf = "WFH" if where == "home" else "WFO"
            shifts_xl.append(f"{nip};P{n};{day:%d/%m/%Y};07.30;16.00;{wf};")
            rows_xl.append(
                [
                    nip,
                    f"P{n}",
                    dt.datetime(day.year, day.month, day.day),
                    dt.time(7, 30),
                    dt.time(16),
                    wf,
                    None,
                ]
            )
    paths = {
        "iso": (folder / "e.csv", folder / "s.csv"),
        "excel": (folder / "pegawai.csv", folder / "presensi.csv"),
        "xlsx": (folder / "pegawai.csv", folder / "presensi.xlsx"),
    }
    paths["iso"][0].write_text("\n".join(people_iso) + "\n", encoding="utf-8")
    paths["iso"][1].write_text("\n".join(shifts_iso) + "\n", encoding="utf-8")
    bom = "\ufeff"
    paths["excel"][0].write_text(bom + "\r\n".join(people_xl) + "\r\n", encoding="utf-8")
    paths["excel"][1].write_text(bom + "\r\n".join(shifts_xl) + "\r\n", encoding="utf-8")
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Presensi")
    for row in rows_xl:
        sheet.append(row)
    workbook.save(paths["xlsx"][1])
    return paths


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as folder:
        paths = write_files(Path(folder), count)
        rows = count * len(WORKING)
        print(f"{count} employees, {rows} rows of attendance")
        for name, (employees, shifts) in paths.items():
            options = {} if name == "iso" else {"columns": COLUMNS, "absence_codes": CODES}
            began = time.perf_counter()
            roster = read_roster(employees, shifts, POLICY, **options)  # type: ignore[arg-type]
            took = time.perf_counter() - began
            read = sum(len(s) for s in roster.shifts.values())
            print(f"  {name:6} {took:6.2f} s  {rows / took:9,.0f} rows/s  ({read} shifts)")


if __name__ == "__main__":
    main()
