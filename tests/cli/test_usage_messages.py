"""A command called wrongly (`UsageError`, exit 2) or output it cannot write (`OutputError`):
each text in English and Bahasa Indonesia, and said in the language of `--lang`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flexrules import cli
from flexrules.core.messages import CATALOG, Text, say

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "examples" / "disdukcapil.rules")
ROSTER = ROOT / "examples" / "roster"

#: each usage code, the values it is filled with, and its text in English and Indonesian
CASES: list[tuple[str, dict[str, Any], str, str]] = [
    (
        "usage.no_policy",
        {"path": "x.rules"},
        "no policy file or folder at `x.rules`",
        "tidak ada berkas atau folder kebijakan di `x.rules`",
    ),
    (
        "usage.policy_kind",
        {"kind": Text("usage.kind.fifo"), "path": "x.rules"},
        "the policy `x.rules` is a named pipe (FIFO), not a .rules file or a folder",
        "kebijakan `x.rules` adalah pipa bernama (FIFO), bukan berkas .rules atau folder",
    ),
    (
        "usage.kind.fifo",
        {},
        "a named pipe (FIFO)",
        "pipa bernama (FIFO)",
    ),
    (
        "usage.kind.device",
        {},
        "a device",
        "perangkat",
    ),
    (
        "usage.kind.socket",
        {},
        "a socket",
        "soket",
    ),
    (
        "usage.kind.other",
        {},
        "not a regular file",
        "bukan berkas biasa",
    ),
    (
        "usage.stdin_once",
        {},
        "only one file can be read from standard input (`-`)",
        "hanya satu berkas yang dapat dibaca dari masukan standar (`-`)",
    ),
    (
        "usage.no_file",
        {"path": "x.rules"},
        "no file at `x.rules`",
        "tidak ada berkas di `x.rules`",
    ),
    (
        "usage.no_file_or_folder",
        {"path": "x.rules"},
        "no file or folder at `x.rules`",
        "tidak ada berkas atau folder di `x.rules`",
    ),
    (
        "usage.folder",
        {"path": "x.rules"},
        "`x.rules` is a folder, not a file",
        "`x.rules` adalah folder, bukan berkas",
    ),
    (
        "usage.json_and_format",
        {"chosen": "csv"},
        "--json asks for JSON and --format for csv; give one",
        "--json meminta JSON dan --format meminta csv; berikan salah satu",
    ),
    (
        "usage.pieces_json",
        {},
        "--pieces goes with --format json",
        "--pieces hanya dipakai bersama --format json",
    ),
    (
        "usage.summary_csv",
        {},
        "--summary gives text or JSON; --format csv is one row per violation",
        "--summary menghasilkan teks atau JSON; --format csv berisi satu baris per pelanggaran",
    ),
    (
        "usage.why_not_csv",
        {},
        "--why-not gives text or JSON; --format csv is one row per decision",
        "--why-not menghasilkan teks atau JSON; --format csv berisi satu baris per keputusan",
    ),
    (
        "usage.out_folder",
        {"out": "out/report.txt"},
        "--out `out/report.txt` is a folder, not a file",
        "--out `out/report.txt` adalah folder, bukan berkas",
    ),
    (
        "usage.out_no_folder",
        {"folder": "out", "out": "out/report.txt"},
        "--out `out/report.txt`: no folder `out` to write it in",
        "--out `out/report.txt`: tidak ada folder `out` untuk menuliskannya",
    ),
    (
        "usage.xlsx_out",
        {},
        "--format xlsx writes a workbook: give --out FILE.xlsx",
        "--format xlsx menulis buku kerja: berikan --out FILE.xlsx",
    ),
    (
        "usage.parquet_out",
        {},
        "--format parquet writes a file: give --out FILE",
        "--format parquet menulis berkas: berikan --out FILE",
    ),
    (
        "usage.html_and_format",
        {"chosen": "csv"},
        "--html writes HTML and --format asks for csv; give one",
        "--html menulis HTML dan --format meminta csv; berikan salah satu",
    ),
    (
        "usage.html_and_out",
        {},
        "--html FILE is --format html --out FILE; give --html or --out",
        "--html FILE sama dengan --format html --out FILE; berikan --html atau --out",
    ),
    (
        "usage.html_option",
        {"name": "--summary"},
        "--summary gives text or JSON; the HTML page is the whole report",
        "--summary menghasilkan teks atau JSON; halaman HTML memuat seluruh laporan",
    ),
    (
        "usage.html_jinja",
        {"hint": "pip install 'flexrules[html]'"},
        "HTML pages need Jinja2, which is not installed: pip install 'flexrules[html]'",
        "halaman HTML memerlukan Jinja2, yang belum terpasang: pip install 'flexrules[html]'",
    ),
    (
        "usage.stdin_write",
        {},
        "--write cannot rewrite standard input (`-`)",
        "--write tidak dapat menulis ulang masukan standar (`-`)",
    ),
    (
        "output.cannot_write",
        {"out": "out/report.txt", "reason": "Permission denied"},
        "cannot write `out/report.txt`: Permission denied",
        "tidak dapat menulis `out/report.txt`: Permission denied",
    ),
    (
        "usage.period_backwards",
        {"first": "2025-07-31", "last": "2025-07-01"},
        "--period ends (2025-07-01) before it starts (2025-07-31)",
        "--period berakhir (2025-07-01) sebelum dimulai (2025-07-31)",
    ),
    (
        "usage.horizon_backwards",
        {"first": "2025-07-31", "last": "2025-07-01"},
        "--horizon ends (2025-07-01) before it starts (2025-07-31)",
        "--horizon berakhir (2025-07-01) sebelum dimulai (2025-07-31)",
    ),
    (
        "usage.holidays.both",
        {},
        "give --year, or --from and --to, not both",
        "berikan --year, atau --from dan --to, jangan keduanya",
    ),
    (
        "usage.holidays.year",
        {"year": "2200"},
        "--year 2200 is outside 1950-2100, the years known here",
        "--year 2200 berada di luar 1950-2100, tahun yang dikenal di sini",
    ),
    (
        "usage.holidays.backwards",
        {"first": "2025-07-31", "last": "2025-07-01"},
        "--to (2025-07-01) is before --from (2025-07-31)",
        "--to (2025-07-01) jatuh sebelum --from (2025-07-31)",
    ),
    (
        "usage.holidays.ten_years",
        {},
        "give at most ten years at a time",
        "berikan paling banyak sepuluh tahun sekaligus",
    ),
    (
        "usage.show.year",
        {"year": "2200"},
        "--year 2200: holidays are known for 1950 to 2100",
        "--year 2200: hari libur dikenal untuk 1950 sampai 2100",
    ),
    (
        "usage.show.html_set",
        {},
        "--html shows one policy: give one version (a set is shown as text)",
        "--html menampilkan satu kebijakan: berikan satu versi (himpunan versi ditampilkan "
        "sebagai teks)",
    ),
    (
        "usage.cluster.workers",
        {"workers": "0"},
        "--workers is a number of processes, at least 1, not 0",
        "--workers adalah jumlah proses, paling sedikit 1, bukan 0",
    ),
    (
        "usage.cluster.formats",
        {},
        "--workers and --scheduler: the run gives the violations, one row each: add "
        "--format parquet, csv or json",
        "--workers dan --scheduler: proses ini menghasilkan pelanggaran, satu baris "
        "masing-masing: tambahkan --format parquet, csv atau json",
    ),
    (
        "usage.parquet_in.formats",
        {},
        "a roster given as Parquet files: the run gives the violations, one row each: "
        "add --format parquet, csv or json",
        "jadwal yang diberikan sebagai berkas Parquet: proses ini menghasilkan "
        "pelanggaran, satu baris masing-masing: tambahkan --format parquet, csv atau json",
    ),
    (
        "usage.cluster.extra",
        {"missing": "dask, distributed"},
        "--workers and --scheduler need the dask extra: pip install 'flexrules[dask]' (dask, "
        "distributed missing)",
        "--workers dan --scheduler memerlukan tambahan dask: pip install 'flexrules[dask]' "
        "(dask, distributed belum terpasang)",
    ),
    (
        "usage.cluster.one_task",
        {},
        "a set of versions, or a policy with `effective from`, is checked whole in one task of "
        "the cluster: the same answers as without --workers, not faster",
        "himpunan versi, atau kebijakan dengan `berlaku mulai`, diperiksa utuh dalam satu "
        "tugas klaster: jawabannya sama seperti tanpa --workers, tidak lebih cepat",
    ),
    (
        "usage.reading.unused",
        {"headers": "`idd`"},
        "--columns maps `idd`, a header no file read has",
        "--columns memetakan `idd`, judul yang tidak ada di berkas mana pun yang dibaca",
    ),
    (
        "usage.cluster.partitioned",
        {},
        "--partitioned goes with --workers or --scheduler and Parquet files",
        "--partitioned dipakai bersama --workers atau --scheduler dan berkas Parquet",
    ),
    (
        "usage.cluster.unaligned",
        {"counts": "2, 3"},
        "--partitioned needs as many files in each Parquet folder (file i of each holding the "
        "same employees), not 2, 3",
        "--partitioned memerlukan jumlah berkas yang sama di setiap folder Parquet (berkas ke-i "
        "masing-masing memuat pegawai yang sama), bukan 2, 3",
    ),
    (
        "usage.cluster.unreachable",
        {"address": "tcp://10.0.0.9:8786", "reason": "timed out"},
        "cannot reach the Dask scheduler at tcp://10.0.0.9:8786: timed out",
        "penjadwal Dask di tcp://10.0.0.9:8786 tidak dapat dijangkau: timed out",
    ),
    (
        "usage.cluster.changes",
        {},
        "a cluster checks employees whose facts do not change: check a roster with changes "
        "(--changes, valid from rows) without --workers or --scheduler",
        "klaster memeriksa pegawai yang faktanya tidak berubah: periksa jadwal yang memuat "
        "perubahan (--changes, baris valid from) tanpa --workers atau --scheduler",
    ),
    (
        "usage.reading.pair",
        {"what": "columns", "part": "NIP"},
        "columns: `NIP` is not NAME=VALUE",
        "columns: `NIP` bukan NAMA=NILAI",
    ),
    (
        "usage.reading.mapping",
        {"what": "columns"},
        'columns maps text to text, such as {"NIP": "id"}',
        'columns memetakan teks ke teks, seperti {"NIP": "id"}',
    ),
    (
        "usage.reading.separator",
        {"value": "|"},
        "the separator is `,`, `;` or `tab`, not `|`",
        "pemisah adalah `,`, `;` atau `tab`, bukan `|`",
    ),
    (
        "usage.parquet.mixed",
        {},
        "give the employees, shifts and absences all as Parquet or all as text files (CSV, "
        "JSON, xlsx)",
        "berikan pegawai, sif, dan ketidakhadiran semuanya sebagai Parquet atau semuanya "
        "sebagai berkas teks (CSV, JSON, xlsx)",
    ),
    (
        "usage.parquet.changes",
        {},
        "--changes goes with employees files (CSV, JSON, xlsx), not Parquet",
        "--changes dipakai bersama berkas pegawai (CSV, JSON, xlsx), bukan Parquet",
    ),
    (
        "usage.columnar.extra",
        {"missing": "numpy"},
        "decide_table and check_table need the columnar extra: pip install "
        "'flexrules[columnar]' (numpy is not installed)",
        "decide_table dan check_table memerlukan tambahan columnar: pip install "
        "'flexrules[columnar]' (numpy belum terpasang)",
    ),
    (
        "usage.parquet.extra",
        {},
        "Parquet files need the columnar extra: pip install 'flexrules[columnar]'",
        "berkas Parquet memerlukan tambahan columnar: pip install 'flexrules[columnar]'",
    ),
    (
        "usage.parquet.unreadable",
        {"path": "shifts.parquet", "reason": "Parquet magic bytes not found"},
        "cannot read `shifts.parquet` as Parquet: Parquet magic bytes not found",
        "`shifts.parquet` tidak dapat dibaca sebagai Parquet: Parquet magic bytes not found",
    ),
    (
        "output.cannot_read",
        {"file": "policy.rules", "reason": "Permission denied"},
        "cannot read `policy.rules`: Permission denied",
        "tidak dapat membaca `policy.rules`: Permission denied",
    ),
]


@pytest.mark.parametrize(("key", "args", "english", "indonesian"), CASES, ids=[c[0] for c in CASES])
def test_each_usage_code_reads_in_both_languages(
    key: str, args: dict[str, Any], english: str, indonesian: str
) -> None:
    assert (say(key, "en", **args), say(key, "id", **args)) == (english, indonesian)


def test_every_usage_code_has_a_case() -> None:
    codes = {key for key in CATALOG if key.startswith(("usage.", "output."))}
    assert codes == {case[0] for case in CASES}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err.splitlines()[-1]


def test_usage_errors_follow_lang(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "none.csv")
    args = ["roster", POLICY, "--employees", missing, "--shifts", str(tmp_path)]
    assert run(capsys, *args, "--lang", "id") == (
        2,
        f"flexrules roster: error: tidak ada berkas di `{missing}`; `{tmp_path}` adalah folder, "
        "bukan berkas",
    )
    assert run(capsys, *args) == (
        2,
        f"flexrules roster: error: no file at `{missing}`; `{tmp_path}` is a folder, not a file",
    )
    roster = [
        "roster",
        POLICY,
        "--employees",
        str(ROSTER / "employees.csv"),
        "--shifts",
        str(ROSTER / "shifts.csv"),
    ]
    assert run(capsys, *roster, "--format", "xlsx", "--lang", "id") == (
        2,
        "flexrules roster: error: --format xlsx menulis buku kerja: berikan --out FILE.xlsx",
    )
    assert run(capsys, *roster, "--period", "2025-07-31", "2025-07-01", "--lang", "id") == (
        2,
        "flexrules roster: error: --period berakhir (2025-07-01) sebelum dimulai (2025-07-31)",
    )
    assert run(capsys, *roster, "--separator", "|", "--lang", "id") == (
        2,
        "flexrules roster: error: pemisah adalah `,`, `;` atau `tab`, bukan `|`",
    )
    out = str(tmp_path / "nowhere" / "report.txt")
    assert run(capsys, *roster, "--out", out, "--lang", "id") == (
        2,
        f"flexrules roster: error: --out `{out}`: tidak ada folder `{tmp_path / 'nowhere'}` "
        "untuk menuliskannya",
    )
